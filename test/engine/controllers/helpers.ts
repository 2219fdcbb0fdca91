/** Test helpers that play the kubelet's part: report pods running and ready through the API. */
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';

/** Marks every scheduled-or-not, non-terminal pod in a namespace Running and Ready. */
export function makePodsReady(cluster: Cluster, namespace = 'default', filter: (p: KubeObject) => boolean = () => true): number {
  const api = cluster.client();
  const pods = api.list('pods', { namespace });
  if (!pods.ok) throw new Error(pods.error.message);
  const now = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let n = 0;
  for (const p of pods.value.items) {
    if (!filter(p) || p.metadata.deletionTimestamp || p.status?.phase === 'Running') continue;
    const conditions = [
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
    ];
    api.updateStatus('pods', namespace, { ...p, status: { ...p.status, phase: 'Running', conditions } });
    n++;
  }
  cluster.settle();
  return n;
}

/** Finishes deleting pods that are Terminating (the kubelet's final delete). */
export function reapTerminating(cluster: Cluster, namespace = 'default'): void {
  const store = cluster.internals.store;
  for (const p of store.list('pods', namespace)) if (p.metadata.deletionTimestamp) cluster.internals.server.finalizeDelete('pods', namespace, p.metadata.name!);
  cluster.settle();
}

export function names(list: readonly KubeObject[]): string[] {
  return list.map((o) => o.metadata.name!);
}
