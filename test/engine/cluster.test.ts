import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster.js';

describe('a new default cluster', () => {
  it('has the kubeadm nodes with the control-plane taint', () => {
    const cluster = createCluster();
    const nodes = cluster.client().list('nodes');
    expect(nodes.ok && nodes.value.items.map((n) => n.metadata.name)).toEqual(['controlplane', 'node01', 'node02']);
    const cp = cluster.client().get('nodes', undefined, 'controlplane');
    expect(cp.ok && cp.value.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });

  it('has the four system namespaces and the control-plane static pods', () => {
    const cluster = createCluster();
    const ns = cluster.client().list('namespaces');
    expect(ns.ok && ns.value.items.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const pods = cluster.client().list('pods', { namespace: 'kube-system', labelSelector: 'tier=control-plane' });
    expect(pods.ok && pods.value.items.map((p) => p.metadata.name)).toEqual([
      'etcd-controlplane',
      'kube-apiserver-controlplane',
      'kube-controller-manager-controlplane',
      'kube-scheduler-controlplane',
    ]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const uid = (seed: number) => {
      const c = createCluster(undefined, { seed });
      const n = c.client().get('nodes', undefined, 'node01');
      return n.ok ? n.value.metadata.uid : '';
    };
    expect(uid(7)).toBe(uid(7));
    expect(uid(7)).not.toBe(uid(8));
  });

  it('advances virtual time only when told', () => {
    const cluster = createCluster();
    const t0 = cluster.now();
    cluster.advance(30_000);
    expect(cluster.now() - t0).toBe(30_000);
  });
});
