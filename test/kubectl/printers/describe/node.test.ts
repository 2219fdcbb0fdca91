import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../../src/kubectl/printers/describe/index.js';
import { contextOf, event } from './fixtures.js';
import { node01, node01Pods } from './node-fixture.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

suite('describe node', () => {
  it('prints the fields in reference §2 order, with pods and allocated resources from the pods on the node', () => {
    const node = node01();
    const out = describe('nodes', node, contextOf('2024-07-04T10:00:00Z', [node, ...node01Pods()]));
    expect(out).toBe(
      lines(
        'Name:               node01',
        'Roles:              <none>',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=node01',
        '                    kubernetes.io/os=linux',
        'Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock',
        '                    node.alpha.kubernetes.io/ttl: 0',
        '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
        'CreationTimestamp:  Mon, 01 Jul 2024 10:00:00 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  node01',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Thu, 04 Jul 2024 09:59:40 +0000',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Thu, 04 Jul 2024 09:59:40 +0000   Mon, 01 Jul 2024 10:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  DiskPressure     False   Thu, 04 Jul 2024 09:59:40 +0000   Mon, 01 Jul 2024 10:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
        '  PIDPressure      False   Thu, 04 Jul 2024 09:59:40 +0000   Mon, 01 Jul 2024 10:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
        '  Ready            True    Thu, 04 Jul 2024 09:59:40 +0000   Mon, 01 Jul 2024 10:00:00 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    node01',
        'Capacity:',
        '  cpu:                4',
        '  ephemeral-storage:  102625208Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             8025424Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                4',
        '  ephemeral-storage:  102625208Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             8025424Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 2b6f1c4e9d8a4f7b8c3e5d1a0f9e8d7c',
        '  System UUID:                2b6f1c4e-9d8a-4f7b-8c3e-5d1a0f9e8d7c',
        '  Boot ID:                    f3e2d1c0-b9a8-4765-8432-10fedcba9876',
        '  Kernel Version:             6.8.0-1015-gcp',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.15',
        '  Kubelet Version:            v1.30.0',
        '  Kube-Proxy Version:         v1.30.0',
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'ProviderID:                   kind://docker/kind/node01',
        'Non-terminated Pods:          (5 in total)',
        // The Name column is followed by an empty column ("\t\t"), so names get four spaces, not two.
        '  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                        ------------  ----------  ---------------  -------------  ---',
        '  default                     web-7d4b9c8f6d-q7m2z        250m (6%)     0 (0%)      85Mi (1%)        110Mi (1%)     2m',
        '  default                     web-7d4b9c8f6d-x2x9k        250m (6%)     0 (0%)      85Mi (1%)        110Mi (1%)     2m',
        '  kube-system                 coredns-7db6d8ff4d-9wzqk    100m (2%)     0 (0%)      70Mi (0%)        170Mi (2%)     3d',
        '  kube-system                 kindnet-5vq7m               150m (3%)     0 (0%)      50Mi (0%)        0 (0%)         3d',
        '  kube-system                 kube-proxy-x8k2z            0 (0%)        0 (0%)      0 (0%)           0 (0%)         3d',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                750m (18%)  0 (0%)',
        '  memory             290Mi (3%)  390Mi (4%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        '  hugepages-1Gi      0 (0%)      0 (0%)',
        '  hugepages-2Mi      0 (0%)      0 (0%)',
        'Events:              <none>',
      ),
    );
  });

  it('shows roles and taints sorted by effect then key', () => {
    const node = node01();
    node.metadata.labels!['node-role.kubernetes.io/control-plane'] = '';
    node.spec.taints = [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      { key: 'dedicated', value: 'gpu', effect: 'PreferNoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ];
    node.spec.unschedulable = true;
    const out = describe('nodes', node, contextOf('2024-07-04T10:00:00Z', [node]));
    expect(out).toContain('Roles:              control-plane\n');
    expect(out).toContain(
      lines(
        'Taints:             node-role.kubernetes.io/control-plane:NoSchedule',
        '                    node.kubernetes.io/unschedulable:NoSchedule',
        '                    dedicated=gpu:PreferNoSchedule',
        'Unschedulable:      true',
      ),
    );
  });

  it('finds node events recorded under the node uid and under its name', () => {
    const node = node01();
    const events = [
      event({ name: 'a', involved: { kind: 'Node', name: 'node01', namespace: '', uid: 'node01' }, reason: 'NodeReady', message: 'Node node01 status is now: NodeReady', component: 'kubelet', first: '2024-07-04T09:59:00Z' }),
      event({ name: 'b', involved: { kind: 'Node', name: 'node01', namespace: '', uid: 'node01-uid' }, reason: 'RegisteredNode', message: 'Node node01 event: Registered Node node01 in Controller', component: 'node-controller', first: '2024-07-04T09:58:00Z' }),
      event({ name: 'c', involved: { kind: 'Node', name: 'node02', namespace: '', uid: 'node02' }, reason: 'NodeReady', message: 'other node', component: 'kubelet', first: '2024-07-04T09:59:00Z' }),
    ];
    const out = describe('nodes', node, contextOf('2024-07-04T10:00:00Z', [node, ...events]));
    expect(out.endsWith(
      lines(
        'Events:',
        '  Type    Reason          Age   From             Message',
        '  ----    ------          ----  ----             -------',
        '  Normal  RegisteredNode  2m    node-controller  Node node01 event: Registered Node node01 in Controller',
        '  Normal  NodeReady       60s   kubelet          Node node01 status is now: NodeReady',
      ),
    )).toBe(true);
  });
});
