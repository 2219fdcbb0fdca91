/**
 * Node objects as a kubeadm node's kubelet registers them: labels, taints, capacity,
 * addresses, conditions and system info.
 */
import type { KubeObject } from './api/types.js';
import { KUBERNETES_VERSION, type NodeSpec } from './spec.js';
import type { Random } from './random.js';

const DEFAULT_CAPACITY: Record<string, string> = {
  cpu: '2',
  'ephemeral-storage': '20134592Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '4005972Ki',
  pods: '110',
};

/** Allocatable = capacity less the kubelet's reservations (100Mi memory eviction threshold, 10% disk). */
function allocatableFor(capacity: Record<string, string>): Record<string, string> {
  const out = { ...capacity };
  const mem = /^(\d+)Ki$/.exec(capacity.memory ?? '');
  if (mem) out.memory = `${Number(mem[1]) - 102400}Ki`;
  const disk = /^(\d+)Ki$/.exec(capacity['ephemeral-storage'] ?? '');
  if (disk) out['ephemeral-storage'] = String(Math.floor(Number(disk[1]) * 1024 * 0.9));
  return out;
}

/** The InternalIP of the i-th node: 172.30.1.2 for the first, then 172.30.2.2, 172.30.2.3... */
export function nodeInternalIP(index: number): string {
  return index === 0 ? '172.30.1.2' : `172.30.2.${index + 1}`;
}

/** The pod CIDR of the i-th node (kubeadm with a 10.244.0.0/16 pod network). */
export function nodePodCIDR(index: number): string {
  return `10.244.${index}.0/24`;
}

/** Builds the Node object a kubelet would register for a spec entry. */
export function nodeObject(spec: NodeSpec, index: number, random: Random, version = KUBERNETES_VERSION): KubeObject {
  const controlPlane = spec.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...(spec.labels ?? {}),
  };
  const taints = [
    ...(controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []),
    ...(spec.taints ?? []).map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })),
  ];
  const capacity = { ...DEFAULT_CAPACITY, ...(spec.capacity ?? {}) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: nodePodCIDR(index),
      podCIDRs: [nodePodCIDR(index)],
      ...(taints.length > 0 ? { taints } : {}),
      ...(spec.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { address: nodeInternalIP(index), type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable: allocatableFor(capacity),
      capacity,
      conditions: [],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [],
      nodeInfo: {
        architecture: 'amd64',
        bootID: random.uuid(),
        containerRuntimeVersion: 'containerd://1.7.13',
        kernelVersion: '5.15.0-113-generic',
        kubeProxyVersion: version,
        kubeletVersion: version,
        machineID: random.hex(32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.4 LTS',
        systemUUID: random.uuid(),
      },
    },
  };
}

/**
 * The conditions a kubelet registers its node with: its first status is computed before
 * the first container runtime check, so the node starts NotReady (the Ready setter's
 * runtimeErrors) until the next status update.
 */
export function registeringNodeConditions(now: string): KubeObject['status']['conditions'] {
  return healthyNodeConditions(now, now).map((c: { type: string }) =>
    c.type === 'Ready' ? { ...c, status: 'False', reason: 'KubeletNotReady', message: 'container runtime status check may not have completed yet' } : c,
  );
}

/** The four conditions a healthy kubelet posts, stamped at `now`. */
export function healthyNodeConditions(now: string, since: string): KubeObject['status']['conditions'] {
  const c = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: now, lastTransitionTime: since, reason, message });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}
