/**
 * The shape of a cluster as data: which nodes it has, with their labels, taints and sizes.
 * Lessons may give their own; otherwise it is the kubeadm-style default below.
 */

export interface TaintSpec {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeSpec {
  readonly name: string;
  /** A control-plane node gets kubeadm's role label and NoSchedule taint. */
  readonly role?: 'control-plane' | 'worker';
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly TaintSpec[];
  /** Capacity, e.g. `{cpu: '2', memory: '4Gi', pods: '110'}`. */
  readonly capacity?: Readonly<Record<string, string>>;
  readonly unschedulable?: boolean;
}

export interface ClusterSpec {
  readonly nodes: readonly NodeSpec[];
  /** The Kubernetes version the nodes report. */
  readonly version?: string;
}

export const KUBERNETES_VERSION = 'v1.30.2';

/** controlplane, node01 and node02, as a kubeadm training cluster has them. */
export const DEFAULT_CLUSTER: ClusterSpec = {
  nodes: [
    { name: 'controlplane', role: 'control-plane' },
    { name: 'node01', role: 'worker' },
    { name: 'node02', role: 'worker' },
  ],
};
