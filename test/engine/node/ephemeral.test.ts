import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { clusterWithKubelets, create, eventObjects, eventsFor, getPod, pod } from './helpers.js';

/** Adds an ephemeral container through pods/ephemeralcontainers, as kubectl debug does. */
function addDebugger(cluster: Cluster, podName: string, container: Record<string, unknown>): void {
  const current = getPod(cluster, podName)!;
  const next: KubeObject = { ...current, spec: { ...current.spec, ephemeralContainers: [...(current.spec.ephemeralContainers ?? []), container] } };
  const r = cluster.client().updateEphemeralContainers('default', podName, next);
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
}

const debuggerSpec = (extra: Record<string, unknown> = {}) => ({ name: 'debugger-x7k2p', image: 'busybox:1.36', stdin: true, tty: true, terminationMessagePolicy: 'File', ...extra });

function running(cluster: Cluster, name: string, containers: Record<string, unknown>[], spec: Record<string, unknown> = {}): void {
  create(cluster, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers, nodeName: 'node01', ...spec } });
  cluster.advance(10_000);
}

const exec = (cluster: Cluster, name: string, container: string, command: string[]) => {
  const r = cluster.client().exec('default', name, { container, command });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.stdout + r.value.stderr;
};

describe('ephemeral containers', () => {
  it('pulls the image and starts the container, reporting it in ephemeralContainerStatuses only', () => {
    const cluster = clusterWithKubelets();
    running(cluster, 'web', [{ name: 'web', image: 'nginx:1.25' }]);
    addDebugger(cluster, 'web', debuggerSpec());
    cluster.advance(10_000);
    const p = getPod(cluster, 'web')!;
    expect(p.status.containerStatuses).toHaveLength(1);
    expect(p.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
    const status = p.status.ephemeralContainerStatuses[0];
    expect(Object.keys(status)).toEqual(['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID']);
    expect([status.name, Object.keys(status.state)[0], status.ready, status.image]).toEqual(['debugger-x7k2p', 'running', false, 'docker.io/library/busybox:1.36']);
    const events = eventsFor(cluster, 'web');
    expect(events.slice(-4)).toEqual([
      'Pulling: Pulling image "busybox:1.36"',
      expect.stringMatching(/^Pulled: Successfully pulled image "busybox:1\.36" in /),
      'Created: Created container debugger-x7k2p',
      'Started: Started container debugger-x7k2p',
    ]);
    const started = eventObjects(cluster, 'web').find((e) => e.reason === 'Started' && e.message.includes('debugger'))!;
    expect(started.involvedObject.fieldPath).toBe('spec.ephemeralContainers{debugger-x7k2p}');
  });

  it('shows ContainerCreating while the image is pulled', () => {
    const cluster = clusterWithKubelets();
    running(cluster, 'web', [{ name: 'web', image: 'nginx:1.25' }]);
    addDebugger(cluster, 'web', debuggerSpec({ image: 'ubuntu:22.04' }));
    expect(getPod(cluster, 'web')!.status.ephemeralContainerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
  });

  it('keeps an interactive shell (stdin open) running, and serves exec and logs for it', () => {
    const cluster = clusterWithKubelets();
    running(cluster, 'web', [{ name: 'web', image: 'nginx:1.25' }]);
    addDebugger(cluster, 'web', debuggerSpec());
    cluster.advance(60_000);
    expect(Object.keys(getPod(cluster, 'web')!.status.ephemeralContainerStatuses[0].state)).toEqual(['running']);
    expect(exec(cluster, 'web', 'debugger-x7k2p', ['cat', '/etc/hostname'])).toBe('web\n');
    expect(cluster.client().logs('default', 'web', { container: 'debugger-x7k2p' })).toEqual({ ok: true, value: '' });
  });

  it('runs a command once and never restarts it, whatever the restartPolicy', () => {
    const cluster = clusterWithKubelets();
    running(cluster, 'web', [{ name: 'web', image: 'nginx:1.25' }]);
    addDebugger(cluster, 'web', debuggerSpec({ stdin: false, tty: false, command: ['sh', '-c', 'echo checked; exit 3'] }));
    cluster.advance(120_000);
    const status = getPod(cluster, 'web')!.status.ephemeralContainerStatuses[0];
    expect([status.state.terminated?.exitCode, status.state.terminated?.reason, status.restartCount]).toEqual([3, 'Error', 0]);
    expect(cluster.client().logs('default', 'web', { container: 'debugger-x7k2p' })).toEqual({ ok: true, value: 'checked\n' });
  });

  it('starts in a pod whose init container is still running', () => {
    const cluster = clusterWithKubelets();
    running(cluster, 'slow', [{ name: 'app', image: 'nginx:1.25' }], { initContainers: [{ name: 'wait', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    addDebugger(cluster, 'slow', debuggerSpec());
    cluster.advance(10_000);
    const p = getPod(cluster, 'slow')!;
    expect([p.status.phase, Object.keys(p.status.ephemeralContainerStatuses[0].state)[0]]).toEqual(['Pending', 'running']);
  });

  it.each([
    ['its own PID namespace without a target', {}, {}, ['PID   USER     TIME  COMMAND', '    1 root      0:00 sh', '    7 root      0:00 ps']],
    [
      "the target's PID namespace",
      { targetContainerName: 'app' },
      {},
      ['PID   USER     TIME  COMMAND', '    1 root      0:00 sh -c sleep 3600', '    7 root      0:00 sh', '   13 root      0:00 ps'],
    ],
    [
      "the pod's namespace with shareProcessNamespace",
      {},
      { shareProcessNamespace: true },
      ['PID   USER     TIME  COMMAND', '    1 65535     0:00 /pause', '    7 root      0:00 sh -c sleep 3600', '   13 root      0:00 sh', '   19 root      0:00 ps'],
    ],
  ])('ps in the debugger shows %s', (_name, target, podSpec, lines) => {
    const cluster = clusterWithKubelets();
    running(cluster, 'app', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }], podSpec);
    addDebugger(cluster, 'app', debuggerSpec(target));
    cluster.advance(10_000);
    expect(exec(cluster, 'app', 'debugger-x7k2p', ['ps'])).toBe(lines.join('\n') + '\n');
  });

  it('stops the ephemeral container with the pod on deletion', () => {
    const cluster = clusterWithKubelets();
    running(cluster, 'web', [{ name: 'web', image: 'nginx:1.25' }], { terminationGracePeriodSeconds: 5 });
    addDebugger(cluster, 'web', debuggerSpec());
    cluster.advance(10_000);
    cluster.client().delete('pods', 'default', 'web');
    cluster.settle();
    expect(eventsFor(cluster, 'web')).toContain('Killing: Stopping container debugger-x7k2p');
    // The interactive shell is PID 1 of its namespace and ignores SIGTERM: SIGKILL ends it.
    expect(getPod(cluster, 'web')).toBeDefined();
    cluster.advance(6000);
    expect(getPod(cluster, 'web')).toBeUndefined();
  });
});
