/**
 * The Job controller (pkg/controller/job, v1.30): runs pods until enough succeed, counting
 * each finished pod once through the `batch.kubernetes.io/job-tracking` finalizer, backing
 * off after failures, and failing the Job past its backoffLimit or activeDeadlineSeconds.
 */
import type { KubeObject } from '../../api/types.js';
import { deletionOrder, isControlledBy, isPodReady } from '../pods.js';
import { controllerOf, keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { completionIndex, formatIndexes, hasTrackingFinalizer, isActive, isPodFailed, jobPod, parseIndexes, restartsOf, TRACKING_FINALIZER } from './pods.js';
import { isFinished, newCondition, setCondition, writeJobStatus, type JobCondition } from './status.js';

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff (job_controller.go). */
const POD_FAILURE_BACKOFF_MS = 10_000;
const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;
/** MaxPodCreateDeletePerSync. */
const MAX_CREATE_PER_SYNC = 500;

/** The in-memory back-off record of a Job (podBackoffStore). */
interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime: number;
}

export function createJobController(): Controller {
  const backoff = new Map<string, BackoffRecord>();
  return {
    name: 'job-controller',
    watches: ['jobs', 'pods'],
    initialKeys: (ctx) => ctx.store.list('jobs').map(keyOf),
    keysFor(event) {
      if (event.resource === 'jobs') return [keyOf(event.object)];
      const owner = controllerOf(event.object) ?? (event.oldObject && controllerOf(event.oldObject));
      return owner?.kind === 'Job' ? [`${event.object.metadata.namespace}/${owner.name}`] : [];
    },
    sync: (key, ctx) => syncJob(key, ctx, backoff),
  };
}

/** The delay a Job waits after n failures in a row before creating pods again. */
export function podFailureBackoff(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (failures - 1), MAX_POD_FAILURE_BACKOFF_MS);
}

