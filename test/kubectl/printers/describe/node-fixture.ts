/**
 * node01 of a kubeadm v1.30 kind-style cluster, with the five pods it runs.
 */
import type { KubeObject } from '../../../../src/engine/api/types.js';

const T0 = '2024-07-01T10:00:00Z';
const HEARTBEAT = '2024-07-04T09:59:40Z';

export function node01(): KubeObject {
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: HEARTBEAT,
    lastTransitionTime: T0,
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'node01',
      uid: 'node01-uid',
      creationTimestamp: T0,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': 'node01',
        'kubernetes.io/os': 'linux',
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/node01' },
    status: {
      capacity: { cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8025424Ki', pods: '110' },
      allocatable: { cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8025424Ki', pods: '110' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: '172.18.0.3' },
        { type: 'Hostname', address: 'node01' },
      ],
      nodeInfo: {
        machineID: '2b6f1c4e9d8a4f7b8c3e5d1a0f9e8d7c',
        systemUUID: '2b6f1c4e-9d8a-4f7b-8c3e-5d1a0f9e8d7c',
        bootID: 'f3e2d1c0-b9a8-4765-8432-10fedcba9876',
        kernelVersion: '6.8.0-1015-gcp',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.15',
        kubeletVersion: 'v1.30.0',
        kubeProxyVersion: 'v1.30.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

function pod(namespace: string, name: string, created: string, requests: Record<string, string>, limits: Record<string, string>, phase = 'Running'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `${name}-uid`, creationTimestamp: created },
    spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'x', resources: { requests, limits } }] },
    status: { phase },
  };
}

/** Requests total 750m cpu and 290Mi memory; memory limits 390Mi. */
export function node01Pods(): KubeObject[] {
  return [
    pod('kube-system', 'kube-proxy-x8k2z', T0, {}, {}),
    pod('kube-system', 'kindnet-5vq7m', T0, { cpu: '150m', memory: '50Mi' }, {}),
    pod('kube-system', 'coredns-7db6d8ff4d-9wzqk', T0, { cpu: '100m', memory: '70Mi' }, { memory: '170Mi' }),
    pod('default', 'web-7d4b9c8f6d-x2x9k', '2024-07-04T09:58:00Z', { cpu: '250m', memory: '85Mi' }, { memory: '110Mi' }),
    pod('default', 'web-7d4b9c8f6d-q7m2z', '2024-07-04T09:58:00Z', { cpu: '250m', memory: '85Mi' }, { memory: '110Mi' }),
    // Finished pods are not "non-terminated" and do not count.
    pod('default', 'pi-4xk8d', T0, { cpu: '1' }, {}, 'Succeeded'),
  ];
}
