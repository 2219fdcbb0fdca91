import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createStatefulSetController } from '../../../src/engine/controllers/statefulset/index.js';
import { clusterWith, create, eventsFor, get, list, livePods, reap, setPodPhase } from './workload-helpers.js';

function statefulSet(replicas: number, extra: Record<string, unknown> = {}, image = 'nginx:1.25'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...extra,
    },
  };
}

function readyAll(cluster: Cluster): void {
  for (let i = 0; i < 20; i++) {
    const pending = list(cluster, 'pods').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Running');
    for (const p of list(cluster, 'pods')) if (p.metadata.deletionTimestamp) reap(cluster, p.metadata.name!);
    if (pending.length === 0 && list(cluster, 'pods').every((p) => !p.metadata.deletionTimestamp)) return;
    for (const p of pending) setPodPhase(cluster, p.metadata.name!, 'Running');
  }
}

function setImage(cluster: Cluster, image: string, extra: Record<string, unknown> = {}): void {
  const r = cluster.client().patch('statefulsets', 'default', 'web', { spec: { ...extra, template: { spec: { containers: [{ name: 'nginx', image }] } } } }, 'merge');
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
}

const revisionOf = (cluster: Cluster, pod: string) => get(cluster, 'pods', pod)?.metadata.labels?.['controller-revision-hash'];

describe('statefulset controller', () => {
  it('creates web-0, web-1, web-2 one after another, each after its predecessor is Ready', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(3));
    expect(livePods(cluster)).toEqual(['web-0']);
    setPodPhase(cluster, 'web-0', 'Running', { ready: false });
    expect(livePods(cluster)).toEqual(['web-0']);
    setPodPhase(cluster, 'web-0', 'Running');
    expect(livePods(cluster)).toEqual(['web-0', 'web-1']);
    setPodPhase(cluster, 'web-1', 'Running');
    expect(livePods(cluster)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(eventsFor(cluster, 'web', 'SuccessfulCreate')).toEqual([
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
      'create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'create Pod web-1 in StatefulSet web successful',
      'create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('gives each pod its identity, its claim and an owner reference to the set', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(1));
    const set = get(cluster, 'statefulsets', 'web')!;
    const pod = get(cluster, 'pods', 'web-0')!;
    expect(pod.metadata.labels).toEqual({
      app: 'nginx',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': set.status.updateRevision,
      'statefulset.kubernetes.io/pod-name': 'web-0',
    });
    expect(set.status.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(pod.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(pod.spec.volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const pvc = get(cluster, 'persistentvolumeclaims', 'www-web-0')!;
    expect(pvc.metadata.labels).toEqual({ app: 'nginx' });
    expect(pvc.metadata.ownerReferences).toBeUndefined();
    const rev = get(cluster, 'controllerrevisions', set.status.updateRevision)!;
    expect(rev).toMatchObject({ revision: 1, metadata: { labels: { app: 'nginx', 'controller.kubernetes.io/hash': set.status.updateRevision.slice(4) } } });
  });

  it('reports replicas, readiness and revisions in status', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(3));
    readyAll(cluster);
    const set = get(cluster, 'statefulsets', 'web')!;
    expect(set.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: set.status.updateRevision,
      updateRevision: set.status.updateRevision,
      collisionCount: 0,
      availableReplicas: 3,
    });
  });

  it('scales down from the highest ordinal one at a time and keeps the claims', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(3));
    readyAll(cluster);
    cluster.client().updateScale('statefulsets', 'default', 'web', 1);
    cluster.settle();
    expect(livePods(cluster)).toEqual(['web-0', 'web-1']);
    expect(eventsFor(cluster, 'web', 'SuccessfulDelete')).toEqual(['delete Pod web-2 in StatefulSet web successful']);
    reap(cluster, 'web-2');
    expect(livePods(cluster)).toEqual(['web-0']);
    reap(cluster, 'web-1');
    expect(list(cluster, 'persistentvolumeclaims').map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
  });

  it('creates all pods at once with the Parallel policy', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(3, { podManagementPolicy: 'Parallel' }));
    expect(livePods(cluster)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('owns the claims by the set when whenDeleted is Delete', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(1, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }));
    const set = get(cluster, 'statefulsets', 'web')!;
    expect(get(cluster, 'persistentvolumeclaims', 'www-web-0')!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid }]);
  });

  it('rolls pods to a new revision from the highest ordinal down', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(3));
    readyAll(cluster);
    const old = get(cluster, 'statefulsets', 'web')!.status.currentRevision;
    setImage(cluster, 'nginx:1.27');
    const next = get(cluster, 'statefulsets', 'web')!.status.updateRevision;
    expect(next).not.toBe(old);
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      const terminating = list(cluster, 'pods').find((p) => p.metadata.deletionTimestamp);
      if (!terminating) break;
      order.push(terminating.metadata.name!);
      reap(cluster, terminating.metadata.name!);
      setPodPhase(cluster, terminating.metadata.name!, 'Running');
    }
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    expect(['web-0', 'web-1', 'web-2'].map((p) => revisionOf(cluster, p))).toEqual([next, next, next]);
    expect(get(cluster, 'pods', 'web-0')!.spec.containers[0].image).toBe('nginx:1.27');
    expect(get(cluster, 'statefulsets', 'web')!.status).toMatchObject({ currentRevision: next, updateRevision: next, currentReplicas: 3, updatedReplicas: 3 });
    expect(list(cluster, 'controllerrevisions').map((r) => r.revision)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('leaves ordinals below the partition on the current revision', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(3));
    readyAll(cluster);
    const old = get(cluster, 'statefulsets', 'web')!.status.currentRevision;
    setImage(cluster, 'nginx:1.27', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    readyAll(cluster);
    const set = get(cluster, 'statefulsets', 'web')!;
    expect(['web-0', 'web-1', 'web-2'].map((p) => revisionOf(cluster, p))).toEqual([old, old, set.status.updateRevision]);
    expect(set.status).toMatchObject({ currentRevision: old, currentReplicas: 2, updatedReplicas: 1 });
  });

  it('does not touch pods under OnDelete until they are deleted', () => {
    const cluster = clusterWith(createStatefulSetController());
    create(cluster, 'statefulsets', statefulSet(2, { updateStrategy: { type: 'OnDelete' } }));
    readyAll(cluster);
    const old = revisionOf(cluster, 'web-1');
    setImage(cluster, 'nginx:1.27');
    expect(list(cluster, 'pods').some((p) => p.metadata.deletionTimestamp)).toBe(false);
    cluster.client().delete('pods', 'default', 'web-1');
    cluster.settle();
    reap(cluster, 'web-1');
    expect(revisionOf(cluster, 'web-1')).not.toBe(old);
    expect(revisionOf(cluster, 'web-0')).toBe(old);
  });
});
