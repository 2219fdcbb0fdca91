import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { StoreReader } from '../../../src/engine/api/store.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createHorizontalPodAutoscalerController, setPodMetricsSource } from '../../../src/engine/controllers/hpa/index.js';
import { cpuUtilizationReplicas } from '../../../src/engine/controllers/hpa/metrics.js';
import { clusterWith, create, eventsFor, get, list, setPodPhase } from './workload-helpers.js';

function deployment(replicas: number, requests = true): KubeObject {
  const resources = requests ? { requests: { cpu: '100m' } } : {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources }] } } },
  };
}

const hpa: KubeObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
  },
};

/** Every pod of the Deployment uses `milli` CPU; new pods are made Running and Ready. */
function setup(replicas: number, milli: { value: number }, requests = true): Cluster {
  const cluster = clusterWith(createHorizontalPodAutoscalerController());
  setPodMetricsSource(cluster.internals.store, () => milli.value);
  create(cluster, 'deployments', deployment(replicas, requests));
  readyAll(cluster);
  cluster.advance(60_000);
  return cluster;
}

function readyAll(cluster: Cluster): void {
  for (const p of list(cluster, 'pods')) if (p.status?.phase !== 'Running' && !p.metadata.deletionTimestamp) setPodPhase(cluster, p.metadata.name!, 'Running');
}

const conditions = (cluster: Cluster) => get(cluster, 'horizontalpodautoscalers', 'web')!.status.conditions.map((c: { type: string; status: string; reason: string }) => `${c.type} ${c.status} ${c.reason}`);

describe('horizontal pod autoscaler', () => {
  it('scales up on high CPU use with the real formula and event', () => {
    const cluster = setup(2, { value: 100 });
    create(cluster, 'horizontalpodautoscalers', hpa);
    expect(get(cluster, 'deployments', 'web')!.spec.replicas).toBe(4);
    expect(eventsFor(cluster, 'web', 'SuccessfulRescale')).toEqual(['New size: 4; reason: cpu resource utilization (percentage of request) above target']);
    const status = get(cluster, 'horizontalpodautoscalers', 'web')!.status;
    expect(status).toMatchObject({
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '100m' } } }],
      currentReplicas: 2,
      desiredReplicas: 4,
      lastScaleTime: '2024-07-01T10:01:00Z',
    });
    expect(conditions(cluster)).toEqual(['AbleToScale True SucceededRescale', 'ScalingActive True ValidMetricFound', 'ScalingLimited False DesiredWithinRange']);
    expect(status.conditions[0].message).toBe('the HPA controller was able to update the target scale to 4');
    expect(status.conditions[1].message).toBe('the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)');
  });

  it('stays put within the 10% tolerance', () => {
    const cluster = setup(2, { value: 54 });
    create(cluster, 'horizontalpodautoscalers', hpa);
    expect(get(cluster, 'deployments', 'web')!.spec.replicas).toBe(2);
    expect(conditions(cluster)[0]).toBe('AbleToScale True ReadyForNewScale');
  });

  it('holds a scale-down for the 5 minute stabilization window', () => {
    const usage = { value: 50 };
    const cluster = setup(4, usage);
    create(cluster, 'horizontalpodautoscalers', hpa);
    usage.value = 10;
    cluster.advance(15_000);
    expect(get(cluster, 'deployments', 'web')!.spec.replicas).toBe(4);
    expect(conditions(cluster)[0]).toBe('AbleToScale True ScaleDownStabilized');
    cluster.advance(300_000);
    expect(get(cluster, 'deployments', 'web')!.spec.replicas).toBe(1);
    expect(eventsFor(cluster, 'web', 'SuccessfulRescale')).toEqual(['New size: 1; reason: All metrics below target']);
  });

  it('limits a scale-up to twice the current count and maxReplicas', () => {
    const cluster = setup(3, { value: 500 });
    create(cluster, 'horizontalpodautoscalers', hpa);
    expect(get(cluster, 'deployments', 'web')!.spec.replicas).toBe(6);
    expect(conditions(cluster)[2]).toBe('ScalingLimited True ScaleUpLimit');
  });

  it('reports <unknown> when the pods have no CPU requests', () => {
    const cluster = setup(1, { value: 100 }, false);
    create(cluster, 'horizontalpodautoscalers', hpa);
    const pod = list(cluster, 'pods')[0]!.metadata.name;
    const status = get(cluster, 'horizontalpodautoscalers', 'web')!.status;
    expect(status.currentMetrics).toEqual([{ type: '' }]);
    expect(conditions(cluster)).toEqual(['AbleToScale True SucceededGetScale', 'ScalingActive False FailedGetResourceMetric']);
    expect(status.conditions[1].message).toBe(`the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container nginx of Pod ${pod}`);
    expect(eventsFor(cluster, 'web', 'FailedGetResourceMetric')).toEqual([`failed to get cpu utilization: missing request for cpu in container nginx of Pod ${pod}`]);
    expect(eventsFor(cluster, 'web', 'FailedComputeMetricsReplicas')).toEqual([
      `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container nginx of Pod ${pod}`,
    ]);
  });

  it.each([
    // replicas, usage per pod (m), target %, expected
    [2, 100, 50, 4],
    [3, 80, 50, 5],
    [4, 10, 50, 1],
    [4, 46, 50, 4],
    [1, 500, 50, 10],
  ])('%i pods using %im of 100m at a %i%% target want %i replicas', (replicas, usage, target, want) => {
    const store = {} as StoreReader;
    setPodMetricsSource(store, () => usage);
    const longAgo = '2024-07-01T09:00:00Z';
    const pods = Array.from({ length: replicas }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p${i}`, namespace: 'default' },
      spec: { containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] },
      status: { phase: 'Running', startTime: longAgo, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: longAgo }] },
    }));
    const r = cpuUtilizationReplicas(store, pods, replicas, target, Date.UTC(2024, 6, 1, 10));
    expect(r.ok && r.value.replicas).toBe(want);
  });
});
