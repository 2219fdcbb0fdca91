import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createNodeLifecycleController, createTaintEvictionController } from '../../../src/engine/controllers/node-lifecycle/index.js';
import { clusterWith, create, eventsFor, list, must, runPod } from './platform-helpers.js';

/** Plays the kubelets that are still alive: renews their Leases. */
function renew(cluster: Cluster, nodes: readonly string[]): void {
  const api = cluster.client();
  for (const n of nodes) {
    const lease = must(api.get('leases', 'kube-node-lease', n));
    must(api.update('leases', 'kube-node-lease', { ...lease, spec: { ...lease.spec, renewTime: new Date(cluster.now()).toISOString().replace('Z', '000Z') } }));
  }
}

/** Advances in kubelet heartbeat steps (10s), renewing the live nodes' Leases each time. */
function live(cluster: Cluster, ms: number, nodes: readonly string[]): void {
  for (let t = 0; t < ms; t += 10_000) {
    renew(cluster, nodes);
    cluster.advance(Math.min(10_000, ms - t));
  }
}

const node = (cluster: Cluster, name: string) => cluster.internals.store.get('nodes', undefined, name)!;
const conditions = (n: KubeObject) => (n.status.conditions as { type: string; status: string; reason: string; message: string }[]).map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`);
const taints = (n: KubeObject) => ((n.spec.taints ?? []) as { key: string; effect: string }[]).map((t) => `${t.key}:${t.effect}`);

function web(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  };
}

function setup(): Cluster {
  const cluster = clusterWith(createNodeLifecycleController(), createTaintEvictionController());
  create(cluster, 'deployments', web(4));
  let ip = 10;
  for (const p of list(cluster, 'pods', 'default')) runPod(cluster, 'default', p.metadata.name!, `10.244.1.${ip++}`);
  live(cluster, 20_000, ['controlplane', 'node01', 'node02']);
  return cluster;
}

describe('node lifecycle controller', () => {
  it('leaves nodes alone while no kubelet has renewed a Lease under it', () => {
    const cluster = clusterWith(createNodeLifecycleController(), createTaintEvictionController());
    cluster.advance(600_000);
    for (const n of ['controlplane', 'node01', 'node02']) expect(conditions(node(cluster, n))).toContain('Ready True KubeletReady: kubelet is posting ready status');
  });

  it('marks a node whose Lease stops being renewed Unknown after 40s and taints it unreachable', () => {
    const cluster = setup();
    live(cluster, 30_000, ['controlplane', 'node02']);
    expect(conditions(node(cluster, 'node01'))).toContain('Ready True KubeletReady: kubelet is posting ready status');
    live(cluster, 20_000, ['controlplane', 'node02']);
    expect(conditions(node(cluster, 'node01'))).toEqual([
      'MemoryPressure Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'DiskPressure Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'PIDPressure Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'Ready Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
    ]);
    expect(taints(node(cluster, 'node01'))).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(taints(node(cluster, 'node02'))).toEqual([]);
    expect(eventsFor(cluster, 'default', 'node01')).toEqual(['Normal NodeNotReady node-controller: Node node01 status is now: NodeNotReady']);
    const onNode01 = list(cluster, 'pods', 'default').filter((p) => p.spec.nodeName === 'node01');
    expect(onNode01.length).toBeGreaterThan(0);
    for (const p of onNode01) {
      expect(p.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('False');
      expect(eventsFor(cluster, 'default', p.metadata.name!)).toContain('Warning NodeNotReady node-controller: Node is not ready');
    }
  });

  it('evicts the pods 300s after the taint; they stay Terminating and replacements run elsewhere', () => {
    const cluster = setup();
    live(cluster, 50_000, ['controlplane', 'node02']);
    const victims = list(cluster, 'pods', 'default').filter((p) => p.spec.nodeName === 'node01').map((p) => p.metadata.name!);
    live(cluster, 280_000, ['controlplane', 'node02']);
    expect(list(cluster, 'pods', 'default').filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
    live(cluster, 30_000, ['controlplane', 'node02']);
    for (const name of victims) {
      const p = cluster.internals.store.get('pods', 'default', name)!;
      expect(p.metadata.deletionTimestamp).toBeDefined();
      expect(p.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
      expect(eventsFor(cluster, 'default', name)).toContain(`Normal TaintManagerEviction taint-eviction-controller: Marking for deletion Pod default/${name}`);
    }
    const running = list(cluster, 'pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(running).toHaveLength(4);
    expect(running.every((p) => p.spec.nodeName === 'node02')).toBe(true);
  });

  it('lifts the taints when the kubelet reports Ready again', () => {
    const cluster = setup();
    live(cluster, 50_000, ['controlplane', 'node02']);
    expect(taints(node(cluster, 'node01'))).toHaveLength(2);
    const n = node(cluster, 'node01');
    const now = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const healthy = n.status.conditions.map((c: Record<string, unknown>) => ({ ...c, status: c.type === 'Ready' ? 'True' : 'False', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now }));
    must(cluster.client().updateStatus('nodes', undefined, { ...n, status: { ...n.status, conditions: healthy } }));
    live(cluster, 10_000, ['controlplane', 'node01', 'node02']);
    expect(taints(node(cluster, 'node01'))).toEqual([]);
  });

  it('taints a cordoned node unschedulable and a node reporting NotReady not-ready', () => {
    const cluster = setup();
    must(cluster.client().patch('nodes', undefined, 'node02', { spec: { unschedulable: true } }, 'merge'));
    cluster.settle();
    expect(taints(node(cluster, 'node02'))).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    const n = node(cluster, 'node01');
    const sick = n.status.conditions.map((c: Record<string, unknown>) => (c.type === 'Ready' ? { ...c, status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' } : c));
    must(cluster.client().updateStatus('nodes', undefined, { ...n, status: { ...n.status, conditions: sick } }));
    cluster.settle();
    expect(taints(node(cluster, 'node01'))).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
  });
});
