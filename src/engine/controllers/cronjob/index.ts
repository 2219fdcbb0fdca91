/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go): starts a Job
 * for the most recent scheduled time it has not handled, as its concurrencyPolicy and
 * startingDeadlineSeconds allow, tracks active Jobs, prunes finished ones beyond the
 * history limits, and sleeps until the next scheduled time.
 */
import type { KubeObject } from '../../api/types.js';
import { controllerRef, isControlledBy } from '../pods.js';
import { controllerOf, keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { jobNameFor, mostRecentScheduleTime, nextScheduleTime, rfc1123z, scheduledTimestamp, validSchedule } from './schedule.js';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleDelta: the controller wakes a little after the scheduled time. */
const NEXT_SCHEDULE_DELTA_MS = 100;

interface JobRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  resourceVersion?: string;
  uid: string;
}

export function createCronJobController(): Controller {
  return {
    name: 'cronjob-controller',
    watches: ['cronjobs', 'jobs'],
    initialKeys: (ctx) => ctx.store.list('cronjobs').map(keyOf),
    keysFor(event) {
      if (event.resource === 'cronjobs') return event.type === 'DELETED' ? [] : [keyOf(event.object)];
      const owner = controllerOf(event.object) ?? (event.oldObject && controllerOf(event.oldObject));
      return owner?.kind === 'CronJob' ? [`${event.object.metadata.namespace}/${owner.name}`] : [];
    },
    sync: syncCronJob,
  };
}

