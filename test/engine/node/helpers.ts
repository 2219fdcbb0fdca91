/** Helpers for kubelet scenario tests: a cluster with kubelets, pods, events and statuses. */
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { installKubelets } from '../../../src/engine/node/index.js';

/** A default cluster (controlplane, node01, node02) with kubelets on every node. */
export function clusterWithKubelets(seed = 1): Cluster {
  const cluster = createCluster(undefined, { seed });
  installKubelets(cluster);
  return cluster;
}

/** Creates an object as the admin, failing the test on error. */
export function create(cluster: Cluster, resource: string, obj: KubeObject, namespace = 'default'): KubeObject {
  const r = cluster.client().create(resource, namespace, obj);
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
  return r.value.object;
}

/** A bare pod with one container. */
export function pod(name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: name, ...container }], ...spec } };
}

/** The pod as stored now. */
export function getPod(cluster: Cluster, name: string, namespace = 'default'): KubeObject | undefined {
  return cluster.internals.store.get('pods', namespace, name);
}

/** Pods of a namespace. */
export function pods(cluster: Cluster, namespace = 'default'): readonly KubeObject[] {
  return cluster.internals.store.list('pods', namespace);
}

/** Events about an object, oldest first, as `Reason: message` lines. */
export function eventsFor(cluster: Cluster, name: string, namespace = 'default'): string[] {
  return cluster.internals.store
    .list('events', namespace)
    .filter((e) => e.involvedObject?.name === name)
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => `${e.reason}: ${e.message}`);
}

/** The events of an object as stored (count, source, type). */
export function eventObjects(cluster: Cluster, name: string, namespace = 'default'): readonly KubeObject[] {
  return cluster.internals.store.list('events', namespace).filter((e) => e.involvedObject?.name === name);
}

/** The first container's status. */
export function containerStatus(p: KubeObject | undefined, i = 0): Record<string, any> | undefined {
  return p?.status?.containerStatuses?.[i];
}

/** The waiting reason of the first container, its running state, or its terminated reason. */
export function stateOf(p: KubeObject | undefined): string {
  const s = containerStatus(p)?.state;
  if (!s) return 'none';
  if (s.waiting) return s.waiting.reason;
  if (s.running) return 'Running';
  return s.terminated.reason;
}

/** Advances in steps, calling `probe` after each; returns the first time it answers true. */
export function advanceUntil(cluster: Cluster, stepMs: number, maxMs: number, probe: () => boolean): number | undefined {
  const start = cluster.now();
  for (let t = 0; t <= maxMs; t += stepMs) {
    if (probe()) return cluster.now() - start;
    cluster.advance(stepMs);
  }
  return probe() ? cluster.now() - start : undefined;
}
