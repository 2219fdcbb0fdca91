import { describe, expect, it } from 'vitest';
import { advanceUntil, clusterWithKubelets, containerStatus, create, eventsFor, getPod, pod } from './helpers.js';

describe('probes', () => {
  it('restarts the docs exec-liveness pod 40-45 s after it starts, with the Unhealthy and Killing texts', () => {
    const cluster = clusterWithKubelets();
    create(
      cluster,
      'pods',
      pod(
        'liveness-exec',
        {
          image: 'registry.k8s.io/busybox',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        },
        { nodeName: 'node01' },
      ),
    );
    cluster.advance(5000);
    const started = Date.parse(containerStatus(getPod(cluster, 'liveness-exec'))!.state.running.startedAt);
    const killedAfter = advanceUntil(cluster, 1000, 60_000, () => eventsFor(cluster, 'liveness-exec').some((e) => e.startsWith('Killing:')));
    expect(killedAfter).toBeDefined();
    const elapsed = (cluster.now() - started) / 1000;
    expect(elapsed).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThanOrEqual(46);
    const events = eventsFor(cluster, 'liveness-exec');
    expect(events).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events).toContain('Killing: Container liveness-exec failed liveness probe, will be restarted');
    // Through the grace period (sh as PID 1 ignores SIGTERM) it still reads Ready, as the real kubelet reports.
    cluster.advance(10_000);
    expect(containerStatus(getPod(cluster, 'liveness-exec'))).toMatchObject({ ready: true, restartCount: 0 });
    const restarted = advanceUntil(cluster, 1000, 60_000, () => containerStatus(getPod(cluster, 'liveness-exec'))!.restartCount === 1);
    expect(restarted).toBeDefined();
    expect(containerStatus(getPod(cluster, 'liveness-exec'))!.state.running).toBeDefined();
  });

  it('fails an HTTP liveness probe with the status code', () => {
    const cluster = clusterWithKubelets();
    create(
      cluster,
      'pods',
      pod('liveness-http', { image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'], livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3 } }, { nodeName: 'node01' }),
    );
    cluster.advance(30_000);
    expect(eventsFor(cluster, 'liveness-http')).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
  });

  it('keeps Ready False with a readiness probe on the wrong port, and True on the right one', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('wrong', { image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } }, { nodeName: 'node01' }));
    create(cluster, 'pods', pod('right', { image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }, { nodeName: 'node02' }));
    cluster.advance(30_000);
    const wrong = getPod(cluster, 'wrong')!;
    expect(containerStatus(wrong)!.ready).toBe(false);
    expect(containerStatus(wrong)!.restartCount).toBe(0);
    expect(wrong.status.conditions.find((c: any) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [wrong]' });
    expect(eventsFor(cluster, 'wrong').some((e) => /^Unhealthy: Readiness probe failed: Get "http:\/\/10\.244\.1\.\d+:8080\/": dial tcp 10\.244\.1\.\d+:8080: connect: connection refused$/.test(e))).toBe(true);
    expect(getPod(cluster, 'right')!.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
  });
});
