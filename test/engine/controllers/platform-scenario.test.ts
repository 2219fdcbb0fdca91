/** The platform controllers together with real kubelets, the scheduler and the network. */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { defaultControllers } from '../../../src/engine/controllers/index.js';
import type { Controller } from '../../../src/engine/controllers/types.js';
import { createNodeLifecycleController, createTaintEvictionController } from '../../../src/engine/controllers/node-lifecycle/index.js';
import { createPersistentVolumeController, createVolumeProvisionerController } from '../../../src/engine/controllers/persistentvolume/index.js';
import { createPVCProtectionController, createPVProtectionController } from '../../../src/engine/controllers/pvc-protection.js';
import { createResourceQuotaController } from '../../../src/engine/controllers/resourcequota.js';
import { createDisruptionController } from '../../../src/engine/controllers/disruption/index.js';
import { setKubeletRunning } from '../../../src/engine/node/index.js';
import { create, list, must } from './platform-helpers.js';

function fullCluster(): Cluster {
  const extra: Controller[] = [
    createNodeLifecycleController(),
    createTaintEvictionController(),
    createPersistentVolumeController(),
    createVolumeProvisionerController(),
    createPVCProtectionController(),
    createPVProtectionController(),
    createResourceQuotaController(),
    createDisruptionController(),
  ];
  const names = new Set(extra.map((c) => c.name));
  return createCluster(undefined, { controllers: [...defaultControllers().filter((c) => !names.has(c.name)), ...extra], kubelets: true });
}

const ready = (cluster: Cluster, node: string) => (cluster.internals.store.get('nodes', undefined, node)!.status.conditions as { type: string; status: string }[]).find((c) => c.type === 'Ready')!.status;
const taintKeys = (cluster: Cluster, node: string) => ((cluster.internals.store.get('nodes', undefined, node)!.spec.taints ?? []) as { key: string; effect: string }[]).map((t) => `${t.key}:${t.effect}`);

function web(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  };
}

describe('platform controllers with kubelets', () => {
  it('keeps a healthy cluster healthy over time', () => {
    const cluster = fullCluster();
    cluster.advance(10 * 60_000);
    for (const n of ['controlplane', 'node01', 'node02']) expect(ready(cluster, n)).toBe('True');
    expect(taintKeys(cluster, 'node01')).toEqual([]);
    expect(taintKeys(cluster, 'controlplane')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(list(cluster, 'pods', 'kube-system').every((p) => !p.metadata.deletionTimestamp)).toBe(true);
  });

  it('a stopped kubelet: NotReady after 40s, pods evicted after 300s and replaced on node02; back again, taints go', () => {
    const cluster = fullCluster();
    create(cluster, 'deployments', web(4));
    cluster.advance(60_000);
    const onNode01 = list(cluster, 'pods', 'default').filter((p) => p.spec.nodeName === 'node01').map((p) => p.metadata.name);
    expect(onNode01.length).toBeGreaterThan(0);
    setKubeletRunning(cluster, 'node01', false);
    cluster.advance(30_000);
    expect(ready(cluster, 'node01')).toBe('True');
    cluster.advance(30_000);
    expect(ready(cluster, 'node01')).toBe('Unknown');
    expect(taintKeys(cluster, 'node01')).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    cluster.advance(310_000);
    for (const name of onNode01) expect(cluster.internals.store.get('pods', 'default', name!)?.metadata.deletionTimestamp).toBeDefined();
    const running = list(cluster, 'pods', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(running).toHaveLength(4);
    expect(running.every((p) => p.spec.nodeName === 'node02' && p.status.phase === 'Running')).toBe(true);
    setKubeletRunning(cluster, 'node01', true);
    cluster.advance(30_000);
    expect(ready(cluster, 'node01')).toBe('True');
    expect(taintKeys(cluster, 'node01')).toEqual([]);
    for (const name of onNode01) expect(cluster.internals.store.get('pods', 'default', name!)).toBeUndefined();
  });

  it('a StatefulSet-style claim on the default class is provisioned where its pod lands, and the pod runs', () => {
    const cluster = fullCluster();
    create(cluster, 'persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    create(cluster, 'pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'db', namespace: 'default' },
      spec: { containers: [{ name: 'db', image: 'nginx:1.25', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
    });
    cluster.advance(60_000);
    const claim = cluster.internals.store.get('persistentvolumeclaims', 'default', 'data')!;
    expect(claim.status.phase).toBe('Bound');
    const pod = cluster.internals.store.get('pods', 'default', 'db')!;
    expect(pod.status.phase).toBe('Running');
    expect(pod.spec.nodeName).toBe(claim.metadata.annotations?.['volume.kubernetes.io/selected-node']);
    must(cluster.client().delete('persistentvolumeclaims', 'default', 'data'));
    cluster.advance(5_000);
    expect(cluster.internals.store.get('persistentvolumeclaims', 'default', 'data')!.metadata.deletionTimestamp).toBeDefined();
    must(cluster.client().delete('pods', 'default', 'db'));
    cluster.advance(60_000);
    expect(cluster.internals.store.get('persistentvolumeclaims', 'default', 'data')).toBeUndefined();
    expect(cluster.internals.store.get('persistentvolumes', undefined, claim.spec.volumeName)).toBeUndefined();
  });
});
