/**
 * What the scheduler does with one attempt's outcome (schedule_one.go): bind the pod and
 * say so, or report why it cannot run — the PodScheduled condition and a FailedScheduling
 * event — and preempt lower-priority pods when that would make room.
 */
import { clone } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import type { ControllerContext } from '../controllers/types.js';
import type { SchedulerCache } from './cache.js';
import { fitErrorMessage } from './fit-error.js';
import type { Diagnosis } from './framework.js';
import { preempt } from './preemption.js';
import type { Profile } from './registry.js';
import { podKey } from './types.js';

/** ErrNoNodesAvailable. */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';

/** Binds a pod (DefaultBinder) and records `Scheduled`; returns the error text on failure. */
export function bindPod(pod: KubeObject, node: string, cache: SchedulerCache, ctx: ControllerContext): string | undefined {
  const ns = pod.metadata.namespace!;
  const r = ctx.client.bind(ns, pod.metadata.name!, node);
  if (!r.ok) {
    cache.removePod(podKey(pod));
    return r.error.message;
  }
  // Counted on its node at once, before the change feed delivers the update.
  cache.setPod(r.value);
  ctx.event(r.value, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`);
  return undefined;
}

/**
 * Writes PodScheduled=False/Unschedulable with the message (and a nominated node), only
 * when something changed, as updatePod does; the transition time moves only when the
 * status flips.
 */
export function setUnschedulable(pod: KubeObject, message: string, ctx: ControllerContext, nominatedNode?: string): void {
  const conditions: KubeObject[] = pod.status?.conditions ?? [];
  const old = conditions.find((c) => c.type === 'PodScheduled');
  const sameCondition = old && old.status === 'False' && old.reason === 'Unschedulable' && old.message === message;
  const nominationChanges = nominatedNode !== undefined && pod.status?.nominatedNodeName !== nominatedNode;
  if (sameCondition && !nominationChanges) return;
  const next = clone(pod);
  const condition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: old && old.status === 'False' ? old.lastTransitionTime : ctx.clock.nowRfc3339(),
    reason: 'Unschedulable',
    message,
  };
  next.status = { ...next.status, conditions: old ? conditions.map((c) => (c.type === 'PodScheduled' ? condition : c)) : [...conditions, condition] };
  if (!next.status.phase) next.status.phase = 'Pending';
  if (nominatedNode !== undefined) next.status.nominatedNodeName = nominatedNode;
  ctx.client.updateStatus('pods', pod.metadata.namespace, next);
}

/** Records the failure, runs preemption, and returns the plugins that rejected the pod. */
export function handleFailure(profile: Profile, pod: KubeObject, diagnosis: Diagnosis | undefined, cache: SchedulerCache, ctx: ControllerContext): string[] {
  if (!diagnosis) {
    ctx.event(pod, 'Warning', 'FailedScheduling', NO_NODES_MESSAGE);
    setUnschedulable(pod, NO_NODES_MESSAGE, ctx);
    return [];
  }
  const nodes = cache.nodes();
  const result = preempt(profile, pod, diagnosis, nodes, ctx.store);
  let message: string;
  let nominated: string | undefined;
  if ('candidate' in result) {
    const { node, victims } = result.candidate;
    for (const v of victims) {
      ctx.event(v.pod, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${node}`);
      ctx.client.delete('pods', v.pod.metadata.namespace, v.pod.metadata.name!);
    }
    nominated = node;
    message = fitErrorMessage(diagnosis.numAllNodes, diagnosis.statuses.values(), diagnosis.preFilterMsg);
  } else {
    message = fitErrorMessage(diagnosis.numAllNodes, diagnosis.statuses.values(), diagnosis.preFilterMsg, result.message);
  }
  ctx.event(pod, 'Warning', 'FailedScheduling', message);
  setUnschedulable(pod, message, ctx, nominated);
  return [...new Set([...diagnosis.statuses.values()].map((s) => s.plugin ?? ''))];
}
