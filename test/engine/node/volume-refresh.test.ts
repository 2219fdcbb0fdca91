import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { VOLUME_RESYNC_PERIOD_MS } from '../../../src/engine/node/volume-refresh.js';
import { advanceUntil, clusterWithKubelets, create, getPod, pod } from './helpers.js';

const SLEEPER = { image: 'busybox:1.36', command: ['sleep', '3600'] };

const configMap = (data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-cfg' }, data });

function read(cluster: Cluster, name: string, path: string): string {
  const r = cluster.client().exec('default', name, { command: ['cat', path] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.stdout + r.value.stderr;
}

function updateConfigMap(cluster: Cluster, data: Record<string, string>): void {
  const current = cluster.internals.store.get('configmaps', 'default', 'app-cfg')!;
  const r = cluster.client().update('configmaps', 'default', { ...current, data });
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
}

/** A pod mounting app-cfg whole at /etc/app, one key through subPath, and one key as env. */
function mountingPod(cluster: Cluster): void {
  create(cluster, 'configmaps', configMap({ mode: 'dev', level: 'debug' }));
  const container = {
    ...SLEEPER,
    env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-cfg', key: 'mode' } } }],
    volumeMounts: [
      { name: 'cfg', mountPath: '/etc/app' },
      { name: 'cfg', mountPath: '/etc/mode', subPath: 'mode' },
    ],
  };
  create(cluster, 'pods', pod('app', container, { nodeName: 'node01', volumes: [{ name: 'cfg', configMap: { name: 'app-cfg' } }] }));
  cluster.advance(10_000);
}

describe('projected volumes after mount', () => {
  it('show a changed ConfigMap within the kubelet sync period, never in env or a subPath mount', () => {
    const cluster = clusterWithKubelets();
    mountingPod(cluster);
    updateConfigMap(cluster, { mode: 'prod', level: 'debug' });
    expect(read(cluster, 'app', '/etc/app/mode')).toBe('dev');
    const took = advanceUntil(cluster, 1000, 2 * VOLUME_RESYNC_PERIOD_MS, () => read(cluster, 'app', '/etc/app/mode') === 'prod');
    expect(took).toBeDefined();
    expect(took!).toBeLessThanOrEqual(VOLUME_RESYNC_PERIOD_MS);
    expect(read(cluster, 'app', '/etc/mode')).toBe('dev');
    expect(cluster.client().exec('default', 'app', { command: ['sh', '-c', 'echo $MODE'] })).toMatchObject({ ok: true, value: { stdout: 'dev\n' } });
  });

  it('adds new keys and removes deleted ones', () => {
    const cluster = clusterWithKubelets();
    mountingPod(cluster);
    updateConfigMap(cluster, { mode: 'dev', color: 'blue' });
    cluster.advance(VOLUME_RESYNC_PERIOD_MS);
    const ls = cluster.client().exec('default', 'app', { command: ['ls', '/etc/app'] });
    expect(ls.ok && ls.value.stdout).toBe('color\nmode\n');
  });

  it('keeps the old files when the ConfigMap is deleted', () => {
    const cluster = clusterWithKubelets();
    mountingPod(cluster);
    cluster.client().delete('configmaps', 'default', 'app-cfg');
    cluster.advance(VOLUME_RESYNC_PERIOD_MS);
    expect(read(cluster, 'app', '/etc/app/level')).toBe('debug');
  });

  it('updates a Secret volume the same way', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: Buffer.from('old').toString('base64') } });
    create(cluster, 'pods', pod('app', { ...SLEEPER, volumeMounts: [{ name: 'db', mountPath: '/secrets' }] }, { nodeName: 'node01', volumes: [{ name: 'db', secret: { secretName: 'db' } }] }));
    cluster.advance(10_000);
    const secret = cluster.internals.store.get('secrets', 'default', 'db')!;
    cluster.client().update('secrets', 'default', { ...secret, data: { password: Buffer.from('new').toString('base64') } });
    cluster.advance(VOLUME_RESYNC_PERIOD_MS);
    expect(read(cluster, 'app', '/secrets/password')).toBe('new');
  });

  it('rewrites a downwardAPI labels file soon after the pod is relabelled', () => {
    const cluster = clusterWithKubelets();
    const volumes = [{ name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }];
    const p = pod('app', { ...SLEEPER, volumeMounts: [{ name: 'info', mountPath: '/etc/podinfo' }] }, { nodeName: 'node01', volumes });
    create(cluster, 'pods', { ...p, metadata: { ...p.metadata, labels: { tier: 'web' } } });
    cluster.advance(10_000);
    expect(read(cluster, 'app', '/etc/podinfo/labels')).toBe('tier="web"');
    const live = getPod(cluster, 'app')!;
    cluster.client().update('pods', 'default', { ...live, metadata: { ...live.metadata, labels: { tier: 'web', track: 'canary' } } });
    cluster.advance(1000);
    expect(read(cluster, 'app', '/etc/podinfo/labels')).toBe('tier="web"\ntrack="canary"');
  });
});
