import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createJobController, podFailureBackoff } from '../../../src/engine/controllers/job/index.js';
import { createTTLAfterFinishedController } from '../../../src/engine/controllers/job/ttl.js';
import { clusterWith, create, eventsFor, get, list, setPodPhase } from './workload-helpers.js';

function job(spec: Record<string, unknown> = {}, name = 'pi'): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } },
      ...spec,
    },
  };
}

const active = (cluster: Cluster) => list(cluster, 'pods').filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase));
const jobOf = (cluster: Cluster, name = 'pi') => get(cluster, 'jobs', name)!;
const conditions = (j: KubeObject) => (j.status?.conditions ?? []).map((c: { type: string; reason?: string }) => `${c.type}=${c.reason ?? ''}`);

function finishAll(cluster: Cluster, phase: 'Succeeded' | 'Failed'): string[] {
  const names = active(cluster).map((p) => p.metadata.name!);
  for (const n of names) setPodPhase(cluster, n, phase);
  return names;
}

describe('job controller', () => {
  it('runs a pod with the job labels and tracking finalizer, then completes', () => {
    const cluster = clusterWith(createJobController());
    create(cluster, 'jobs', job());
    const j = jobOf(cluster);
    const pods = list(cluster, 'pods');
    expect(pods).toHaveLength(1);
    const pod = pods[0]!;
    expect(pod.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toMatchObject({ 'batch.kubernetes.io/controller-uid': j.metadata.uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': j.metadata.uid, 'job-name': 'pi' });
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: j.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(j.status).toEqual({ startTime: '2024-07-01T10:00:00Z', active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 });
    expect(eventsFor(cluster, 'pi')).toEqual([`Created pod: ${pod.metadata.name}`]);

    cluster.advance(30_000);
    setPodPhase(cluster, pod.metadata.name!, 'Succeeded');
    const done = jobOf(cluster);
    expect(done.status).toEqual({
      conditions: [{ type: 'Complete', status: 'True', lastProbeTime: '2024-07-01T10:00:30Z', lastTransitionTime: '2024-07-01T10:00:30Z' }],
      startTime: '2024-07-01T10:00:00Z',
      completionTime: '2024-07-01T10:00:30Z',
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: 0,
    });
    expect(get(cluster, 'pods', pod.metadata.name!)!.metadata.finalizers).toBeUndefined();
    expect(eventsFor(cluster, 'pi', 'Completed')).toEqual(['Job completed']);
  });

  it('fails with BackoffLimitExceeded after backoffLimit + 1 failed pods, backing off between them', () => {
    const cluster = clusterWith(createJobController());
    create(cluster, 'jobs', job({ backoffLimit: 2 }));
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      finishAll(cluster, 'Failed');
      let waited = 0;
      while (active(cluster).length === 0 && waited < 120_000 && !conditions(jobOf(cluster)).length) {
        cluster.advance(1_000);
        waited += 1_000;
      }
      waits.push(waited);
    }
    expect(waits.slice(0, 2)).toEqual([10_000, 20_000]);
    const j = jobOf(cluster);
    expect(conditions(j)).toEqual(['Failed=BackoffLimitExceeded']);
    expect(j.status.conditions[0].message).toBe('Job has reached the specified backoff limit');
    expect(j.status).toMatchObject({ failed: 3, terminating: 0, ready: 0 });
    expect(j.status.active).toBeUndefined();
    expect(list(cluster, 'pods')).toHaveLength(3);
    const warning = list(cluster, 'events').find((e) => e.reason === 'BackoffLimitExceeded')!;
    expect(warning).toMatchObject({ type: 'Warning', message: 'Job has reached the specified backoff limit' });
  });

  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [6, 320_000],
    [7, 600_000],
    [20, 600_000],
  ])('backs off %i failures by %i ms', (failures, ms) => {
    expect(podFailureBackoff(failures)).toBe(ms);
  });

  it('runs completions 3 with parallelism 2: two pods, then one more', () => {
    const cluster = clusterWith(createJobController());
    create(cluster, 'jobs', job({ completions: 3, parallelism: 2 }));
    expect(active(cluster)).toHaveLength(2);
    setPodPhase(cluster, active(cluster)[0]!.metadata.name!, 'Succeeded');
    expect(active(cluster)).toHaveLength(2);
    expect(jobOf(cluster).status).toMatchObject({ active: 2, succeeded: 1 });
    finishAll(cluster, 'Succeeded');
    expect(active(cluster)).toHaveLength(0);
    expect(jobOf(cluster).status).toMatchObject({ succeeded: 3 });
    expect(conditions(jobOf(cluster))).toEqual(['Complete=']);
    expect(eventsFor(cluster, 'pi', 'SuccessfulCreate')).toHaveLength(3);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds and stops its pod', () => {
    const cluster = clusterWith(createJobController());
    create(cluster, 'jobs', job({ activeDeadlineSeconds: 30 }));
    setPodPhase(cluster, active(cluster)[0]!.metadata.name!, 'Running');
    cluster.advance(29_000);
    expect(conditions(jobOf(cluster))).toEqual([]);
    cluster.advance(1_000);
    const j = jobOf(cluster);
    expect(conditions(j)).toEqual(['Failed=DeadlineExceeded']);
    expect(j.status.conditions[0].message).toBe('Job was active longer than specified deadline');
    expect(j.status).toMatchObject({ failed: 1, ready: 0 });
    expect(list(cluster, 'pods').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(eventsFor(cluster, 'pi', 'DeadlineExceeded')).toEqual(['Job was active longer than specified deadline']);
  });

  it('is deleted ttlSecondsAfterFinished after it completes', () => {
    const cluster = clusterWith(createJobController(), createTTLAfterFinishedController());
    create(cluster, 'jobs', job({ ttlSecondsAfterFinished: 100 }));
    finishAll(cluster, 'Succeeded');
    cluster.advance(99_000);
    expect(jobOf(cluster).metadata.deletionTimestamp).toBeUndefined();
    cluster.advance(1_000);
    const j = get(cluster, 'jobs', 'pi');
    // Foreground deletion: the garbage collector removes the pods, then the Job.
    expect(j === undefined || !!j.metadata.deletionTimestamp).toBe(true);
  });

  it('names Indexed pods by index and records completed indexes', () => {
    const cluster = clusterWith(createJobController());
    create(cluster, 'jobs', job({ completions: 3, parallelism: 3, completionMode: 'Indexed' }, 'idx'));
    const pods = active(cluster);
    const byIndex = pods.map((p) => [p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'], p.metadata.labels?.['batch.kubernetes.io/job-completion-index'], p.spec.hostname]);
    expect(byIndex.sort()).toEqual([
      ['0', '0', 'idx-0'],
      ['1', '1', 'idx-1'],
      ['2', '2', 'idx-2'],
    ]);
    expect(pods.every((p) => /^idx-[012]-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.metadata.name!))).toBe(true);
    const first = pods.find((p) => p.spec.hostname === 'idx-0')!;
    setPodPhase(cluster, first.metadata.name!, 'Succeeded');
    const zero = pods.find((p) => p.spec.hostname === 'idx-2')!;
    setPodPhase(cluster, zero.metadata.name!, 'Succeeded');
    expect(jobOf(cluster, 'idx').status).toMatchObject({ completedIndexes: '0,2', succeeded: 2, active: 1 });
  });

  it('creates no pods while suspended and starts them when resumed', () => {
    const cluster = clusterWith(createJobController());
    create(cluster, 'jobs', job({ suspend: true }));
    expect(list(cluster, 'pods')).toHaveLength(0);
    expect(conditions(jobOf(cluster))).toEqual(['Suspended=JobSuspended']);
    expect(jobOf(cluster).status.startTime).toBeUndefined();
    cluster.advance(60_000);
    cluster.client().patch('jobs', 'default', 'pi', { spec: { suspend: false } }, 'merge');
    cluster.settle();
    expect(active(cluster)).toHaveLength(1);
    expect(conditions(jobOf(cluster))).toEqual(['Suspended=JobResumed']);
    expect(jobOf(cluster).status.startTime).toBe('2024-07-01T10:01:00Z');
    expect(eventsFor(cluster, 'pi').filter((m) => m.startsWith('Job '))).toEqual(['Job suspended', 'Job resumed']);
  });
});
