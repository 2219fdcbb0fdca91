import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createDaemonSetController } from '../../../src/engine/controllers/daemonset/index.js';
import { healthyNodeConditions, nodeObject, registeringNodeConditions } from '../../../src/engine/nodes.js';
import { clusterWith, create, eventsFor, get, list, reap, setPodPhase } from './workload-helpers.js';

function daemonSet(extra: Record<string, unknown> = {}, image = 'fluentd:v1.16'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'logs' },
    spec: {
      selector: { matchLabels: { app: 'logs' } },
      template: { metadata: { labels: { app: 'logs' } }, spec: { containers: [{ name: 'agent', image }], ...extra } },
    },
  };
}

/** node -> pod names of the DaemonSet (live pods only). */
function placement(cluster: Cluster, namespace = 'default', prefix = 'logs-'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of list(cluster, 'pods', namespace)) {
    if (!p.metadata.name!.startsWith(prefix) || p.metadata.deletionTimestamp) continue;
    const node = p.spec.nodeName ?? p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];
    out[node] = (out[node] ?? 0) + 1;
  }
  return out;
}

function readyAll(cluster: Cluster): void {
  for (let i = 0; i < 20; i++) {
    for (const p of list(cluster, 'pods')) if (p.metadata.deletionTimestamp) reap(cluster, p.metadata.name!);
    const pending = list(cluster, 'pods').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Running');
    if (pending.length === 0) return;
    for (const p of pending) setPodPhase(cluster, p.metadata.name!, 'Running');
  }
}

describe('daemonset controller', () => {
  it('runs one pod on each worker node but not on the tainted control plane', () => {
    const cluster = clusterWith(createDaemonSetController());
    create(cluster, 'daemonsets', daemonSet());
    expect(placement(cluster)).toEqual({ node01: 1, node02: 1 });
    const names = list(cluster, 'pods').map((p) => p.metadata.name!);
    expect(names.every((n) => /^logs-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toBe(true);
    expect(eventsFor(cluster, 'logs', 'SuccessfulCreate').sort()).toEqual(names.map((n) => `Created pod: ${n}`).sort());
  });

  it('runs on the control plane too when the pods tolerate its taint', () => {
    const cluster = clusterWith(createDaemonSetController());
    create(cluster, 'daemonsets', daemonSet({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    expect(placement(cluster)).toEqual({ controlplane: 1, node01: 1, node02: 1 });
  });

  it('honours the nodeSelector', () => {
    const cluster = clusterWith(createDaemonSetController());
    cluster.client().patch('nodes', undefined, 'node02', { metadata: { labels: { disk: 'ssd' } } }, 'merge');
    create(cluster, 'daemonsets', daemonSet({ nodeSelector: { disk: 'ssd' } }));
    expect(placement(cluster)).toEqual({ node02: 1 });
  });

  it('runs kube-proxy on all three nodes', () => {
    const cluster = clusterWith(createDaemonSetController());
    expect(placement(cluster, 'kube-system', 'kube-proxy-')).toEqual({ controlplane: 1, node01: 1, node02: 1 });
  });

  it('pins each pod to its node with the daemon tolerations added', () => {
    const cluster = clusterWith(createDaemonSetController());
    create(cluster, 'daemonsets', daemonSet());
    const ds = get(cluster, 'daemonsets', 'logs')!;
    const pod = list(cluster, 'pods').find((p) => placement(cluster)['node01'] && p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0] === 'node01')!;
    expect(pod.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node01'] }] }] } } });
    expect(pod.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const hash = pod.metadata.labels!['controller-revision-hash'];
    expect(pod.metadata.labels).toEqual({ app: 'logs', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
    expect(get(cluster, 'controllerrevisions', `logs-${hash}`)).toMatchObject({ revision: 1, metadata: { ownerReferences: [{ kind: 'DaemonSet', uid: ds.metadata.uid }] } });
  });

  it('reports the counts in status', () => {
    const cluster = clusterWith(createDaemonSetController());
    create(cluster, 'daemonsets', daemonSet());
    expect(get(cluster, 'daemonsets', 'logs')!.status).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 2, observedGeneration: 1, updatedNumberScheduled: 2 });
    readyAll(cluster);
    expect(get(cluster, 'daemonsets', 'logs')!.status).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2 });
  });

  it('starts a pod on a node that joins once it is Ready and removes it when the node goes', () => {
    const cluster = clusterWith(createDaemonSetController());
    create(cluster, 'daemonsets', daemonSet());
    const now = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const node = nodeObject({ name: 'node03', role: 'worker' } as never, 3, cluster.internals.random);
    node.status.conditions = registeringNodeConditions(now);
    create(cluster, 'nodes', node, undefined as never);
    // Admission taints the new node not-ready for scheduling; the node lifecycle controller
    // adds the NoExecute form while it reports NotReady. Daemon pods tolerate only that one.
    const taints = () => (cluster.internals.store.get('nodes', undefined, 'node03')!.spec.taints ?? []).map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`);
    expect(taints()).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
    expect(placement(cluster)).toEqual({ node01: 1, node02: 1 });
    // Its kubelet posts Ready: the controller lifts both taints and the DaemonSet follows.
    const registered = cluster.internals.store.get('nodes', undefined, 'node03')!;
    cluster.client().updateStatus('nodes', undefined, { ...registered, status: { ...registered.status, conditions: healthyNodeConditions(now, now) } });
    cluster.settle();
    expect(taints()).toEqual([]);
    expect(placement(cluster)).toEqual({ node01: 1, node02: 1, node03: 1 });
    cluster.client().delete('nodes', undefined, 'node03');
    cluster.settle();
    expect(placement(cluster)).toEqual({ node01: 1, node02: 1 });
  });

  it('rolls a new template out one node at a time with maxUnavailable 1', () => {
    const cluster = clusterWith(createDaemonSetController());
    create(cluster, 'daemonsets', daemonSet());
    readyAll(cluster);
    cluster.client().patch('daemonsets', 'default', 'logs', { spec: { template: { spec: { containers: [{ name: 'agent', image: 'fluentd:v1.17' }] } } } }, 'merge');
    cluster.settle();
    const terminating = list(cluster, 'pods').filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(1);
    readyAll(cluster);
    const images = list(cluster, 'pods').map((p) => p.spec.containers[0].image);
    expect(images).toEqual(['fluentd:v1.17', 'fluentd:v1.17']);
    expect(get(cluster, 'daemonsets', 'logs')!.status).toMatchObject({ updatedNumberScheduled: 2, numberAvailable: 2, observedGeneration: 2 });
    expect(eventsFor(cluster, 'logs', 'SuccessfulDelete')).toHaveLength(2);
  });

  it('leaves old pods alone under OnDelete', () => {
    const cluster = clusterWith(createDaemonSetController());
    const ds = daemonSet();
    ds.spec.updateStrategy = { type: 'OnDelete' };
    create(cluster, 'daemonsets', ds);
    readyAll(cluster);
    cluster.client().patch('daemonsets', 'default', 'logs', { spec: { template: { spec: { containers: [{ name: 'agent', image: 'fluentd:v1.17' }] } } } }, 'merge');
    cluster.settle();
    expect(list(cluster, 'pods').some((p) => p.metadata.deletionTimestamp)).toBe(false);
    expect(get(cluster, 'daemonsets', 'logs')!.status.updatedNumberScheduled).toBeUndefined();
  });
});
