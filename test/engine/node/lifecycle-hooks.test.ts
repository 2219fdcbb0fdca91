import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import { advanceUntil, clusterWithKubelets, containerStatus, create, eventsFor, getPod, pod, stateOf } from './helpers.js';

const SLEEPER = { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] };
const podRef = (cluster: Cluster, name: string) => `${name}_default(${getPod(cluster, name)!.metadata.uid})`;
/** Virtual ms from now until the pod object is gone. */
const goneAfter = (cluster: Cluster, name: string) => advanceUntil(cluster, 250, 60_000, () => !getPod(cluster, name));

describe('postStart hooks', () => {
  it('keeps the container out of Running until an exec hook has finished', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('hooked', { ...SLEEPER, lifecycle: { postStart: { exec: { command: ['sh', '-c', 'sleep 5; echo ready > /tmp/ready'] } } } }, { nodeName: 'node01' }));
    cluster.advance(3000);
    expect(eventsFor(cluster, 'hooked')).toContain('Started: Started container hooked');
    expect([getPod(cluster, 'hooked')!.status.phase, stateOf(getPod(cluster, 'hooked'))]).toEqual(['Pending', 'ContainerCreating']);
    const took = advanceUntil(cluster, 250, 20_000, () => stateOf(getPod(cluster, 'hooked')) === 'Running');
    expect(took).toBeGreaterThan(2000);
    expect(took).toBeLessThanOrEqual(5000);
    expect(getPod(cluster, 'hooked')!.status.phase).toBe('Running');
    expect(cluster.client().exec('default', 'hooked', { command: ['cat', '/tmp/ready'] })).toMatchObject({ ok: true, value: { stdout: 'ready\n' } });
  });

  it('kills a container whose exec hook fails, with the kubelet events, then restarts it', () => {
    const cluster = clusterWithKubelets();
    const hook = { exec: { command: ['sh', '-c', 'echo no config >&2; exit 1'] } };
    create(cluster, 'pods', pod('bad', { ...SLEEPER, lifecycle: { postStart: hook } }, { nodeName: 'node01', terminationGracePeriodSeconds: 5 }));
    cluster.advance(2000);
    const message = `Exec lifecycle hook ([sh -c echo no config >&2; exit 1]) for Container "bad" in Pod "${podRef(cluster, 'bad')}" failed - error: command 'sh -c echo no config >&2; exit 1' exited with 1: no config\n, message: "no config\\n"`;
    expect(eventsFor(cluster, 'bad').slice(-2)).toEqual([`FailedPostStartHook: ${message}`, 'Killing: FailedPostStartHook']);
    // sh ignores SIGTERM as PID 1: it dies at the end of the 5 s grace period, then waits as PostStartHookError.
    expect(stateOf(getPod(cluster, 'bad'))).toBe('ContainerCreating');
    cluster.advance(5000);
    const status = containerStatus(getPod(cluster, 'bad'))!;
    expect(status.state.waiting?.reason ?? Object.keys(status.state)[0]).toBe('PostStartHookError');
    expect(status.state.waiting.message).toBe(message);
    expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    cluster.advance(20_000);
    expect(containerStatus(getPod(cluster, 'bad'))!.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('fails an httpGet hook only when nothing answers, and quotes the request', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25', lifecycle: { postStart: { httpGet: { path: '/hook', port: 8080 } } } }, { nodeName: 'node01', restartPolicy: 'Never' }));
    cluster.advance(5000);
    const ip = getPod(cluster, 'web')!.status.podIP;
    expect(eventsFor(cluster, 'web')).toContain(
      `FailedPostStartHook: HTTP lifecycle hook (/hook) for Container "web" in Pod "${podRef(cluster, 'web')}" failed - error: Get "http://${ip}:8080/hook": dial tcp ${ip}:8080: connect: connection refused`,
    );
    // nginx stops on SIGTERM; with restartPolicy Never the pod is done.
    expect([getPod(cluster, 'web')!.status.phase, stateOf(getPod(cluster, 'web'))]).toEqual(['Succeeded', 'Completed']);
  });

  it('holds the container in ContainerCreating for the sleep action', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('app', { ...SLEEPER, lifecycle: { postStart: { sleep: { seconds: 2 } } } }, { nodeName: 'node01' }));
    cluster.advance(1500);
    expect(stateOf(getPod(cluster, 'app'))).toBe('ContainerCreating');
    cluster.advance(3000);
    expect(stateOf(getPod(cluster, 'app'))).toBe('Running');
  });
});

describe('preStop hooks', () => {
  it('runs before SIGTERM and takes its time out of the grace period', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25', lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } } }, { nodeName: 'node01' }));
    cluster.advance(5000);
    cluster.client().delete('pods', 'default', 'web');
    // nginx stops at once on SIGTERM, which comes when the hook is done.
    const took = goneAfter(cluster, 'web')!;
    expect(took).toBeGreaterThanOrEqual(5000);
    expect(took).toBeLessThan(6000);
  });

  it('gives a hook longer than the grace period only the grace period, then SIGTERM and at least 2 s before SIGKILL', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('slow', { ...SLEEPER, lifecycle: { preStop: { exec: { command: ['sleep', '60'] } } } }, { nodeName: 'node01', terminationGracePeriodSeconds: 10 }));
    cluster.advance(5000);
    cluster.client().delete('pods', 'default', 'slow');
    const took = goneAfter(cluster, 'slow')!;
    expect(took).toBeGreaterThanOrEqual(12_000);
    expect(took).toBeLessThan(13_000);
  });

  it('records FailedPreStopHook without the output, after the Killing event, and still stops the container', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'echo secret; exit 2'] } } } }, { nodeName: 'node01' }));
    cluster.advance(5000);
    cluster.client().delete('pods', 'default', 'web');
    cluster.settle();
    expect(eventsFor(cluster, 'web').slice(-2)).toEqual(['Killing: Stopping container web', 'FailedPreStopHook: PreStopHook failed']);
    expect(goneAfter(cluster, 'web')).toBeLessThan(1000);
  });

  it('runs the preStop hook when a failed liveness probe restarts the container too', () => {
    const cluster = clusterWithKubelets();
    const probe = { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 1 };
    create(cluster, 'pods', pod('live', { ...SLEEPER, livenessProbe: probe, lifecycle: { preStop: { exec: { command: ['sh', '-c', 'exit 1'] } } } }, { nodeName: 'node01' }));
    cluster.advance(15_000);
    expect(eventsFor(cluster, 'live')).toContain('FailedPreStopHook: PreStopHook failed');
  });
});
