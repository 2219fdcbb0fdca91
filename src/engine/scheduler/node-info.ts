/**
 * framework.NodeInfo: one node with the pods placed on it and the sums the filters need
 * (requested resources, host ports, pods carrying affinity), kept up to date as pods
 * come and go so that no filter has to walk every pod of the cluster.
 */
import type { KubeObject } from '../api/types.js';
import { addResources, emptyResources, podRequests, resourcesFromList, type Resources } from './resources.js';
import { podKey } from './types.js';

/** A host port a pod claims on its node. */
export interface HostPort {
  readonly protocol: string;
  readonly ip: string;
  readonly port: number;
}

/** A pod with what the scheduler derives from it once. */
export interface PodInfo {
  readonly pod: KubeObject;
  readonly key: string;
  readonly requests: Resources;
  readonly nonZeroRequests: Resources;
  readonly hostPorts: readonly HostPort[];
  readonly hasAffinity: boolean;
  readonly hasRequiredAntiAffinity: boolean;
}

/** The host ports of a pod's containers (schedutil.GetContainerPorts). */
export function podHostPorts(pod: KubeObject): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ protocol: p.protocol || 'TCP', ip: p.hostIP || '0.0.0.0', port: p.hostPort });
    }
  }
  return out;
}

/** Builds the PodInfo for a pod. */
export function podInfo(pod: KubeObject): PodInfo {
  const aff = pod.spec?.affinity ?? {};
  const hasPodAffinity = !!(aff.podAffinity || aff.podAntiAffinity);
  return {
    pod,
    key: podKey(pod),
    requests: podRequests(pod),
    nonZeroRequests: podRequests(pod, true),
    hostPorts: podHostPorts(pod),
    hasAffinity: hasPodAffinity,
    hasRequiredAntiAffinity: (aff.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0,
  };
}

/** A node and what is placed on it. */
export class NodeInfo {
  node: KubeObject | undefined;
  allocatable: Resources = emptyResources();
  allowedPodNumber = 0;
  readonly pods = new Map<string, PodInfo>();
  readonly requested: Resources = emptyResources();
  readonly nonZeroRequested: Resources = emptyResources();
  /** Pods with pod affinity or anti-affinity terms (InterPodAffinity reads only these). */
  readonly podsWithAffinity = new Set<PodInfo>();
  readonly podsWithHostPorts = new Set<PodInfo>();
  /** `namespace\0key=value` -> pods carrying that label, so spreading counts only candidates. */
  readonly byLabel = new Map<string, Set<PodInfo>>();

  constructor(
    readonly name: string,
    node?: KubeObject,
  ) {
    if (node) this.setNode(node);
  }

  /** Replaces the Node object (labels, taints, allocatable may have changed). */
  setNode(node: KubeObject): void {
    this.node = node;
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    this.allocatable = resourcesFromList(alloc);
    this.allowedPodNumber = Number(alloc.pods ?? 0) || 0;
  }

  get labels(): Readonly<Record<string, string>> {
    return this.node?.metadata.labels ?? {};
  }

  addPod(info: PodInfo): void {
    if (this.pods.has(info.key)) this.removePod(info.key);
    this.pods.set(info.key, info);
    addResources(this.requested, info.requests);
    addResources(this.nonZeroRequested, info.nonZeroRequests);
    if (info.hasAffinity) this.podsWithAffinity.add(info);
    if (info.hostPorts.length > 0) this.podsWithHostPorts.add(info);
    for (const [k, v] of Object.entries(info.pod.metadata.labels ?? {})) {
      const key = labelKey(info.pod.metadata.namespace ?? '', k, v);
      let set = this.byLabel.get(key);
      if (!set) this.byLabel.set(key, (set = new Set()));
      set.add(info);
    }
  }

  removePod(key: string): PodInfo | undefined {
    const info = this.pods.get(key);
    if (!info) return undefined;
    this.pods.delete(key);
    addResources(this.requested, info.requests, -1);
    addResources(this.nonZeroRequested, info.nonZeroRequests, -1);
    this.podsWithAffinity.delete(info);
    this.podsWithHostPorts.delete(info);
    for (const [k, v] of Object.entries(info.pod.metadata.labels ?? {})) {
      const key = labelKey(info.pod.metadata.namespace ?? '', k, v);
      const set = this.byLabel.get(key);
      set?.delete(info);
      if (set?.size === 0) this.byLabel.delete(key);
    }
    return info;
  }

  /** A copy whose pod set can change without touching this one (preemption's dry run). */
  clone(): NodeInfo {
    const copy = new NodeInfo(this.name, this.node);
    for (const p of this.pods.values()) copy.addPod(p);
    return copy;
  }
}

/** The key of NodeInfo.byLabel. */
export function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}
