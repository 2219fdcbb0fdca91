import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { makePodsReady, reapTerminating } from './helpers.js';

function deployment(name: string, replicas: number, image = 'nginx:1.25'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
}

function list(cluster: Cluster, resource: string): readonly KubeObject[] {
  return cluster.internals.store.list(resource, 'default');
}

function setImage(cluster: Cluster, name: string, image: string): void {
  const r = cluster.client().patch('deployments', 'default', name, { spec: { template: { spec: { containers: [{ name: 'nginx', image }] } } } }, 'merge');
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
}

/** Rolls a deployment to completion, recording the most pods and fewest ready pods seen. */
function rollOut(cluster: Cluster, replicas: number): { maxPods: number; minReady: number } {
  let maxPods = 0;
  let minReady = Infinity;
  for (let i = 0; i < 50; i++) {
    const pods = list(cluster, 'pods').filter((p) => !p.metadata.deletionTimestamp);
    maxPods = Math.max(maxPods, pods.length);
    minReady = Math.min(minReady, pods.filter((p) => p.status?.phase === 'Running').length);
    reapTerminating(cluster);
    if (makePodsReady(cluster) === 0 && list(cluster, 'pods').every((p) => !p.metadata.deletionTimestamp)) break;
  }
  const finalPods = list(cluster, 'pods');
  expect(finalPods).toHaveLength(replicas);
  return { maxPods, minReady };
}

describe('deployment controller', () => {
  it('creates one ReplicaSet named with the template hash and three pods owned by it', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    cluster.client().create('deployments', 'default', deployment('web', 3));
    cluster.settle();
    const rss = list(cluster, 'replicasets');
    expect(rss).toHaveLength(1);
    const rs = rss[0]!;
    expect(rs.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const pods = list(cluster, 'pods');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels?.['pod-template-hash']).toBe(rs.metadata.labels?.['pod-template-hash']);
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata.name, controller: true });
    }
    const events = cluster.internals.store.list('events', 'default').filter((e) => e.reason === 'ScalingReplicaSet');
    expect(events.map((e) => e.message)).toEqual([`Scaled up replica set ${rs.metadata.name} to 3`]);
  });

  it('reports Available and a completed rollout once the pods are ready', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    cluster.client().create('deployments', 'default', deployment('web', 3));
    cluster.settle();
    makePodsReady(cluster);
    const d = cluster.internals.store.get('deployments', 'default', 'web')!;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.conditions.map((c: { type: string; reason: string }) => `${c.type}=${c.reason}`)).toEqual([
      'Available=MinimumReplicasAvailable',
      'Progressing=NewReplicaSetAvailable',
    ]);
  });

  it.each([
    [3, 1, 0],
    [4, 1, 1],
    [10, 3, 2],
  ])('rolls %i replicas with at most %i surge and %i unavailable', (replicas, surge, unavailable) => {
    const cluster = createCluster(undefined, { kubelets: false });
    cluster.client().create('deployments', 'default', deployment('web', replicas));
    cluster.settle();
    makePodsReady(cluster);
    setImage(cluster, 'web', 'nginx:1.27');
    const seen = rollOut(cluster, replicas);
    expect(seen.maxPods).toBe(replicas + surge);
    expect(seen.minReady).toBe(replicas - unavailable);
    const rss = list(cluster, 'replicasets');
    expect(rss).toHaveLength(2);
    const revisions = rss.map((rs) => [rs.spec.template.spec.containers[0].image, rs.spec.replicas, rs.metadata.annotations?.['deployment.kubernetes.io/revision']]);
    expect(revisions.sort()).toEqual([['nginx:1.25', 0, '1'], ['nginx:1.27', replicas, '2']]);
  });

  it('counts surge pods as unavailable mid-rollout, like calculateStatus (sum of RS spec.replicas − available)', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    cluster.client().create('deployments', 'default', deployment('web', 3));
    cluster.settle();
    makePodsReady(cluster);
    setImage(cluster, 'web', 'nginx:1.27');
    const d = cluster.internals.store.get('deployments', 'default', 'web')!;
    // New RS at 1 (surge), old RS still 3 ready: 4 desired across ReplicaSets, 3 available.
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
  });

  it('retries pod creation a quota refuses on its back-off, keeping the first ReplicaFailure condition', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    const client = cluster.client();
    client.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'small' }, spec: { hard: { 'requests.cpu': '1' } } } as KubeObject);
    cluster.settle();
    client.create('deployments', 'default', deployment('web', 2));
    cluster.settle();
    const failures = () => cluster.internals.store.list('events', 'default').filter((e) => e.reason === 'FailedCreate').length;
    // The first refusal, and one more from the resync its condition update wakes.
    expect(failures()).toBe(2);
    const rs = list(cluster, 'replicasets')[0]!;
    expect(rs.status.conditions).toEqual([expect.objectContaining({ type: 'ReplicaFailure', reason: 'FailedCreate' })]);
    cluster.advance(10_000);
    expect(failures()).toBe(3);
    expect(list(cluster, 'replicasets')[0]!.status.conditions[0].message).toBe(rs.status.conditions[0].message);
  });

  it('words scaling events as the 1.30 controller does', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    cluster.client().create('deployments', 'default', deployment('web', 3));
    cluster.settle();
    makePodsReady(cluster);
    setImage(cluster, 'web', 'nginx:1.27');
    rollOut(cluster, 3);
    const messages = cluster.internals.store.list('events', 'default').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message.replace(/web-\w+/, 'web-RS'));
    expect(messages).toContain('Scaled up replica set web-RS to 1');
    expect(messages).toContain('Scaled down replica set web-RS to 2 from 3');
    expect(messages).toContain('Scaled up replica set web-RS to 2 from 1');
  });

  it('scaling changes the pod count of the one ReplicaSet', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    cluster.client().create('deployments', 'default', deployment('web', 2));
    cluster.settle();
    cluster.client().updateScale('deployments', 'default', 'web', 5);
    cluster.settle();
    expect(list(cluster, 'pods')).toHaveLength(5);
    cluster.client().updateScale('deployments', 'default', 'web', 1);
    cluster.settle();
    reapTerminating(cluster);
    expect(list(cluster, 'pods')).toHaveLength(1);
  });

  it('Recreate removes every old pod before creating new ones', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    const d = deployment('web', 3);
    d.spec.strategy = { type: 'Recreate' };
    cluster.client().create('deployments', 'default', d);
    cluster.settle();
    makePodsReady(cluster);
    setImage(cluster, 'web', 'nginx:1.27');
    const images = () => new Set(list(cluster, 'pods').map((p) => p.spec.containers[0].image));
    expect([...images()]).toEqual(['nginx:1.25']);
    reapTerminating(cluster);
    expect([...images()]).toEqual(['nginx:1.27']);
    expect(list(cluster, 'pods')).toHaveLength(3);
  });
});
