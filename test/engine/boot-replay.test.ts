import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../src/engine/api/discovery.js';
import { forgetBootstrapRecordings } from '../../src/engine/boot-replay.js';
import { createCluster, type Cluster } from '../../src/engine/cluster.js';
import { DEFAULT_CLUSTER, type ClusterSpec } from '../../src/engine/spec.js';

/** Everything a client could tell apart: every object, the change feed, and the Random's next draws. */
function dump(cluster: Cluster): string {
  const store = cluster.internals.store;
  const objects = RESOURCE_TYPES.map((t) => [t.resource, store.list(t.resource)]);
  const feed = (store.since(0) ?? []).map((e) => [e.type, e.resource, e.resourceVersion, e.object.metadata.namespace, e.object.metadata.name]);
  return JSON.stringify({ objects, feed, rv: store.resourceVersion(), now: cluster.now(), next: cluster.internals.random.uuid() });
}

function bootAndRun(spec: ClusterSpec, seed: number): string {
  const cluster = createCluster(spec, { seed });
  const before = dump(cluster);
  cluster.client().create('deployments', 'default', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  });
  cluster.advance(30_000);
  return before + dump(cluster);
}

const LESSON_CLUSTER: ClusterSpec = {
  nodes: [
    { name: 'controlplane', role: 'control-plane' },
    { name: 'node01', labels: { disk: 'ssd' } },
    { name: 'node02', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], capacity: { cpu: '4' } },
    { name: 'node03', unschedulable: true },
  ],
};

describe('a replayed bootstrap', () => {
  it.each([
    ['the default cluster, seed 1', DEFAULT_CLUSTER, 1],
    ['the default cluster, seed 9', DEFAULT_CLUSTER, 9],
    ['a lesson cluster with labels, taints and a cordoned node', LESSON_CLUSTER, 5],
  ])('leaves %s exactly as the API would', (_name, spec, seed) => {
    forgetBootstrapRecordings();
    const throughApi = bootAndRun(spec, seed);
    const replayed = bootAndRun(spec, seed);
    expect(replayed).toBe(throughApi);
  });

  it('swaps in the draws of its own seed', () => {
    forgetBootstrapRecordings();
    const a = createCluster(DEFAULT_CLUSTER, { seed: 1 }).internals.store.get('nodes', undefined, 'node01')!;
    const b = createCluster(DEFAULT_CLUSTER, { seed: 2 }).internals.store.get('nodes', undefined, 'node01')!;
    expect(b.metadata.uid).not.toBe(a.metadata.uid);
    expect(b.status.nodeInfo.machineID).not.toBe(a.status.nodeInfo.machineID);
    const lease = createCluster(DEFAULT_CLUSTER, { seed: 2 }).internals.store.get('leases', 'kube-node-lease', 'node01')!;
    expect(lease.metadata.ownerReferences?.[0]?.uid).toBe(b.metadata.uid);
  });
});

describe('recording', () => {
  it('takes the system objects out of the request path after the first bootstrap', async () => {
    const { ApiServer } = await import('../../src/engine/api/server.js');
    forgetBootstrapRecordings();
    const creates = () => {
      let n = 0;
      const original = ApiServer.prototype.create;
      ApiServer.prototype.create = function (...args: Parameters<typeof original>) {
        n++;
        return original.apply(this, args);
      };
      try {
        createCluster(DEFAULT_CLUSTER, { seed: 3 });
      } finally {
        ApiServer.prototype.create = original;
      }
      return n;
    };
    const first = creates();
    const second = creates();
    // Namespaces, service accounts, RBAC policy, nodes, leases, Services, workloads, mirror pods...
    expect(first - second).toBeGreaterThan(75);
  });
});
