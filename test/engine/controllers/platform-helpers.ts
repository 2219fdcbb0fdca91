/** Test helpers for the platform controllers: a cluster running them, and the kubelet's and clients' parts played by hand. */
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { defaultControllers } from '../../../src/engine/controllers/index.js';
import type { Controller } from '../../../src/engine/controllers/types.js';

/** A default cluster (kubelets played by the test) that also runs the given controllers, once each. */
export function clusterWith(...controllers: Controller[]): Cluster {
  const mine = new Set(controllers.map((c) => c.name));
  return createCluster(undefined, { controllers: [...defaultControllers().filter((c) => !mine.has(c.name)), ...controllers] });
}

/** Throws on a failed API call, returning its value. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Creates an object through the API as the admin, then settles. */
export function create(cluster: Cluster, resource: string, obj: KubeObject, namespace = obj.metadata.namespace ?? 'default'): KubeObject {
  const out = must(cluster.client().create(resource, namespace, obj)).object;
  cluster.settle();
  return out;
}

/** A bare pod with labels and optional container ports. */
export function pod(name: string, labels: Record<string, string>, ports: { name?: string; containerPort: number; protocol?: string }[] = [], namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.25', ports }] } };
}

/** Plays the kubelet: the pod runs with an IP, Ready or not. */
export function runPod(cluster: Cluster, namespace: string, name: string, ip: string, ready = true): KubeObject {
  const api = cluster.client();
  const current = must(api.get('pods', namespace, name));
  const now = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const conditions = [
    { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
  ];
  const out = must(api.updateStatus('pods', namespace, { ...current, status: { ...current.status, phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions } })).object;
  cluster.settle();
  return out;
}

/** Plays the kubelet finishing graceful deletions: every Terminating pod in the namespace goes. */
export function reap(cluster: Cluster, namespace?: string): number {
  let n = 0;
  for (const p of cluster.internals.store.list('pods', namespace)) {
    if (!p.metadata.deletionTimestamp) continue;
    cluster.internals.server.finalizeDelete('pods', p.metadata.namespace, p.metadata.name!);
    n++;
  }
  cluster.settle();
  return n;
}

/** Objects of a resource in a namespace (or cluster-scoped), straight from the store. */
export function list(cluster: Cluster, resource: string, namespace?: string): readonly KubeObject[] {
  return cluster.internals.store.list(resource, namespace);
}

/** The events about an object, as `reason: message` lines. */
export function eventsFor(cluster: Cluster, namespace: string, name: string): string[] {
  return list(cluster, 'events', namespace)
    .filter((e) => e.involvedObject?.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.source?.component ?? ''}: ${e.message}`);
}
