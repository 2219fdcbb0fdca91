import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createDisruptionController, evictPod } from '../../../src/engine/controllers/disruption/index.js';
import { clusterWith, create, list, runPod } from './platform-helpers.js';

function web(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  };
}

function pdb(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
}

let ip = 10;
function readyAll(cluster: Cluster): void {
  for (const p of list(cluster, 'pods', 'default')) if (!p.status?.podIP && !p.metadata.deletionTimestamp) runPod(cluster, 'default', p.metadata.name!, `10.244.1.${ip++}`);
}

const status = (cluster: Cluster) => {
  const s = cluster.internals.store.get('poddisruptionbudgets', 'default', 'web-pdb')!.status;
  const c = s.conditions[0];
  return { expected: s.expectedPods, desired: s.desiredHealthy, healthy: s.currentHealthy, allowed: s.disruptionsAllowed, condition: `${c.type} ${c.status} ${c.reason}` };
};

describe('disruption controller', () => {
  it.each([
    [{ minAvailable: 2 }, { expected: 3, desired: 2, healthy: 3, allowed: 1, condition: 'DisruptionAllowed True SufficientPods' }],
    [{ maxUnavailable: 1 }, { expected: 3, desired: 2, healthy: 3, allowed: 1, condition: 'DisruptionAllowed True SufficientPods' }],
    [{ minAvailable: '100%' }, { expected: 3, desired: 3, healthy: 3, allowed: 0, condition: 'DisruptionAllowed False InsufficientPods' }],
    [{ maxUnavailable: '50%' }, { expected: 3, desired: 1, healthy: 3, allowed: 2, condition: 'DisruptionAllowed True SufficientPods' }],
  ])('reports %j over three ready replicas as %j', (spec, want) => {
    const cluster = clusterWith(createDisruptionController());
    create(cluster, 'deployments', web(3));
    readyAll(cluster);
    create(cluster, 'poddisruptionbudgets', pdb(spec));
    expect(status(cluster)).toEqual(want);
  });

  it('counts only ready pods as healthy', () => {
    const cluster = clusterWith(createDisruptionController());
    create(cluster, 'deployments', web(3));
    create(cluster, 'poddisruptionbudgets', pdb({ minAvailable: 2 }));
    expect(status(cluster)).toMatchObject({ healthy: 0, allowed: 0, condition: 'DisruptionAllowed False InsufficientPods' });
    readyAll(cluster);
    expect(status(cluster)).toMatchObject({ healthy: 3, allowed: 1 });
  });
});

describe('evictPod', () => {
  it('evicts while the budget allows, then refuses with 429 until a replacement is ready', () => {
    const cluster = clusterWith(createDisruptionController());
    create(cluster, 'deployments', web(3));
    readyAll(cluster);
    create(cluster, 'poddisruptionbudgets', pdb({ minAvailable: 2 }));
    const api = cluster.client();
    const [first, second] = list(cluster, 'pods', 'default').map((p) => p.metadata.name!);
    const evicted = evictPod(api, cluster.internals.clock, 'default', first!);
    expect(evicted.ok).toBe(true);
    cluster.settle();
    const gone = cluster.internals.store.get('pods', 'default', first!)!;
    expect(gone.metadata.deletionTimestamp).toBeDefined();
    expect(gone.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({ reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    expect(status(cluster)).toMatchObject({ healthy: 2, allowed: 0 });
    const refused = evictPod(api, cluster.internals.clock, 'default', second!);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget." });
      expect(refused.error.details?.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently', field: '' }]);
    }
    readyAll(cluster);
    expect(status(cluster)).toMatchObject({ healthy: 3, allowed: 1 });
    expect(evictPod(api, cluster.internals.clock, 'default', second!).ok).toBe(true);
  });

  it('deletes a pod no budget covers', () => {
    const cluster = clusterWith(createDisruptionController());
    create(cluster, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } });
    runPod(cluster, 'default', 'solo', '10.244.1.99');
    expect(evictPod(cluster.client(), cluster.internals.clock, 'default', 'solo').ok).toBe(true);
    expect(evictPod(cluster.client(), cluster.internals.clock, 'default', 'nope')).toMatchObject({ ok: false, error: { code: 404, message: 'pods "nope" not found' } });
  });
});

describe('client.evict (pods/eviction)', () => {
  /** A cluster with three ready web pods behind a minAvailable 2 budget, and jane allowed only to evict. */
  function evictable(): { cluster: Cluster; pods: string[] } {
    const cluster = clusterWith(createDisruptionController());
    create(cluster, 'deployments', web(3));
    readyAll(cluster);
    create(cluster, 'poddisruptionbudgets', pdb({ minAvailable: 2 }));
    create(cluster, 'roles', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'evictor', namespace: 'default' }, rules: [{ apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] }] });
    create(cluster, 'rolebindings', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'evictor', namespace: 'default' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'evictor' }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' }] });
    return { cluster, pods: list(cluster, 'pods', 'default').map((p) => p.metadata.name!) };
  }

  it('needs create on pods/eviction', () => {
    const { cluster, pods } = evictable();
    expect(cluster.client('bob').evict('default', pods[0]!)).toMatchObject({
      ok: false,
      error: { code: 403, message: `pods "${pods[0]}" is forbidden: User "bob" cannot create resource "pods/eviction" in API group "" in the namespace "default"` },
    });
  });

  it('deletes with the API server rights for a user who may only evict, then answers 429', () => {
    const { cluster, pods } = evictable();
    const jane = cluster.client('jane');
    expect(jane.delete('pods', 'default', pods[0]!).ok).toBe(false);
    expect(jane.evict('default', pods[0]!, { gracePeriodSeconds: 5 }).ok).toBe(true);
    cluster.settle();
    expect(cluster.internals.store.get('pods', 'default', pods[0]!)!.metadata.deletionGracePeriodSeconds).toBe(5);
    const refused = jane.evict('default', pods[1]!);
    expect(refused).toMatchObject({ ok: false, error: { code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget." } });
  });

  it('leaves the pod alone on a dry run', () => {
    const { cluster, pods } = evictable();
    expect(cluster.client('jane').evict('default', pods[0]!, { dryRun: true }).ok).toBe(true);
    cluster.settle();
    expect(cluster.internals.store.get('pods', 'default', pods[0]!)!.metadata.deletionTimestamp).toBeUndefined();
    expect(status(cluster)).toMatchObject({ allowed: 1 });
  });
});
