/**
 * The taint eviction controller (pkg/controller/tainteviction): a pod on a node with a
 * NoExecute taint it does not tolerate is deleted at once; one that tolerates it for
 * tolerationSeconds (300s for not-ready/unreachable, from admission) is deleted when that
 * runs out, counted from when the taint was added. Deleted pods on an unreachable node stay
 * Terminating: no kubelet confirms them.
 */
import type { KubeObject } from '../../api/types.js';
import { toleratesTaint, type Taint, type Toleration } from '../../scheduler/tolerations.js';
import { keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import type { NodeTaint } from './taints.js';

/** The taint eviction controller. */
export function createTaintEvictionController(): Controller {
  return {
    name: 'taint-eviction-controller',
    watches: ['nodes', 'pods'],
    initialKeys: (ctx) => ctx.store.list('pods').filter((p) => p.spec?.nodeName).map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'pods') return event.type !== 'DELETED' && event.object.spec?.nodeName ? [keyOf(event.object)] : [];
      const noExecute = (n: KubeObject | undefined) => JSON.stringify(((n?.spec?.taints ?? []) as NodeTaint[]).filter((t) => t.effect === 'NoExecute'));
      if (event.type === 'DELETED' || noExecute(event.object) === noExecute(event.oldObject)) return [];
      return ctx.store.list('pods').filter((p) => p.spec?.nodeName === event.object.metadata.name).map(keyOf);
    },
    sync: syncPod,
  };
}

/**
 * When the pod must go, in ms since the epoch (getMinTolerationTime): now for a taint no
 * toleration matches; otherwise the shortest tolerationSeconds among the first matching
 * toleration of each taint, counted from the earliest taint. Undefined: it may stay.
 */
export function evictionTime(pod: KubeObject, taints: readonly NodeTaint[], now: number): number | undefined {
  const tolerations: Toleration[] = pod.spec?.tolerations ?? [];
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return undefined;
  let seconds = Infinity;
  for (const taint of noExecute) {
    const used = tolerations.find((t) => toleratesTaint(t, taint as Taint));
    if (!used) return now;
    // A toleration without tolerationSeconds tolerates forever.
    if (typeof used.tolerationSeconds === 'number') seconds = Math.min(seconds, Math.max(0, used.tolerationSeconds));
  }
  if (seconds === Infinity) return undefined;
  const since = Math.min(...noExecute.map((t) => (t.timeAdded ? Date.parse(t.timeAdded) : now)));
  return since + seconds * 1000;
}

function syncPod(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const pod = ctx.store.get('pods', namespace, name);
  if (!pod?.spec?.nodeName || pod.metadata.deletionTimestamp) return;
  const node = ctx.store.get('nodes', undefined, pod.spec.nodeName);
  if (!node) return;
  const now = ctx.clock.now();
  const due = evictionTime(pod, node.spec?.taints ?? [], now);
  if (due === undefined) return;
  if (due > now) {
    ctx.requeueAfter(key, due - now);
    return;
  }
  ctx.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`);
  // Since 1.26 the pod says why it is going (PodDisruptionConditions).
  const conditions = ((pod.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== 'DisruptionTarget');
  conditions.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: ctx.clock.nowRfc3339(), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' } as { type: string });
  ctx.client.updateStatus('pods', namespace, { ...pod, status: { ...pod.status, conditions } });
  ctx.client.delete('pods', namespace, name);
}
