import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createGarbageCollectorController } from '../../../src/engine/controllers/garbage-collector/index.js';
import { clusterWith, create, list, must, reap } from './platform-helpers.js';

function deployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  };
}

function setup() {
  const cluster = clusterWith(createGarbageCollectorController());
  create(cluster, 'deployments', deployment('web', 2));
  expect(list(cluster, 'replicasets', 'default')).toHaveLength(1);
  expect(list(cluster, 'pods', 'default')).toHaveLength(2);
  return cluster;
}

const live = (objs: readonly KubeObject[]) => objs.filter((o) => !o.metadata.deletionTimestamp);

describe('garbage collector', () => {
  it('Background: deleting a Deployment removes its ReplicaSet at once and its pods once their kubelet lets go', () => {
    const cluster = setup();
    must(cluster.client().delete('deployments', 'default', 'web'));
    cluster.settle();
    expect(list(cluster, 'deployments', 'default')).toHaveLength(0);
    expect(list(cluster, 'replicasets', 'default')).toHaveLength(0);
    expect(list(cluster, 'pods', 'default')).toHaveLength(2);
    expect(live(list(cluster, 'pods', 'default'))).toHaveLength(0);
    reap(cluster, 'default');
    expect(list(cluster, 'pods', 'default')).toHaveLength(0);
  });

  it('Orphan: --cascade=orphan leaves the ReplicaSet and pods running, without the owner reference', () => {
    const cluster = setup();
    must(cluster.client().delete('deployments', 'default', 'web', { propagationPolicy: 'Orphan' }));
    cluster.settle();
    expect(list(cluster, 'deployments', 'default')).toHaveLength(0);
    const rss = list(cluster, 'replicasets', 'default');
    expect(rss).toHaveLength(1);
    expect(rss[0]!.metadata.ownerReferences).toBeUndefined();
    expect(live(list(cluster, 'pods', 'default'))).toHaveLength(2);
    // The pods still belong to the ReplicaSet.
    expect(list(cluster, 'pods', 'default').every((p) => p.metadata.ownerReferences?.[0]?.kind === 'ReplicaSet')).toBe(true);
  });

  it('Foreground: the Deployment stays with its finalizer until its ReplicaSet and pods are gone', () => {
    const cluster = setup();
    must(cluster.client().delete('deployments', 'default', 'web', { propagationPolicy: 'Foreground' }));
    cluster.settle();
    const d = list(cluster, 'deployments', 'default')[0]!;
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d.metadata.deletionTimestamp).toBeDefined();
    const rs = list(cluster, 'replicasets', 'default')[0]!;
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(live(list(cluster, 'pods', 'default'))).toHaveLength(0);
    reap(cluster, 'default');
    expect(list(cluster, 'pods', 'default')).toHaveLength(0);
    expect(list(cluster, 'replicasets', 'default')).toHaveLength(0);
    expect(list(cluster, 'deployments', 'default')).toHaveLength(0);
  });

  it('collects an object whose owner was already gone when it was created, and keeps one with a live owner', () => {
    const cluster = clusterWith(createGarbageCollectorController());
    const owner = create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid! };
    create(cluster, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'kept', namespace: 'default', ownerReferences: [ref] } });
    create(cluster, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'stale', namespace: 'default', ownerReferences: [{ ...ref, uid: 'not-the-owner' }] } });
    expect(list(cluster, 'secrets', 'default').map((s) => s.metadata.name)).toEqual(['kept']);
  });

  it('drops a dangling reference when another owner remains', () => {
    const cluster = clusterWith(createGarbageCollectorController());
    const a = create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    const b = create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } });
    const refs = [a, b].map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.metadata.name!, uid: o.metadata.uid! }));
    create(cluster, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'dep', namespace: 'default', ownerReferences: refs } });
    must(cluster.client().delete('configmaps', 'default', 'a'));
    cluster.settle();
    const dep = cluster.internals.store.get('secrets', 'default', 'dep')!;
    expect(dep.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
    must(cluster.client().delete('configmaps', 'default', 'b'));
    cluster.settle();
    expect(cluster.internals.store.get('secrets', 'default', 'dep')).toBeUndefined();
  });
});
