/**
 * Helpers for the StatefulSet, DaemonSet, Job, CronJob and HPA tests: a cluster running one
 * extra controller, and the kubelet's part played through the API (phase, readiness, exit).
 */
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { defaultControllers } from '../../../src/engine/controllers/index.js';
import type { Controller } from '../../../src/engine/controllers/types.js';

/** A default cluster with the default controllers plus the ones under test (if not registered yet). */
export function clusterWith(...extra: Controller[]): Cluster {
  const base = defaultControllers().filter((c) => !extra.some((e) => e.name === c.name));
  return createCluster(undefined, { controllers: [...base, ...extra] });
}

/** Creates an object as the admin and settles; throws with the API's message on failure. */
export function create(cluster: Cluster, resource: string, obj: KubeObject, namespace = 'default'): KubeObject {
  const r = cluster.client().create(resource, namespace, obj);
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
  return r.value.object;
}

/** Objects of a resource in a namespace, by name. */
export function list(cluster: Cluster, resource: string, namespace = 'default'): readonly KubeObject[] {
  return cluster.internals.store.list(resource, namespace);
}

export function get(cluster: Cluster, resource: string, name: string, namespace = 'default'): KubeObject | undefined {
  return cluster.internals.store.get(resource, namespace, name);
}

/** Live (not terminating) pod names, sorted. */
export function livePods(cluster: Cluster, namespace = 'default'): string[] {
  return list(cluster, 'pods', namespace)
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name!);
}

function rfc(cluster: Cluster): string {
  return new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Sets a pod's phase (and Ready when Running) as its kubelet would report it. */
export function setPodPhase(cluster: Cluster, name: string, phase: 'Running' | 'Succeeded' | 'Failed', opts: { ready?: boolean; namespace?: string; restarts?: number } = {}): void {
  const namespace = opts.namespace ?? 'default';
  // A pod the scheduler has not placed (e.g. waiting on volume binding) goes to node01.
  if (!get(cluster, 'pods', name, namespace)?.spec?.nodeName) cluster.client().bind(namespace, name, 'node01');
  const pod = get(cluster, 'pods', name, namespace);
  if (!pod) throw new Error(`no pod ${name}`);
  const now = rfc(cluster);
  const ready = opts.ready ?? phase === 'Running';
  const conditions = [
    { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
  ];
  const terminated = phase === 'Running' ? undefined : { exitCode: phase === 'Succeeded' ? 0 : 1, reason: phase === 'Succeeded' ? 'Completed' : 'Error', startedAt: now, finishedAt: now };
  const containerStatuses = (pod.spec?.containers ?? []).map((c: { name: string; image: string }) => ({
    name: c.name,
    image: c.image,
    ready,
    restartCount: opts.restarts ?? 0,
    started: phase === 'Running',
    state: terminated ? { terminated } : { running: { startedAt: now } },
  }));
  const r = cluster.client().updateStatus('pods', namespace, { ...pod, status: { ...pod.status, phase, conditions, containerStatuses, startTime: pod.status?.startTime ?? now } });
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
}

/** Finishes deleting a Terminating pod (the kubelet's last step). */
export function reap(cluster: Cluster, name: string, namespace = 'default'): void {
  cluster.internals.server.finalizeDelete('pods', namespace, name);
  cluster.settle();
}

/** Messages of events about an object, oldest first, optionally of one reason. */
export function eventsFor(cluster: Cluster, name: string, reason?: string, namespace = 'default'): string[] {
  return list(cluster, 'events', namespace)
    .filter((e) => e.involvedObject?.name === name && (!reason || e.reason === reason))
    .sort((a, b) => Date.parse(a.firstTimestamp ?? a.eventTime ?? '') - Date.parse(b.firstTimestamp ?? b.eventTime ?? '') || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => e.message);
}
