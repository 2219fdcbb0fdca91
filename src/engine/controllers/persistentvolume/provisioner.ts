/**
 * A stand-in for the external provisioners a cluster runs (rancher's local-path-provisioner,
 * minikube's hostpath provisioner, CSI drivers' external-provisioner sidecars): it answers
 * claims the PV controller handed to a provisioner by creating `pvc-<claim uid>` pre-bound
 * to the claim, sized as requested, with the class's reclaim policy.
 */
import type { KubeObject } from '../../api/types.js';
import type { Controller, ControllerContext } from '../types.js';
import { isExternalProvisioner } from './claims.js';
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER } from './match.js';

export const LOCAL_PATH = 'rancher.io/local-path';
const MINIKUBE_HOSTPATH = 'k8s.io/minikube-hostpath';

/** The event source an external provisioner reports as: `<provisioner>_<its pod>_<its uuid>`. */
export function provisionerIdentity(provisioner: string): string {
  if (provisioner === LOCAL_PATH) return `${LOCAL_PATH}_local-path-provisioner-6bc4bddd6b-x7kq2_3b9d7c1e-52a4-4d7f-9c1a-6e2f8b0d4a57`;
  if (provisioner === MINIKUBE_HOSTPATH) return `${MINIKUBE_HOSTPATH}_minikube_0f6c2a9e-7d3b-4e15-8a42-c91d5e7b3f08`;
  const base = provisioner.split('.')[0]!.replace(/[^a-z0-9-]/g, '-');
  return `${provisioner}_${base}-csi-controller-7c9b5d4f8-m2vzp_5e1a7c3d-9b24-4f60-b8d1-2a7e6c9f0b13`;
}

/** The external provisioners, as one controller. */
export function createVolumeProvisionerController(): Controller {
  return {
    name: 'external-provisioner',
    watches: ['persistentvolumeclaims'],
    initialKeys: (ctx) => ctx.store.list('persistentvolumeclaims').filter((c) => c.metadata.annotations?.[ANN_STORAGE_PROVISIONER]).map((c) => `${c.metadata.namespace}/${c.metadata.name}`),
    keysFor: (event) => (event.type !== 'DELETED' && event.object.metadata.annotations?.[ANN_STORAGE_PROVISIONER] ? [`${event.object.metadata.namespace}/${event.object.metadata.name}`] : []),
    sync(key, ctx) {
      const [namespace, name] = key.split('/') as [string, string];
      const pvc = ctx.store.get('persistentvolumeclaims', namespace, name);
      if (pvc) provision(pvc, ctx);
    },
  };
}

function provision(pvc: KubeObject, ctx: ControllerContext): void {
  if (pvc.metadata.deletionTimestamp || pvc.spec?.volumeName) return;
  const provisioner = pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER];
  const storageClass = pvc.spec?.storageClassName ? ctx.store.get('storageclasses', undefined, pvc.spec.storageClassName) : undefined;
  if (!storageClass || storageClass.provisioner !== provisioner || !isExternalProvisioner(provisioner)) return;
  const node = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
  if (storageClass.volumeBindingMode === 'WaitForFirstConsumer' && !node) return;
  const pvName = `pvc-${pvc.metadata.uid}`;
  if (ctx.store.get('persistentvolumes', undefined, pvName)) return;
  const component = provisionerIdentity(provisioner);
  const claim = `${pvc.metadata.namespace}/${pvc.metadata.name}`;
  ctx.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claim}"`, { component });
  // local-path keeps data on one node's disk: it cannot serve a claim no pod has placed yet.
  if (provisioner === LOCAL_PATH && !node) {
    ctx.event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${storageClass.metadata.name}": configuration error, no node was specified`, { component });
    return;
  }
  const r = ctx.client.create('persistentvolumes', undefined, volumeFor(pvc, pvName, storageClass, provisioner, node));
  if (r.ok) ctx.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, { component });
  else ctx.event(pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${storageClass.metadata.name}": ${r.error.message}`, { component });
}

/** The PersistentVolume a provisioner creates for a claim. */
function volumeFor(pvc: KubeObject, name: string, storageClass: KubeObject, provisioner: string, node: string | undefined): KubeObject {
  const annotations: Record<string, string> = { [ANN_PROVISIONED_BY]: provisioner };
  let source: Record<string, unknown>;
  let nodeAffinity: Record<string, unknown> | undefined;
  if (provisioner === LOCAL_PATH) {
    annotations['local.path.provisioner/selected-node'] = node!;
    source = { hostPath: { path: `/var/local-path-provisioner/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' } };
    nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } };
  } else if (provisioner === MINIKUBE_HOSTPATH) {
    annotations['hostPathProvisionerIdentity'] = provisionerIdentity(provisioner).split('_')[2]!;
    source = { hostPath: { path: `/tmp/hostpath-provisioner/${pvc.metadata.namespace}/${pvc.metadata.name}`, type: '' } };
  } else {
    source = { csi: { driver: provisioner, fsType: 'ext4', volumeHandle: name } };
  }
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations },
    spec: {
      accessModes: [...(pvc.spec?.accessModes ?? ['ReadWriteOnce'])],
      capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid },
      ...source,
      ...(storageClass.mountOptions ? { mountOptions: [...storageClass.mountOptions] } : {}),
      ...(nodeAffinity ? { nodeAffinity } : {}),
      persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
      storageClassName: storageClass.metadata.name,
      volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
    },
  };
}
