import { describe, expect, it } from 'vitest';
import { advanceUntil, clusterWithKubelets, containerStatus, create, getPod, pod } from './helpers.js';

const ON_NODE01 = { nodeName: 'node01' };

/** Every status the API sees for the pod's first container while it runs and is not being deleted. */
function runningStatuses(cluster: ReturnType<typeof clusterWithKubelets>): { ready: boolean; started: boolean; restarts: number }[] {
  const seen: { ready: boolean; started: boolean; restarts: number }[] = [];
  cluster.internals.store.subscribe((e) => {
    const o = e.object;
    if (o.kind !== 'Pod' || o.metadata.deletionTimestamp) return;
    const cs = containerStatus(o);
    if (cs?.state?.running) seen.push({ ready: cs.ready, started: cs.started, restarts: cs.restartCount });
  });
  return seen;
}

describe('readiness of a container without a readiness probe', () => {
  it('is ready in every status that shows it running, across crash restarts (rabbitmq exiting)', () => {
    const cluster = clusterWithKubelets();
    const seen = runningStatuses(cluster);
    create(cluster, 'pods', pod('mq', { image: 'rabbitmq:3.13', command: ['sh', '-c', 'sleep 5'] }, ON_NODE01));
    advanceUntil(cluster, 500, 120_000, () => (containerStatus(getPod(cluster, 'mq'))?.restartCount ?? 0) >= 2);
    expect(new Set(seen.map((s) => s.restarts))).toEqual(new Set([0, 1, 2]));
    expect(seen.filter((s) => !s.ready)).toEqual([]);
  });

  it('is ready again at once after a liveness-probe restart', () => {
    const cluster = clusterWithKubelets();
    const seen = runningStatuses(cluster);
    create(cluster, 'pods', pod('mq', { image: 'rabbitmq:3.13', livenessProbe: { exec: { command: ['false'] }, initialDelaySeconds: 10, periodSeconds: 5 } }, ON_NODE01));
    advanceUntil(cluster, 500, 120_000, () => (containerStatus(getPod(cluster, 'mq'))?.restartCount ?? 0) >= 1 && !!containerStatus(getPod(cluster, 'mq'))?.state?.running);
    expect(seen.some((s) => s.restarts === 1)).toBe(true);
    expect(seen.filter((s) => !s.ready)).toEqual([]);
  });

  it('waits for the startup probe: running but not ready until it succeeds', () => {
    const cluster = clusterWithKubelets();
    const seen = runningStatuses(cluster);
    create(cluster, 'pods', pod('mq', { image: 'rabbitmq:3.13', startupProbe: { tcpSocket: { port: 5672 }, periodSeconds: 2, failureThreshold: 10 } }, ON_NODE01));
    cluster.advance(30_000);
    expect(seen[0]).toEqual({ ready: false, started: false, restarts: 0 });
    expect(seen.at(-1)).toEqual({ ready: true, started: true, restarts: 0 });
    expect(seen.filter((s) => s.started !== s.ready)).toEqual([]);
  });
});
