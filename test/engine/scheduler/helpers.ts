/** Fixtures shared by the scheduler tests: pods, nodes and a cluster running only the scheduler. */
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import type { ClusterSpec } from '../../../src/engine/spec.js';
import { createScheduler } from '../../../src/engine/scheduler/index.js';
import { createNodeLifecycleController } from '../../../src/engine/controllers/node-lifecycle/index.js';
import { NodeInfo, podInfo } from '../../../src/engine/scheduler/node-info.js';

/** A pod with one nginx container; `spec` is merged over the defaults. */
export function pod(name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...meta },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
  };
}

/** A pod whose only container requests the given cpu and memory. */
export function podRequesting(name: string, requests: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return pod(name, { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests } }], ...spec });
}

/** A Node object: 2 cpu, 4Gi, 110 pods unless told otherwise. */
export function node(name: string, opts: { labels?: Record<string, string>; taints?: { key: string; value?: string; effect: string }[]; unschedulable?: boolean; allocatable?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...opts.labels } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110', ...opts.allocatable } },
  };
}

/** A NodeInfo for a node with pods already placed on it. */
export function nodeInfo(n: KubeObject, pods: KubeObject[] = []): NodeInfo {
  const info = new NodeInfo(n.metadata.name!, n);
  for (const p of pods) info.addPod(podInfo({ ...p, spec: { ...p.spec, nodeName: n.metadata.name } }));
  return info;
}

/**
 * A default cluster (controlplane, node01, node02) running the scheduler and the node
 * lifecycle controller, which lifts the not-ready taint the nodes register with.
 */
export function schedulerCluster(spec?: ClusterSpec): Cluster {
  return createCluster(spec, { controllers: [createNodeLifecycleController(), createScheduler()] });
}

/** Creates a pod and settles. */
export function createPod(cluster: Cluster, p: KubeObject): void {
  const r = cluster.client().create('pods', p.metadata.namespace ?? 'default', p);
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
}

export function getPod(cluster: Cluster, name: string, ns = 'default'): KubeObject {
  const r = cluster.client().get('pods', ns, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Events about one object, as `Type Reason: message (xN)`. */
export function eventsFor(cluster: Cluster, name: string, ns = 'default'): string[] {
  const r = cluster.client().list('events', { namespace: ns });
  if (!r.ok) return [];
  return r.value.items
    .filter((e) => e.involvedObject?.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.source?.component}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`);
}

/** The PodScheduled condition of a pod. */
export function scheduledCondition(p: KubeObject): KubeObject | undefined {
  return (p.status?.conditions ?? []).find((c: KubeObject) => c.type === 'PodScheduled');
}
