import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../../../src/engine/spec.js';
import { pod, schedulerCluster } from './helpers.js';

describe('scheduler performance', () => {
  it('schedules 1,000 pods of one ReplicaSet on 50 nodes quickly and evenly', () => {
    const spec: ClusterSpec = { nodes: Array.from({ length: 50 }, (_, i) => ({ name: `node${String(i + 1).padStart(2, '0')}`, capacity: { cpu: '64', memory: '256Gi', pods: '110' } })) };
    const cluster = schedulerCluster(spec);
    const client = cluster.client();
    const rs = client.create('replicasets', 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    const start = performance.now();
    for (let i = 0; i < 1000; i++) {
      const r = client.create('pods', 'default', pod(`web-${i}`, { containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] }, { labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.ok ? rs.value.object.metadata.uid! : '', controller: true }] }));
      if (!r.ok) throw new Error(r.error.message);
    }
    cluster.settle();
    const elapsed = performance.now() - start;
    const pods = client.list('pods', { namespace: 'default' });
    const perNode = new Map<string, number>();
    for (const p of pods.ok ? pods.value.items : []) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect(perNode.has(undefined as unknown as string)).toBe(false);
    expect(Math.max(...perNode.values()) - Math.min(...perNode.values())).toBeLessThanOrEqual(1);
    expect(elapsed).toBeLessThan(5_000);
  });
});
