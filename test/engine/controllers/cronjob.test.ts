import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createCronJobController } from '../../../src/engine/controllers/cronjob/index.js';
import { jobNameFor, mostRecentScheduleTime, scheduledTimestamp } from '../../../src/engine/controllers/cronjob/schedule.js';
import { clusterWith, create, eventsFor, get, list } from './workload-helpers.js';

/** Minutes since the epoch of 2024-07-01 at HH:MM UTC, the cluster's first day. */
const minutes = (h: number, m: number) => Date.UTC(2024, 6, 1, h, m) / 60_000;

function cronJob(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date; echo Hello'] }] } } } },
      ...spec,
    },
  };
}

const jobNames = (cluster: Cluster) => list(cluster, 'jobs').filter((j) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name!);

function finishJob(cluster: Cluster, name: string, type: 'Complete' | 'Failed'): void {
  const job = get(cluster, 'jobs', name)!;
  const now = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const status = { ...job.status, startTime: job.status?.startTime ?? now, conditions: [{ type, status: 'True', lastProbeTime: now, lastTransitionTime: now }], ...(type === 'Complete' ? { completionTime: now, succeeded: 1 } : { failed: 1 }) };
  const r = cluster.client().updateStatus('jobs', 'default', { ...job, status });
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
}

describe('cronjob controller', () => {
  it('creates a Job named by the scheduled minute at each scheduled time', () => {
    const cluster = clusterWith(createCronJobController());
    const cj = create(cluster, 'cronjobs', cronJob());
    cluster.advance(60_000);
    expect(jobNames(cluster)).toEqual([]);
    // The controller wakes 100ms after the scheduled time (nextScheduleDelta).
    cluster.advance(100);
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 1)}`]);
    const job = get(cluster, 'jobs', `hello-${minutes(10, 1)}`)!;
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2024-07-01T10:01:00Z' });
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(get(cluster, 'cronjobs', 'hello')!.status).toEqual({
      active: [{ apiVersion: 'batch/v1', kind: 'Job', name: `hello-${minutes(10, 1)}`, namespace: 'default', resourceVersion: expect.any(String), uid: job.metadata.uid }],
      lastScheduleTime: '2024-07-01T10:01:00Z',
    });
    cluster.advance(60_000);
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 1)}`, `hello-${minutes(10, 2)}`]);
    expect(eventsFor(cluster, 'hello', 'SuccessfulCreate')).toEqual([`Created job hello-${minutes(10, 1)}`, `Created job hello-${minutes(10, 2)}`]);
  });

  it('records a completed Job and its completion as lastSuccessfulTime', () => {
    const cluster = clusterWith(createCronJobController());
    create(cluster, 'cronjobs', cronJob());
    cluster.advance(70_000);
    finishJob(cluster, `hello-${minutes(10, 1)}`, 'Complete');
    expect(eventsFor(cluster, 'hello', 'SawCompletedJob')).toEqual([`Saw completed job: hello-${minutes(10, 1)}, status: Complete`]);
    expect(get(cluster, 'cronjobs', 'hello')!.status).toEqual({ lastScheduleTime: '2024-07-01T10:01:00Z', lastSuccessfulTime: '2024-07-01T10:01:10Z' });
  });

  it('skips a run while the previous one is active under Forbid, starting it late once that one finishes', () => {
    const cluster = clusterWith(createCronJobController());
    create(cluster, 'cronjobs', cronJob({ concurrencyPolicy: 'Forbid' }));
    cluster.advance(120_100);
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 1)}`]);
    expect(eventsFor(cluster, 'hello', 'JobAlreadyActive')).toEqual(['Not starting job because prior execution is running and concurrency policy is Forbid']);
    // lastScheduleTime still says 10:01, so 10:02 is the most recent unhandled time.
    finishJob(cluster, `hello-${minutes(10, 1)}`, 'Complete');
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 1)}`, `hello-${minutes(10, 2)}`]);
  });

  it('drops a skipped run that is past startingDeadlineSeconds', () => {
    const cluster = clusterWith(createCronJobController());
    create(cluster, 'cronjobs', cronJob({ concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 10 }));
    cluster.advance(140_000);
    finishJob(cluster, `hello-${minutes(10, 1)}`, 'Complete');
    // 10:02 fell out of the window [now - 10s, now]: nothing starts until 10:03.
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 1)}`]);
    cluster.advance(40_100);
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 1)}`, `hello-${minutes(10, 3)}`]);
  });

  it('replaces the running Job under Replace', () => {
    const cluster = clusterWith(createCronJobController());
    create(cluster, 'cronjobs', cronJob({ concurrencyPolicy: 'Replace' }));
    cluster.advance(120_100);
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 2)}`]);
    expect(eventsFor(cluster, 'hello', 'SuccessfulDelete')).toEqual([`Deleted job hello-${minutes(10, 1)}`]);
  });

  it('keeps only the newest finished Jobs within the history limits', () => {
    const cluster = clusterWith(createCronJobController());
    create(cluster, 'cronjobs', cronJob({ successfulJobsHistoryLimit: 2, failedJobsHistoryLimit: 1 }));
    cluster.advance(100);
    for (const [m, type] of [[1, 'Complete'], [2, 'Complete'], [3, 'Failed'], [4, 'Complete'], [5, 'Failed']] as const) {
      cluster.advance(60_000);
      finishJob(cluster, `hello-${minutes(10, m)}`, type);
    }
    expect(jobNames(cluster)).toEqual([`hello-${minutes(10, 2)}`, `hello-${minutes(10, 4)}`, `hello-${minutes(10, 5)}`]);
    expect(eventsFor(cluster, 'hello', 'SuccessfulDelete')).toEqual([`Deleted job hello-${minutes(10, 1)}`, `Deleted job hello-${minutes(10, 3)}`]);
  });

  it('does nothing while suspended', () => {
    const cluster = clusterWith(createCronJobController());
    create(cluster, 'cronjobs', cronJob({ suspend: true }));
    cluster.advance(300_000);
    expect(jobNames(cluster)).toEqual([]);
  });

  it('understands @hourly and runs on the hour', () => {
    const cluster = clusterWith(createCronJobController());
    create(cluster, 'cronjobs', cronJob({ schedule: '@hourly' }));
    cluster.advance(3_599_000);
    expect(jobNames(cluster)).toEqual([]);
    cluster.advance(1_100);
    expect(jobNames(cluster)).toEqual([`hello-${minutes(11, 0)}`]);
  });

  it('starts only the most recent missed run, and none past startingDeadlineSeconds', () => {
    const cj = cronJob({ startingDeadlineSeconds: 30 });
    cj.metadata.creationTimestamp = '2024-07-01T10:00:00Z';
    const now = Date.UTC(2024, 6, 1, 10, 5, 10);
    expect(mostRecentScheduleTime(cj, now).time).toBe(Date.UTC(2024, 6, 1, 10, 5));
    delete cj.spec.startingDeadlineSeconds;
    expect(mostRecentScheduleTime(cj, now)).toEqual({ time: Date.UTC(2024, 6, 1, 10, 5), missed: 5 });
  });

  it.each([
    ['UTC', '2024-07-01T10:00:00Z'],
    ['Europe/Berlin', '2024-07-01T12:00:00+02:00'],
    ['America/New_York', '2024-07-01T06:00:00-04:00'],
  ])('writes the scheduled timestamp in the %s zone', (timeZone, text) => {
    expect(scheduledTimestamp(cronJob({ timeZone }), Date.UTC(2024, 6, 1, 10))).toBe(text);
    expect(jobNameFor(cronJob({ timeZone }), Date.UTC(2024, 6, 1, 10))).toBe(`hello-${minutes(10, 0)}`);
  });
});