function syncJob(key: string, ctx: ControllerContext, backoffs: Map<string, BackoffRecord>): void {
  const { namespace, name } = splitKey(key);
  const job = ctx.store.get('jobs', namespace, name);
  if (!job) return;
  const pods = ctx.store.list('pods', namespace).filter((p) => isControlledBy(p, job.metadata.uid));
  if (isFinished(job) || job.metadata.deletionTimestamp) {
    // A finished Job only lets go of its pods.
    for (const p of pods) if (hasTrackingFinalizer(p) && (!isActive(p) || job.metadata.deletionTimestamp)) removeFinalizer(p, ctx);
    backoffs.delete(job.metadata.uid!);
    return;
  }
  const now = ctx.clock.now();
  const nowText = ctx.clock.nowRfc3339();
  const spec = job.spec ?? {};
  const indexed = spec.completionMode === 'Indexed';
  const suspended = spec.suspend === true;
  let conditions: JobCondition[] = [...(job.status?.conditions ?? [])];
  let startTime: string | undefined = job.status?.startTime;

  // Suspend and resume (the Suspended condition and the deadline timer's reset).
  const wasSuspended = conditions.some((c) => c.type === 'Suspended' && c.status === 'True');
  if (suspended && !wasSuspended) {
    conditions = setCondition(conditions, newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', nowText));
    ctx.event(job, 'Normal', 'Suspended', 'Job suspended');
  } else if (!suspended && wasSuspended) {
    conditions = setCondition(conditions, newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', nowText));
    startTime = nowText;
    ctx.event(job, 'Normal', 'Resumed', 'Job resumed');
  }
  if (!startTime && !suspended) startTime = nowText;

  // Count the pods that finished since the last sync.
  // Pods stopped by a suspension are released without counting as failures.
  const stoppedBySuspend = pods.filter((p) => suspended && hasTrackingFinalizer(p) && p.metadata.deletionTimestamp && !p.status?.phase?.match(/^(Succeeded|Failed)$/));
  for (const p of stoppedBySuspend) removeFinalizer(p, ctx);
  const uncounted = pods.filter((p) => !stoppedBySuspend.includes(p) && hasTrackingFinalizer(p) && (p.status?.phase === 'Succeeded' || isPodFailed(p, job)));
  const newSucceeded = uncounted.filter((p) => p.status?.phase === 'Succeeded');
  const newFailed = uncounted.filter((p) => p.status?.phase !== 'Succeeded');
  const succeededIndexes = parseIndexes(job.status?.completedIndexes);
  for (const p of newSucceeded) {
    const i = completionIndex(p);
    if (i !== undefined && i < (spec.completions ?? 0)) succeededIndexes.add(i);
  }
  let succeeded = indexed ? succeededIndexes.size : (job.status?.succeeded ?? 0) + newSucceeded.length;
  let failed = (job.status?.failed ?? 0) + newFailed.length;
  const record = backoffs.get(job.metadata.uid!) ?? { failuresAfterLastSuccess: 0, lastFailureTime: 0 };
  if (newFailed.length > 0) backoffs.set(job.metadata.uid!, { failuresAfterLastSuccess: record.failuresAfterLastSuccess + newFailed.length, lastFailureTime: now });
  else if (newSucceeded.length > 0) backoffs.set(job.metadata.uid!, { failuresAfterLastSuccess: 0, lastFailureTime: record.lastFailureTime });

  let active = pods.filter(isActive);
  // The finished condition, in the real controller's order of checks.
  let finished: JobCondition | undefined;
  const backoffLimit = spec.backoffLimit ?? 6;
  const onFailureRestarts = spec.template?.spec?.restartPolicy === 'OnFailure' ? restartsOf(active) : 0;
  const pastOnFailure = spec.template?.spec?.restartPolicy === 'OnFailure' && (backoffLimit === 0 ? onFailureRestarts > 0 : onFailureRestarts >= backoffLimit);
  const deadline = spec.activeDeadlineSeconds != null && startTime && !suspended ? Date.parse(startTime) + spec.activeDeadlineSeconds * 1000 : undefined;
  if (failed > backoffLimit || pastOnFailure) finished = newCondition('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', nowText);
  else if (deadline !== undefined && now >= deadline) finished = newCondition('Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', nowText);
  else if (deadline !== undefined) ctx.requeueAfter(keyOf(job), deadline - now);

  let completionTime: string | undefined;
  if (finished) {
    deletePods(job, active, ctx);
    // Pods stopped because the Job failed count as failed.
    failed += active.length;
    active = [];
  } else {
    const completions = spec.completions;
    const complete = completions == null ? succeeded > 0 && active.length === 0 : succeeded >= completions;
    if (complete) {
      deletePods(job, active, ctx);
      active = [];
      finished = newCondition('Complete', 'True', '', '', nowText);
      completionTime = nowText;
    } else if (suspended) {
      deletePods(job, active, ctx);
      active = [];
    } else {
      active = manageJob(job, active, succeeded, succeededIndexes, backoffs.get(job.metadata.uid!), ctx);
    }
  }

  for (const p of uncounted) removeFinalizer(p, ctx);
  if (finished) {
    // Active pods the Job just stopped are counted now: drop their finalizers too.
    for (const p of ctx.store.list('pods', namespace)) if (isControlledBy(p, job.metadata.uid) && hasTrackingFinalizer(p)) removeFinalizer(p, ctx);
    conditions = setCondition(conditions, finished);
    if (finished.type === 'Complete') ctx.event(job, 'Normal', 'Completed', 'Job completed');
    else ctx.event(job, 'Warning', finished.reason!, finished.message!);
    backoffs.delete(job.metadata.uid!);
  }
  if (indexed) succeeded = succeededIndexes.size;
  const live = ctx.store.list('pods', namespace).filter((p) => isControlledBy(p, job.metadata.uid));
  const terminating = live.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
  writeJobStatus(
    job,
    { active: active.length, ready: active.filter(isPodReady).length, succeeded, failed, terminating, completedIndexes: indexed ? formatIndexes(succeededIndexes) : undefined },
    conditions,
    { startTime, completionTime },
    ctx,
  );
}

/**
 * manageJob: as many active pods as parallelism allows and the remaining completions
 * need, created only once the failure back-off has passed.
 */
function manageJob(job: KubeObject, active: KubeObject[], succeeded: number, succeededIndexes: ReadonlySet<number>, record: BackoffRecord | undefined, ctx: ControllerContext): KubeObject[] {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  let want = parallelism;
  if (completions == null) want = succeeded > 0 ? Math.min(active.length, parallelism) : parallelism;
  else want = Math.max(0, Math.min(parallelism, completions - succeeded));
  if (active.length > want) {
    const victims = [...active].sort(deletionOrder).slice(0, active.length - want);
    deletePods(job, victims, ctx);
    return active.filter((p) => !victims.includes(p));
  }
  let diff = Math.min(want - active.length, MAX_CREATE_PER_SYNC);
  if (diff <= 0) return active;
  const wait = record ? podFailureBackoff(record.failuresAfterLastSuccess) - (ctx.clock.now() - record.lastFailureTime) : 0;
  if (wait > 0) {
    ctx.requeueAfter(keyOf(job), wait);
    return active;
  }
  const indexes: (number | undefined)[] = [];
  if (job.spec?.completionMode === 'Indexed') {
    const busy = new Set(active.map(completionIndex));
    for (let i = 0; i < (completions ?? 0) && indexes.length < diff; i++) if (!succeededIndexes.has(i) && !busy.has(i)) indexes.push(i);
    diff = indexes.length;
  } else for (let i = 0; i < diff; i++) indexes.push(undefined);
  const created: KubeObject[] = [];
  for (const index of indexes) {
    const r = ctx.client.create('pods', job.metadata.namespace, jobPod(job, index));
    if (!r.ok) {
      ctx.event(job, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`);
      ctx.requeueAfter(keyOf(job), 1_000);
      break;
    }
    created.push(r.value.object);
    ctx.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.object.metadata.name}`);
  }
  return [...active, ...created];
}

function deletePods(job: KubeObject, pods: readonly KubeObject[], ctx: ControllerContext): void {
  for (const p of pods) {
    const r = ctx.client.delete('pods', p.metadata.namespace, p.metadata.name!);
    if (r.ok) ctx.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
  }
}

function removeFinalizer(pod: KubeObject, ctx: ControllerContext): void {
  const current = ctx.store.get('pods', pod.metadata.namespace, pod.metadata.name!);
  if (!current || !hasTrackingFinalizer(current)) return;
  const copy = structuredClone(current) as KubeObject;
  copy.metadata.finalizers = (copy.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
  if (copy.metadata.finalizers.length === 0) delete copy.metadata.finalizers;
  ctx.client.update('pods', pod.metadata.namespace, copy);
}
