import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createPersistentVolumeController, createVolumeProvisionerController } from '../../../src/engine/controllers/persistentvolume/index.js';
import { createPVCProtectionController, createPVProtectionController } from '../../../src/engine/controllers/pvc-protection.js';
import { clusterWith, create, eventsFor, list, must, reap } from './platform-helpers.js';

const storage = () => clusterWith(createPersistentVolumeController(), createVolumeProvisionerController(), createPVCProtectionController(), createPVProtectionController());

function pv(name: string, size: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` }, storageClassName: '', ...extra },
  };
}

function pvc(name: string, size: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...extra } };
}

function podUsing(name: string, claim: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] },
  };
}

const get = (cluster: ReturnType<typeof storage>, resource: string, name: string, ns?: string) => cluster.internals.store.get(resource, ns, name);

describe('persistentvolume controller: static binding', () => {
  it('binds a 1Gi claim to the smallest volume that fits and reports both Bound', () => {
    const cluster = storage();
    for (const [n, s] of [['pv-small', '500Mi'], ['pv-5g', '5Gi'], ['pv-2g', '2Gi'], ['pv-rwx', '1Gi']] as const) create(cluster, 'persistentvolumes', pv(n, s, n === 'pv-rwx' ? { accessModes: ['ReadWriteMany'] } : {}));
    expect(get(cluster, 'persistentvolumes', 'pv-2g')!.status.phase).toBe('Available');
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', { storageClassName: '' }));
    const claim = get(cluster, 'persistentvolumeclaims', 'data', 'default')!;
    expect(claim.spec.volumeName).toBe('pv-2g');
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const vol = get(cluster, 'persistentvolumes', 'pv-2g')!;
    expect(vol.status.phase).toBe('Bound');
    expect(vol.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim.metadata.uid });
    expect(vol.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
    expect(get(cluster, 'persistentvolumes', 'pv-5g')!.status.phase).toBe('Available');
  });

  it('leaves a claim Pending with FailedBinding when nothing fits and no class is set, and binds once a volume appears', () => {
    const cluster = storage();
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', { storageClassName: '' }));
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')!.status.phase).toBe('Pending');
    expect(eventsFor(cluster, 'default', 'data')).toEqual(['Normal FailedBinding persistentvolume-controller: no persistent volumes available for this claim and no storage class is set']);
    cluster.advance(30_000);
    expect(list(cluster, 'events', 'default').find((e) => e.reason === 'FailedBinding')!.count).toBe(3);
    create(cluster, 'persistentvolumes', pv('pv1', '1Gi'));
    // The claim finds the new volume on its next periodic sync (15s).
    cluster.advance(15_000);
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')!.status.phase).toBe('Bound');
  });

  it.each([
    ['storage class', { storageClassName: 'fast' }, pv('pv1', '1Gi', { storageClassName: 'slow' })],
    ['volume mode', { storageClassName: '', volumeMode: 'Block' }, pv('pv1', '1Gi')],
    ['selector', { storageClassName: '', selector: { matchLabels: { tier: 'gold' } } }, pv('pv1', '1Gi')],
    ['capacity', { storageClassName: '' }, pv('pv1', '512Mi')],
  ])('does not bind across a different %s', (_what, spec, volume) => {
    const cluster = storage();
    create(cluster, 'persistentvolumes', volume);
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', spec));
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')!.status.phase).toBe('Pending');
  });

  it('reports a missing storage class as ProvisioningFailed', () => {
    const cluster = storage();
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', { storageClassName: 'fast' }));
    expect(eventsFor(cluster, 'default', 'data')).toEqual(['Warning ProvisioningFailed persistentvolume-controller: storageclass.storage.k8s.io "fast" not found']);
  });

  it('honours a claimRef pre-binding over a smaller volume', () => {
    const cluster = storage();
    create(cluster, 'persistentvolumes', pv('small', '1Gi'));
    create(cluster, 'persistentvolumes', pv('reserved', '10Gi', { claimRef: { namespace: 'default', name: 'data' } }));
    expect(get(cluster, 'persistentvolumes', 'reserved')!.status.phase).toBe('Available');
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', { storageClassName: '' }));
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')!.spec.volumeName).toBe('reserved');
  });
});

describe('persistentvolume controller: reclaim and protection', () => {
  function bound(policy: string, extra: Record<string, unknown> = {}) {
    const cluster = storage();
    create(cluster, 'persistentvolumes', pv('pv1', '1Gi', { persistentVolumeReclaimPolicy: policy, ...extra }));
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', { storageClassName: '' }));
    expect(get(cluster, 'persistentvolumes', 'pv1')!.status.phase).toBe('Bound');
    return cluster;
  }

  it('Retain: the volume is Released and keeps its claimRef', () => {
    const cluster = bound('Retain');
    const uid = get(cluster, 'persistentvolumeclaims', 'data', 'default')!.metadata.uid;
    must(cluster.client().delete('persistentvolumeclaims', 'default', 'data'));
    cluster.settle();
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')).toBeUndefined();
    const vol = get(cluster, 'persistentvolumes', 'pv1')!;
    expect(vol.status.phase).toBe('Released');
    expect(vol.spec.claimRef.uid).toBe(uid);
    // A new claim of the same name does not get it back.
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', { storageClassName: '' }));
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')!.status.phase).toBe('Pending');
  });

  it('Delete: a hand-made hostPath volume fails to delete outside /tmp', () => {
    const cluster = bound('Delete');
    must(cluster.client().delete('persistentvolumeclaims', 'default', 'data'));
    cluster.settle();
    const vol = get(cluster, 'persistentvolumes', 'pv1')!;
    expect(vol.status.phase).toBe('Failed');
    expect(vol.status.message).toBe('host_path deleter only supports /tmp/.+ but received provided /mnt/pv1');
  });

  it('Delete: a volume under /tmp is deleted with its claim', () => {
    const cluster = bound('Delete', { hostPath: { path: '/tmp/pv1' } });
    must(cluster.client().delete('persistentvolumeclaims', 'default', 'data'));
    cluster.settle();
    expect(get(cluster, 'persistentvolumes', 'pv1')).toBeUndefined();
  });

  it('keeps a claim in use Terminating until its pod is gone', () => {
    const cluster = bound('Retain');
    create(cluster, 'pods', podUsing('app', 'data'));
    expect(get(cluster, 'pods', 'app', 'default')!.spec.nodeName).toBeDefined();
    must(cluster.client().delete('persistentvolumeclaims', 'default', 'data'));
    cluster.settle();
    const claim = get(cluster, 'persistentvolumeclaims', 'data', 'default')!;
    expect(claim.metadata.deletionTimestamp).toBeDefined();
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    must(cluster.client().delete('pods', 'default', 'app'));
    reap(cluster, 'default');
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')).toBeUndefined();
    expect(get(cluster, 'persistentvolumes', 'pv1')!.status.phase).toBe('Released');
  });

  it('keeps a Bound volume Terminating until its claim lets go', () => {
    const cluster = bound('Retain');
    must(cluster.client().delete('persistentvolumes', undefined, 'pv1'));
    cluster.settle();
    expect(get(cluster, 'persistentvolumes', 'pv1')!.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    must(cluster.client().delete('persistentvolumeclaims', 'default', 'data'));
    cluster.settle();
    expect(get(cluster, 'persistentvolumes', 'pv1')).toBeUndefined();
  });
});

describe('dynamic provisioning', () => {
  it('WaitForFirstConsumer: waits for a pod, then local-path provisions pvc-<uid> on the chosen node and the pod starts there', () => {
    const cluster = storage();
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi'));
    const claim = get(cluster, 'persistentvolumeclaims', 'data', 'default')!;
    expect(claim.spec.storageClassName).toBe('standard');
    expect(claim.status.phase).toBe('Pending');
    expect(eventsFor(cluster, 'default', 'data')).toEqual(['Normal WaitForFirstConsumer persistentvolume-controller: waiting for first consumer to be created before binding']);
    create(cluster, 'pods', podUsing('app', 'data'));
    cluster.advance(1000);
    const bound = get(cluster, 'persistentvolumeclaims', 'data', 'default')!;
    const node = bound.metadata.annotations?.['volume.kubernetes.io/selected-node'];
    expect(node).toMatch(/^node0[12]$/);
    expect(bound.status.phase).toBe('Bound');
    expect(bound.spec.volumeName).toBe(`pvc-${claim.metadata.uid}`);
    expect(bound.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const vol = get(cluster, 'persistentvolumes', `pvc-${claim.metadata.uid}`)!;
    expect(vol.status.phase).toBe('Bound');
    expect(vol.spec).toMatchObject({
      capacity: { storage: '1Gi' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      hostPath: { path: `/var/local-path-provisioner/pvc-${claim.metadata.uid}_default_data`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    });
    expect(vol.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('rancher.io/local-path');
    const events = eventsFor(cluster, 'default', 'data');
    expect(events).toContain(`Normal ProvisioningSucceeded rancher.io/local-path_local-path-provisioner-6bc4bddd6b-x7kq2_3b9d7c1e-52a4-4d7f-9c1a-6e2f8b0d4a57: Successfully provisioned volume pvc-${claim.metadata.uid}`);
    expect(events).toContain('Normal Provisioning rancher.io/local-path_local-path-provisioner-6bc4bddd6b-x7kq2_3b9d7c1e-52a4-4d7f-9c1a-6e2f8b0d4a57: External provisioner is provisioning volume for claim "default/data"');
    expect(get(cluster, 'pods', 'app', 'default')!.spec.nodeName).toBe(node);
  });

  it('Immediate classes provision at once; deleting the claim deletes the provisioned volume', () => {
    const cluster = storage();
    create(cluster, 'storageclasses', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ebs' }, provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    create(cluster, 'persistentvolumeclaims', pvc('data', '5Gi', { storageClassName: 'ebs' }));
    const claim = get(cluster, 'persistentvolumeclaims', 'data', 'default')!;
    expect(claim.status.phase).toBe('Bound');
    const name = `pvc-${claim.metadata.uid}`;
    expect(get(cluster, 'persistentvolumes', name)!.spec.csi).toEqual({ driver: 'ebs.csi.aws.com', fsType: 'ext4', volumeHandle: name });
    must(cluster.client().delete('persistentvolumeclaims', 'default', 'data'));
    cluster.settle();
    expect(get(cluster, 'persistentvolumes', name)).toBeUndefined();
  });

  it('a class with kubernetes.io/no-provisioner provisions nothing', () => {
    const cluster = storage();
    create(cluster, 'storageclasses', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate' });
    create(cluster, 'persistentvolumeclaims', pvc('data', '1Gi', { storageClassName: 'local' }));
    expect(get(cluster, 'persistentvolumeclaims', 'data', 'default')!.status.phase).toBe('Pending');
    expect(eventsFor(cluster, 'default', 'data')).toEqual(['Warning ProvisioningFailed persistentvolume-controller: no volume plugin matched name: kubernetes.io/no-provisioner']);
  });
});
