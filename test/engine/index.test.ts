import { describe, expect, it } from 'vitest';
import { clusterNetwork, createCluster } from '../../src/engine/index.js';

describe('the engine public surface', () => {
  it('gives a cluster network that reaches a Service from outside any pod', () => {
    const cluster = createCluster();
    const admin = cluster.client();
    const labels = { app: 'web' };
    admin.create('deployments', 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
    });
    admin.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: labels, ports: [{ port: 80 }] } });
    cluster.advance(30_000);
    const net = clusterNetwork(cluster)!;
    const probe = { namespace: 'default', name: 'probe', ip: '10.244.255.254' };
    const r = net.request(probe, 'http://web', { timeoutMs: 1000 });
    expect(r.ok && r.body).toContain('<title>Welcome to nginx!</title>');
    expect(net.request(probe, 'http://nothere', { timeoutMs: 1000 })).toEqual({ ok: false, error: 'unresolved' });
  });

  it('has no network for a bare cluster or one running chosen controllers', () => {
    expect(clusterNetwork(createCluster(undefined, { bare: true }))).toBeUndefined();
    expect(clusterNetwork(createCluster(undefined, { controllers: [] }))).toBeUndefined();
  });

  it.each([
    ['pulls and runs a lesson image', { images: { profiles: { 'web-v2': { extends: 'nginx-1.25' } }, repositories: { 'ghcr.io/acme/web': { profile: 'web-v2', tags: { v2: { size: 1234, digest: `sha256:${'c'.repeat(64)}` } } } } } }, 'Running'],
    ['fails to pull it without the extension', {}, 'ImagePullBackOff'],
  ])('%s', (_, opts, state) => {
    const cluster = createCluster(undefined, opts as never);
    cluster.client().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'ghcr.io/acme/web:v2' }] } });
    cluster.advance(5_000);
    const status = cluster.internals.store.get('pods', 'default', 'web')!.status.containerStatuses[0];
    expect(status.state.running ? 'Running' : status.state.waiting?.reason).toBe(state);
  });
});
