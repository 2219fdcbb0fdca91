import { describe, expect, it } from 'vitest';
import { advanceUntil, clusterWithKubelets, containerStatus, create, eventsFor, getPod, pod, pods, stateOf } from './helpers.js';

const ON_NODE01 = { nodeName: 'node01' };

describe('containers', () => {
  it('crash-loops `echo starting; exit 1` with restarts after 0, 10, 20, 40 s and keeps the previous log', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'busybox:1.36', command: ['sh', '-c', 'echo starting; exit 1'] }, ON_NODE01));
    const restartsAt: number[] = [];
    let last = 0;
    const start = cluster.now();
    advanceUntil(cluster, 500, 120_000, () => {
      const n = containerStatus(getPod(cluster, 'web'))?.restartCount ?? 0;
      if (n !== last) {
        restartsAt.push(Math.round((cluster.now() - start) / 1000));
        last = n;
      }
      return n >= 4;
    });
    const gaps = restartsAt.slice(1).map((t, i) => t - restartsAt[i]!);
    expect(gaps).toEqual([10, 20, 40]);
    const p = getPod(cluster, 'web')!;
    cluster.advance(1000);
    const waiting = containerStatus(getPod(cluster, 'web'))!.state.waiting;
    expect(waiting.reason).toBe('CrashLoopBackOff');
    expect(waiting.message).toBe(`back-off 1m20s restarting failed container=web pod=web_default(${p.metadata.uid})`);
    expect(containerStatus(p)!.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(eventsFor(cluster, 'web')).toContain(`BackOff: Back-off restarting failed container web in pod web_default(${p.metadata.uid})`);
    const prev = cluster.client().logs('default', 'web', { previous: true });
    expect(prev).toEqual({ ok: true, value: 'starting\n' });
    expect(p.status.phase).toBe('Running');
  });

  it('reports CrashLoopBackOff with the first back-off message of 10s', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'busybox:1.36', command: ['sh', '-c', 'echo starting; exit 1'] }, ON_NODE01));
    cluster.advance(3000);
    const p = getPod(cluster, 'web')!;
    expect(stateOf(p)).toBe('CrashLoopBackOff');
    expect(containerStatus(p)!.state.waiting.message).toBe(`back-off 10s restarting failed container=web pod=web_default(${p.metadata.uid})`);
    expect(containerStatus(p)!.restartCount).toBe(1);
  });

  it('completes a Never pod with exit 0 as Succeeded and a failing one as Failed', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('ok', { image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }, { ...ON_NODE01, restartPolicy: 'Never' }));
    create(cluster, 'pods', pod('bad', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }, { ...ON_NODE01, restartPolicy: 'Never' }));
    cluster.advance(5000);
    expect(getPod(cluster, 'ok')!.status.phase).toBe('Succeeded');
    expect(stateOf(getPod(cluster, 'ok'))).toBe('Completed');
    expect(getPod(cluster, 'bad')!.status.phase).toBe('Failed');
    expect(containerStatus(getPod(cluster, 'bad'))!.state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    const ready = getPod(cluster, 'ok')!.status.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('crash-loops postgres without a password and runs once POSTGRES_PASSWORD comes from a Secret', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('db', { image: 'postgres:16' }, ON_NODE01));
    cluster.advance(15_000);
    expect(stateOf(getPod(cluster, 'db'))).toBe('CrashLoopBackOff');
    const logs = cluster.client().logs('default', 'db', {});
    expect(logs.ok && logs.value).toContain('Error: Database is uninitialized and superuser password is not specified.');
    create(cluster, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: Buffer.from('s3cret').toString('base64') } });
    cluster.client().delete('pods', 'default', 'db', { gracePeriodSeconds: 0 });
    cluster.advance(1000);
    create(cluster, 'pods', pod('db', { image: 'postgres:16', env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }, ON_NODE01));
    cluster.advance(10_000);
    expect(stateOf(getPod(cluster, 'db'))).toBe('Running');
  });

  it.each([
    ['a missing ConfigMap', { configMapKeyRef: { name: 'app-cfg', key: 'LOG_LEVEL' } }, 'configmap "app-cfg" not found'],
    ['a missing Secret', { secretKeyRef: { name: 'db', key: 'password' } }, 'secret "db" not found'],
  ])('waits CreateContainerConfigError for %s and starts once it exists', (_name, valueFrom, message) => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25', env: [{ name: 'X', valueFrom }] }, ON_NODE01));
    cluster.advance(5000);
    const p = getPod(cluster, 'web')!;
    expect(containerStatus(p)!.state.waiting).toEqual({ reason: 'CreateContainerConfigError', message });
    expect(eventsFor(cluster, 'web')).toContain(`Failed: Error: ${message}`);
    if ('configMapKeyRef' in valueFrom) create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-cfg' }, data: { LOG_LEVEL: 'debug' } });
    else create(cluster, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'eA==' } });
    cluster.advance(1000);
    expect(stateOf(getPod(cluster, 'web'))).toBe('Running');
  });

  it('names the missing key of an existing ConfigMap', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-cfg' }, data: { OTHER: '1' } });
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app-cfg', key: 'LOG_LEVEL' } } }] }, ON_NODE01));
    cluster.advance(5000);
    expect(eventsFor(cluster, 'web')).toContain('Failed: Error: couldn\'t find key LOG_LEVEL in ConfigMap default/app-cfg');
  });

  it('keeps a pod ContainerCreating with FailedMount while its ConfigMap volume is missing', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }, { ...ON_NODE01, volumes: [{ name: 'cfg', configMap: { name: 'app-cfg' } }] }));
    cluster.advance(5000);
    expect(stateOf(getPod(cluster, 'web'))).toBe('ContainerCreating');
    expect(eventsFor(cluster, 'web')).toContain('FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "app-cfg" not found');
    create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-cfg' }, data: { 'app.conf': 'mode=dev\n' } });
    cluster.advance(5000);
    expect(stateOf(getPod(cluster, 'web'))).toBe('Running');
    const r = cluster.client().exec('default', 'web', { command: ['cat', '/etc/cfg/app.conf'] });
    expect(r).toEqual({ ok: true, value: { stdout: 'mode=dev\n', stderr: '', exitCode: 0 } });
  });

  it('OOM-kills a memory hog over its 64Mi limit with exit code 137', () => {
    const cluster = clusterWithKubelets();
    create(
      cluster,
      'pods',
      pod('memory-demo', { image: 'polinux/stress', resources: { limits: { memory: '64Mi' }, requests: { memory: '50Mi' } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] }, ON_NODE01),
    );
    const t = advanceUntil(cluster, 250, 20_000, () => (containerStatus(getPod(cluster, 'memory-demo'))?.restartCount ?? 0) > 0 || stateOf(getPod(cluster, 'memory-demo')) === 'OOMKilled');
    expect(t).toBeDefined();
    const cs = containerStatus(getPod(cluster, 'memory-demo'))!;
    const term = cs.state.terminated ?? cs.lastState.terminated;
    expect(term).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(getPod(cluster, 'memory-demo')!.status.qosClass).toBe('Burstable');
  });

  it('runs init containers in order and shows Init:N/M through their statuses', () => {
    const cluster = clusterWithKubelets();
    create(
      cluster,
      'pods',
      pod('app', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }, {
        ...ON_NODE01,
        initContainers: [
          { name: 'first', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5'] },
          { name: 'second', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5'] },
        ],
      }),
    );
    cluster.advance(4000);
    let p = getPod(cluster, 'app')!;
    expect(p.status.initContainerStatuses.map((s: any) => Object.keys(s.state)[0])).toEqual(['running', 'waiting']);
    expect(p.status.initContainerStatuses[1].state.waiting.reason).toBe('PodInitializing');
    expect(stateOf(p)).toBe('PodInitializing');
    expect(p.status.conditions.find((c: any) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [first second]' });
    cluster.advance(12_000);
    p = getPod(cluster, 'app')!;
    expect(p.status.initContainerStatuses.map((s: any) => s.state.terminated?.reason)).toEqual(['Completed', 'Completed']);
    expect(stateOf(p)).toBe('Running');
    expect(p.status.phase).toBe('Running');
  });

  it('keeps a restartable init container (sidecar) running beside the app', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('app', { image: 'nginx:1.25' }, { ...ON_NODE01, initContainers: [{ name: 'logger', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do sleep 10; done'] }] }));
    cluster.advance(10_000);
    const p = getPod(cluster, 'app')!;
    expect(Object.keys(p.status.initContainerStatuses[0].state)).toEqual(['running']);
    expect(stateOf(p)).toBe('Running');
    expect(p.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
  });

  it('gives hostNetwork pods the node IP and runs the static control-plane pods', () => {
    const cluster = clusterWithKubelets();
    cluster.advance(5000);
    const system = pods(cluster, 'kube-system');
    const etcd = system.find((p) => p.metadata.name === 'etcd-controlplane')!;
    expect(etcd.status.phase).toBe('Running');
    expect(etcd.status.podIP).toBe('172.30.1.2');
    expect(system.filter((p) => p.status?.phase !== 'Running').map((p) => p.metadata.name)).toEqual([]);
  });
});
