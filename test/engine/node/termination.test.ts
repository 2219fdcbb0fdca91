import { describe, expect, it } from 'vitest';
import { setKubeletRunning, nodeMetrics, podMetrics } from '../../../src/engine/node/index.js';
import { clusterWithKubelets, create, eventsFor, getPod, pod } from './helpers.js';

describe('termination, storage, logs and node control', () => {
  it('shows a deleted nginx pod Terminating, stops it with SIGTERM and removes it', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25' }, { nodeName: 'node01' }));
    cluster.advance(5000);
    cluster.client().delete('pods', 'default', 'web');
    expect(getPod(cluster, 'web')?.metadata.deletionTimestamp).toBeDefined();
    cluster.settle();
    expect(getPod(cluster, 'web')).toBeUndefined();
    expect(eventsFor(cluster, 'web')).toContain('Killing: Stopping container web');
  });

  it('waits the grace period for a shell that ignores SIGTERM', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('sleeper', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }, { nodeName: 'node01', terminationGracePeriodSeconds: 10 }));
    cluster.advance(5000);
    cluster.client().delete('pods', 'default', 'sleeper');
    cluster.advance(9000);
    expect(getPod(cluster, 'sleeper')?.metadata.deletionTimestamp).toBeDefined();
    cluster.advance(2000);
    expect(getPod(cluster, 'sleeper')).toBeUndefined();
  });

  it('keeps data written by one pod on a PVC for the next pod', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: '', hostPath: { path: '/data/pv1' } } }, undefined as unknown as string);
    create(cluster, 'persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: '', volumeName: 'pv1', resources: { requests: { storage: '1Gi' } } } });
    cluster.advance(20_000);
    const claim = cluster.internals.store.get('persistentvolumeclaims', 'default', 'data')!;
    if (claim.status?.phase !== 'Bound') {
      // No volume binding controller in this build: bind it as the PV controller would.
      cluster.client().updateStatus('persistentvolumeclaims', 'default', { ...claim, status: { phase: 'Bound' } });
    }
    const volumes = { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }], nodeName: 'node01', restartPolicy: 'Never' };
    create(cluster, 'pods', pod('writer', { image: 'busybox:1.36', command: ['sh', '-c', 'echo hello from writer > /data/msg'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }, volumes));
    cluster.advance(5000);
    expect(getPod(cluster, 'writer')!.status.phase).toBe('Succeeded');
    cluster.client().delete('pods', 'default', 'writer');
    cluster.advance(1000);
    create(cluster, 'pods', pod('reader', { image: 'busybox:1.36', command: ['sh', '-c', 'cat /data/msg'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }, volumes));
    cluster.advance(5000);
    expect(cluster.client().logs('default', 'reader', {})).toEqual({ ok: true, value: 'hello from writer\n' });
  });

  it.each([
    [{ previous: true }, 'previous terminated container "web" in pod "web" not found'],
    [{}, 'container "web" in pod "web" is waiting to start: ContainerCreating'],
  ])('answers logs %j of a starting pod with the kubelet error', (opts, message) => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25' }, { nodeName: 'node01' }));
    cluster.advance(1500);
    const r = cluster.client().logs('default', 'web', opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.reason, r.error.message]).toEqual(['BadRequest', message]);
  });

  it('refuses exec into a container that is not running', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.161' }, { nodeName: 'node01' }));
    cluster.advance(3000);
    const r = cluster.client().exec('default', 'web', { command: ['ls'] });
    expect(!r.ok && r.error.message).toBe('unable to upgrade connection: container not found ("web")');
    const logs = cluster.client().logs('default', 'web', {});
    expect(!logs.ok && logs.error.message).toMatch(/^container "web" in pod "web" is waiting to start: (image can't be pulled|trying and failing to pull image)$/);
  });

  it('stops renewing the lease and running pods while the kubelet is stopped, and resumes after', () => {
    const cluster = clusterWithKubelets();
    const lease = () => cluster.internals.store.get('leases', 'kube-node-lease', 'node01')!.spec.renewTime;
    cluster.advance(15_000);
    const before = lease();
    setKubeletRunning(cluster, 'node01', false);
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25' }, { nodeName: 'node01' }));
    cluster.advance(30_000);
    expect(lease()).toBe(before);
    expect(getPod(cluster, 'web')!.status?.phase ?? 'Pending').toBe('Pending');
    expect(nodeMetrics(cluster, 'node01')).toBeUndefined();
    setKubeletRunning(cluster, 'node01', true);
    cluster.advance(5000);
    expect(lease()).not.toBe(before);
    expect(getPod(cluster, 'web')!.status.phase).toBe('Running');
    const m = podMetrics(cluster, 'default', 'web')!;
    expect(m.memoryBytes).toBeGreaterThan(0);
    expect(nodeMetrics(cluster, 'node01')!.memoryBytes).toBeGreaterThan(m.memoryBytes);
  });
});

describe('deleting a pod whose containers are still being created', () => {
  it('removes it at once, without waiting out the grace period, as the kubelet kills only the sandbox', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('big', { image: 'postgres:16' }, { nodeName: 'node01', terminationGracePeriodSeconds: 30 }));
    cluster.advance(2000);
    expect(getPod(cluster, 'big')!.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    cluster.client().delete('pods', 'default', 'big');
    cluster.settle();
    expect(getPod(cluster, 'big')).toBeUndefined();
    expect(eventsFor(cluster, 'big').some((e) => e.startsWith('Killing'))).toBe(false);
  });

  it('cancels the pull, so the next pull on the node does not wait for it', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('big', { image: 'postgres:16' }, { nodeName: 'node01' }));
    cluster.advance(2000);
    cluster.client().delete('pods', 'default', 'big');
    cluster.settle();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25' }, { nodeName: 'node01' }));
    cluster.advance(10_000);
    const pulled = eventsFor(cluster, 'web').find((e) => e.startsWith('Pulled:'))!;
    const [, took, withWaiting] = /in ([\d.]+m?s) \(([\d.]+m?s) including waiting\)/.exec(pulled)!;
    expect(withWaiting).toBe(took);
  });
});
