import { describe, expect, it } from 'vitest';
import { clone } from '../../../src/engine/api/store.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { ClusterSpec } from '../../../src/engine/spec.js';
import { createPod, eventsFor, getPod, pod, podRequesting, scheduledCondition, schedulerCluster } from './helpers.js';

const HUNDRED_CPUS =
  '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
const NO_SELECTOR_MATCH =
  "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

function setNode(cluster: Cluster, name: string, change: (n: KubeObject) => void): void {
  const r = cluster.client().get('nodes', undefined, name);
  if (!r.ok) throw new Error(r.error.message);
  const n = clone(r.value);
  change(n);
  const w = cluster.client().update('nodes', undefined, n);
  if (!w.ok) throw new Error(w.error.message);
}

describe('the default scheduler on the default cluster', () => {
  it('leaves a pod asking for 100 CPUs Pending with the exact FitError on its condition and in one event', () => {
    const cluster = schedulerCluster();
    createPod(cluster, podRequesting('huge', { cpu: '100' }));
    const p = getPod(cluster, 'huge');
    expect(p.spec.nodeName).toBeUndefined();
    expect(scheduledCondition(p)).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: HUNDRED_CPUS, lastProbeTime: null });
    expect(eventsFor(cluster, 'huge')).toEqual([`Warning FailedScheduling default-scheduler: ${HUNDRED_CPUS}`]);
  });

  it("reports a nodeSelector that no node matches as affinity/selector, where preemption cannot help", () => {
    const cluster = schedulerCluster();
    createPod(cluster, pod('picky', { nodeSelector: { disktype: 'ssd' } }));
    expect(scheduledCondition(getPod(cluster, 'picky'))?.message).toBe(NO_SELECTOR_MATCH);
    expect(eventsFor(cluster, 'picky')).toEqual([`Warning FailedScheduling default-scheduler: ${NO_SELECTOR_MATCH}`]);
  });

  it('keeps a pod without tolerations off a cluster whose nodes are all tainted', () => {
    const spec: ClusterSpec = {
      nodes: [
        { name: 'controlplane', role: 'control-plane' },
        { name: 'node01', taints: [{ key: 'maintenance', value: 'true', effect: 'NoSchedule' }] },
        { name: 'node02', taints: [{ key: 'maintenance', value: 'true', effect: 'NoExecute' }] },
      ],
    };
    const cluster = schedulerCluster(spec);
    createPod(cluster, pod('web'));
    expect(scheduledCondition(getPod(cluster, 'web'))?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {maintenance: true}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('spreads three replicas of a ReplicaSet over node01 and node02, never on the control plane', () => {
    const cluster = schedulerCluster();
    const rs = cluster.client().create('replicasets', 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-5d8f7c9b6' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d8f7c9b6' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': '5d8f7c9b6' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    expect(rs.ok).toBe(true);
    for (const suffix of ['2xk4p', 'q7m2z', 'hh8rt']) createPod(cluster, pod(`web-5d8f7c9b6-${suffix}`, {}, { labels: { app: 'web', 'pod-template-hash': '5d8f7c9b6' } }));
    const placed = ['2xk4p', 'q7m2z', 'hh8rt'].map((s) => getPod(cluster, `web-5d8f7c9b6-${s}`).spec.nodeName);
    expect(placed).not.toContain('controlplane');
    expect(placed.filter((n) => n === 'node01').length + placed.filter((n) => n === 'node02').length).toBe(3);
    expect(new Set(placed)).toEqual(new Set(['node01', 'node02']));
    expect(eventsFor(cluster, 'web-5d8f7c9b6-2xk4p')).toEqual([`Normal Scheduled default-scheduler: Successfully assigned default/web-5d8f7c9b6-2xk4p to ${placed[0]}`]);
  });

  it('lets a pod that tolerates the control-plane taint land on the control plane', () => {
    const cluster = schedulerCluster();
    createPod(
      cluster,
      pod('on-cp', {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      }),
    );
    expect(getPod(cluster, 'on-cp').spec.nodeName).toBe('controlplane');
    expect(scheduledCondition(getPod(cluster, 'on-cp'))).toMatchObject({ status: 'True' });
  });

  it('never touches a pod that names its node: no Scheduled event', () => {
    const cluster = schedulerCluster();
    createPod(cluster, pod('pinned', { nodeName: 'node02' }));
    expect(getPod(cluster, 'pinned').spec.nodeName).toBe('node02');
    expect(eventsFor(cluster, 'pinned')).toEqual([]);
  });

  it('ignores pods for another scheduler and pods held by scheduling gates', () => {
    const cluster = schedulerCluster();
    createPod(cluster, pod('custom', { schedulerName: 'my-scheduler' }));
    createPod(cluster, pod('gated', { schedulingGates: [{ name: 'example.com/wait' }] }));
    expect(getPod(cluster, 'custom').spec.nodeName).toBeUndefined();
    expect(getPod(cluster, 'gated').spec.nodeName).toBeUndefined();
    expect(eventsFor(cluster, 'custom')).toEqual([]);
    expect(eventsFor(cluster, 'gated')).toEqual([]);
  });
});

describe('retrying unschedulable pods', () => {
  it('schedules a pod once a node is uncordoned, after its back-off', () => {
    const cluster = schedulerCluster();
    for (const n of ['node01', 'node02']) setNode(cluster, n, (o) => (o.spec.unschedulable = true));
    cluster.settle();
    createPod(cluster, pod('waiting'));
    expect(scheduledCondition(getPod(cluster, 'waiting'))?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    setNode(cluster, 'node02', (o) => delete o.spec.unschedulable);
    cluster.settle();
    // The change moves the pod, but its 1s back-off has not run out yet.
    expect(getPod(cluster, 'waiting').spec.nodeName).toBeUndefined();
    cluster.advance(1_000);
    expect(getPod(cluster, 'waiting').spec.nodeName).toBe('node02');
    expect(eventsFor(cluster, 'waiting')).toEqual([
      'Warning FailedScheduling default-scheduler: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      'Normal Scheduled default-scheduler: Successfully assigned default/waiting to node02',
    ]);
  });

  it('schedules a pod once capacity frees up on a node', () => {
    const cluster = schedulerCluster();
    createPod(cluster, podRequesting('hog-1', { cpu: '1500m' }));
    createPod(cluster, podRequesting('hog-2', { cpu: '1500m' }));
    createPod(cluster, podRequesting('next', { cpu: '1' }));
    expect(getPod(cluster, 'next').spec.nodeName).toBeUndefined();
    const freed = getPod(cluster, 'hog-2').spec.nodeName;
    expect(cluster.client().delete('pods', 'default', 'hog-2', { gracePeriodSeconds: 0 }).ok).toBe(true);
    cluster.advance(1_000);
    expect(getPod(cluster, 'next').spec.nodeName).toBe(freed);
  });

  it('does not spam events: a parked pod is retried after five minutes without changes, and repeats fold', () => {
    const cluster = schedulerCluster();
    createPod(cluster, podRequesting('huge', { cpu: '100' }));
    cluster.advance(4 * 60_000);
    expect(eventsFor(cluster, 'huge')).toEqual([`Warning FailedScheduling default-scheduler: ${HUNDRED_CPUS}`]);
    cluster.advance(60_000);
    expect(eventsFor(cluster, 'huge')).toEqual([`Warning FailedScheduling default-scheduler: ${HUNDRED_CPUS} (x2)`]);
  });

  it('retries on relevant node changes with a doubling back-off, and ignores unrelated ones', () => {
    const cluster = schedulerCluster();
    createPod(cluster, podRequesting('huge', { cpu: '100' }));
    const poke = (value: string) => {
      setNode(cluster, 'node01', (o) => (o.metadata.labels = { ...o.metadata.labels, poke: value }));
      cluster.settle();
    };
    poke('1');
    cluster.advance(999);
    expect(eventsFor(cluster, 'huge')[0]).toMatch(/^Warning FailedScheduling .*\.$/);
    cluster.advance(1);
    expect(eventsFor(cluster, 'huge')[0]).toMatch(/\(x2\)$/);
    // Second back-off is 2s.
    poke('2');
    cluster.advance(1_999);
    expect(eventsFor(cluster, 'huge')[0]).toMatch(/\(x2\)$/);
    cluster.advance(1);
    expect(eventsFor(cluster, 'huge')[0]).toMatch(/\(x3\)$/);
    // A heartbeat-only status update is not a scheduling change.
    setNode(cluster, 'node01', (o) => (o.status.conditions = o.status.conditions.map((c: { lastHeartbeatTime: string }) => ({ ...c, lastHeartbeatTime: '2030-01-01T00:00:00Z' }))));
    cluster.advance(30_000);
    expect(eventsFor(cluster, 'huge')[0]).toMatch(/\(x3\)$/);
  });
});

describe('preemption', () => {
  it('evicts a lower-priority pod and nominates its node for the higher-priority one', () => {
    const cluster = schedulerCluster({ nodes: [{ name: 'node01' }] });
    createPod(cluster, podRequesting('low', { cpu: '1500m' }));
    const low = getPod(cluster, 'low');
    expect(low.spec.nodeName).toBe('node01');
    createPod(cluster, podRequesting('high', { cpu: '1' }, { priorityClassName: 'system-cluster-critical' }));
    const high = getPod(cluster, 'high');
    expect(high.status.nominatedNodeName).toBe('node01');
    expect(scheduledCondition(high)?.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    expect(eventsFor(cluster, 'low')).toContain(`Normal Preempted default-scheduler: Preempted by pod ${high.metadata.uid} on node node01`);
    expect(getPod(cluster, 'low').metadata.deletionTimestamp).toBeDefined();
    // Once the victim is gone, the preemptor gets the room.
    cluster.internals.server.finalizeDelete('pods', 'default', 'low');
    cluster.advance(1_000);
    expect(getPod(cluster, 'high').spec.nodeName).toBe('node01');
  });

  it('finds no victims among pods of equal priority', () => {
    const cluster = schedulerCluster({ nodes: [{ name: 'node01' }] });
    createPod(cluster, podRequesting('first', { cpu: '1500m' }));
    createPod(cluster, podRequesting('second', { cpu: '1' }));
    expect(scheduledCondition(getPod(cluster, 'second'))?.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });
});

describe('volumes', () => {
  it('reports a missing claim from PreFilter', () => {
    const cluster = schedulerCluster();
    createPod(cluster, pod('db', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }));
    expect(scheduledCondition(getPod(cluster, 'db'))?.message).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('picks a node for a WaitForFirstConsumer claim, then binds the pod once the claim is bound', () => {
    const cluster = schedulerCluster();
    const admin = cluster.client();
    const created = admin.create('persistentvolumeclaims', 'default', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    expect(created.ok).toBe(true);
    createPod(cluster, pod('db', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }));
    const claim = admin.get('persistentvolumeclaims', 'default', 'data');
    expect(claim.ok && claim.value.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('node01');
    expect(getPod(cluster, 'db').spec.nodeName).toBeUndefined();
    // What the provisioner and the PV controller do next.
    admin.create('persistentvolumes', undefined, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pvc-1' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'standard', hostPath: { path: '/tmp/pvc-1' } },
    });
    const bound = clone(claim.ok ? claim.value : ({} as never));
    bound.spec.volumeName = 'pvc-1';
    admin.update('persistentvolumeclaims', 'default', bound);
    const latest = admin.get('persistentvolumeclaims', 'default', 'data');
    if (latest.ok) admin.updateStatus('persistentvolumeclaims', 'default', { ...clone(latest.value), status: { phase: 'Bound' } });
    cluster.settle();
    expect(getPod(cluster, 'db').spec.nodeName).toBe('node01');
  });
});
