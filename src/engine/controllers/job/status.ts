/**
 * Job conditions and status (pkg/controller/job: newCondition, the status shape of v1.30
 * with JobPodReplacementPolicy on: `ready`, `terminating` and `uncountedTerminatedPods`
 * always reported).
 */
import type { KubeObject } from '../../api/types.js';
import type { ControllerContext } from '../types.js';

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

/** A condition stamped now; 1.30's Complete condition has no reason or message. */
export function newCondition(type: string, status: string, reason: string, message: string, now: string): JobCondition {
  return { type, status, lastProbeTime: now, lastTransitionTime: now, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/** Whether the Job has a Complete or Failed condition that is True. */
export function isFinished(job: KubeObject): boolean {
  return (job.status?.conditions ?? []).some((c: JobCondition) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/** The time a finished Job finished: completionTime or its terminal condition's time. */
export function finishTime(job: KubeObject): number | undefined {
  if (job.status?.completionTime) return Date.parse(job.status.completionTime);
  const c = (job.status?.conditions ?? []).find((x: JobCondition) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c ? Date.parse(c.lastTransitionTime) : undefined;
}

/** Sets a condition, replacing one of the same type (keeping its transition time when the status is unchanged). */
export function setCondition(conditions: JobCondition[], next: JobCondition): JobCondition[] {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) return [...conditions, next];
  const old = conditions[i]!;
  if (old.status === next.status && old.reason === next.reason && old.message === next.message) return conditions;
  const out = [...conditions];
  out[i] = next;
  return out;
}

/** The counts a sync ends with. */
export interface JobCounts {
  active: number;
  ready: number;
  succeeded: number;
  failed: number;
  terminating: number;
  completedIndexes?: string;
}

/** Writes the status from counts, conditions and times when anything changed. */
export function writeJobStatus(job: KubeObject, counts: JobCounts, conditions: JobCondition[], times: { startTime?: string; completionTime?: string }, ctx: ControllerContext): void {
  const current = ctx.store.get('jobs', job.metadata.namespace, job.metadata.name!);
  if (!current) return;
  const status: Record<string, unknown> = {
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(times.startTime ? { startTime: times.startTime } : {}),
    ...(times.completionTime ? { completionTime: times.completionTime } : {}),
    ...(counts.active > 0 ? { active: counts.active } : {}),
    ...(counts.succeeded > 0 ? { succeeded: counts.succeeded } : {}),
    ...(counts.failed > 0 ? { failed: counts.failed } : {}),
    terminating: counts.terminating,
    ...(counts.completedIndexes ? { completedIndexes: counts.completedIndexes } : {}),
    uncountedTerminatedPods: {},
    ready: counts.ready,
  };
  if (JSON.stringify(status) === JSON.stringify(current.status)) return;
  ctx.client.updateStatus('jobs', current.metadata.namespace, { ...current, status });
}