/** The finished condition type of a Job (Complete or Failed), if it finished. */
function finishedType(job: KubeObject): string | undefined {
  return (job.status?.conditions ?? []).find((c: { type: string; status: string }) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;
}

function syncCronJob(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const cj = ctx.store.get('cronjobs', namespace, name);
  if (!cj) return;
  const jobs = ctx.store.list('jobs', namespace).filter((j) => isControlledBy(j, cj.metadata.uid));
  let active: JobRef[] = [...(cj.status?.active ?? [])];
  let lastSuccessfulTime: string | undefined = cj.status?.lastSuccessfulTime;
  let lastScheduleTime: string | undefined = cj.status?.lastScheduleTime;

  // Reconcile the active list with the Jobs that exist.
  for (const job of jobs) {
    const listed = active.some((r) => r.uid === job.metadata.uid);
    const type = finishedType(job);
    if (!listed && !type) {
      ctx.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
      active.push(refOf(job));
    } else if (listed && type) {
      active = active.filter((r) => r.uid !== job.metadata.uid);
      ctx.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, status: ${type}`);
    }
    if (type === 'Complete' && job.status?.completionTime && (!lastSuccessfulTime || Date.parse(job.status.completionTime) > Date.parse(lastSuccessfulTime))) lastSuccessfulTime = job.status.completionTime;
  }
  for (const ref of [...active]) {
    if (jobs.some((j) => j.metadata.uid === ref.uid)) continue;
    ctx.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    active = active.filter((r) => r.uid !== ref.uid);
  }

  if (!cj.metadata.deletionTimestamp) {
    const scheduled = schedule(cj, active, ctx);
    if (scheduled) {
      active = scheduled.active;
      lastScheduleTime = scheduled.lastScheduleTime ?? lastScheduleTime;
    }
  }
  writeStatus(cj, active, lastScheduleTime, lastSuccessfulTime, ctx);
  cleanupFinishedJobs(cj, ctx);
}

/** The scheduling half of the sync; returns the new active list and schedule time when it acted. */
function schedule(cj: KubeObject, active: JobRef[], ctx: ControllerContext): { active: JobRef[]; lastScheduleTime?: string } | undefined {
  if (!validSchedule(cj)) return undefined;
  if (cj.spec?.suspend) return undefined;
  const now = ctx.clock.now();
  const requeueNext = () => ctx.requeueAfter(keyOf(cj), nextScheduleTime(cj, now) - now + NEXT_SCHEDULE_DELTA_MS);
  const { time, missed } = mostRecentScheduleTime(cj, now);
  if (missed > 100) ctx.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  if (time === undefined) {
    requeueNext();
    return undefined;
  }
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline != null && time + deadline * 1000 < now) {
    ctx.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(time)}`);
    requeueNext();
    return undefined;
  }
  const jobName = jobNameFor(cj, time);
  if (active.some((r) => r.name === jobName) || (cj.status?.lastScheduleTime && Date.parse(cj.status.lastScheduleTime) === time)) {
    requeueNext();
    return undefined;
  }
  if (cj.spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
    ctx.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    requeueNext();
    return undefined;
  }
  let remaining = active;
  if (cj.spec?.concurrencyPolicy === 'Replace') {
    for (const ref of active) {
      const r = ctx.client.delete('jobs', ref.namespace, ref.name, { propagationPolicy: 'Background' });
      if (r.ok) ctx.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${ref.name}`);
    }
    remaining = [];
  }
  const r = ctx.client.create('jobs', cj.metadata.namespace, jobFromTemplate(cj, time));
  if (!r.ok) {
    if (r.error.reason !== 'AlreadyExists') ctx.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${r.error.message}`);
    requeueNext();
    return r.error.reason === 'AlreadyExists' ? { active: remaining, lastScheduleTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z') } : undefined;
  }
  ctx.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${jobName}`);
  requeueNext();
  return { active: [...remaining, refOf(r.value.object)], lastScheduleTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** getJobFromTemplate2: the Job for one scheduled time. */
function jobFromTemplate(cj: KubeObject, scheduled: number): KubeObject {
  const template = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduled),
      namespace: cj.metadata.namespace,
      ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: scheduledTimestamp(cj, scheduled) },
      ownerReferences: [controllerRef(cj)],
    },
    spec: structuredClone(template.spec ?? {}),
  };
}

function refOf(job: KubeObject): JobRef {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name!, namespace: job.metadata.namespace!, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid! };
}

function writeStatus(cj: KubeObject, active: JobRef[], lastScheduleTime: string | undefined, lastSuccessfulTime: string | undefined, ctx: ControllerContext): void {
  const current = ctx.store.get('cronjobs', cj.metadata.namespace, cj.metadata.name!);
  if (!current) return;
  const status: Record<string, unknown> = {
    ...(active.length > 0 ? { active } : {}),
    ...(lastScheduleTime ? { lastScheduleTime } : {}),
    ...(lastSuccessfulTime ? { lastSuccessfulTime } : {}),
  };
  if (JSON.stringify(status) === JSON.stringify(current.status ?? {})) return;
  ctx.client.updateStatus('cronjobs', current.metadata.namespace, { ...current, status });
}

/** cleanupFinishedJobs: keeps the newest successful and failed Jobs up to their limits. */
function cleanupFinishedJobs(cj: KubeObject, ctx: ControllerContext): void {
  const successLimit = cj.spec?.successfulJobsHistoryLimit;
  const failedLimit = cj.spec?.failedJobsHistoryLimit;
  if (successLimit == null && failedLimit == null) return;
  const jobs = ctx.store.list('jobs', cj.metadata.namespace).filter((j) => isControlledBy(j, cj.metadata.uid) && !j.metadata.deletionTimestamp);
  const byStart = (a: KubeObject, b: KubeObject) => {
    const sa = a.status?.startTime ? Date.parse(a.status.startTime) : Infinity;
    const sb = b.status?.startTime ? Date.parse(b.status.startTime) : Infinity;
    return sa !== sb ? (sa < sb ? -1 : 1) : a.metadata.name! < b.metadata.name! ? -1 : 1;
  };
  const prune = (type: string, limit: number | undefined) => {
    if (limit == null) return;
    const finished = jobs.filter((j) => finishedType(j) === type).sort(byStart);
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
      const r = ctx.client.delete('jobs', job.metadata.namespace, job.metadata.name!, { propagationPolicy: 'Background' });
      if (r.ok) ctx.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    }
  };
  prune('Complete', successLimit);
  prune('Failed', failedLimit);
}
