/**
 * Storage defaults: PersistentVolume and PersistentVolumeClaim (pkg/apis/core/v1) and
 * StorageClass (pkg/apis/storage/v1/defaults.go).
 */
import { child, setDefault, setDefaultString, type Obj } from './util.js';

/** SetDefaults_PersistentVolume: Retain, Filesystem, status phase Pending. */
export function defaultPersistentVolume(pv: Obj): void {
  const spec = child(pv, 'spec');
  setDefaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setDefault(spec, 'volumeMode', 'Filesystem');
  setDefaultString(child(pv, 'status'), 'phase', 'Pending');
}

/** SetDefaults_PersistentVolumeClaim and SetDefaults_PersistentVolumeClaimSpec. */
export function defaultPersistentVolumeClaim(pvc: Obj): void {
  setDefault(child(pvc, 'spec'), 'volumeMode', 'Filesystem');
  setDefaultString(child(pvc, 'status'), 'phase', 'Pending');
}

/**
 * A StatefulSet's volumeClaimTemplate: defaulted as a PVC, and written back by the server
 * with its TypeMeta and a `creationTimestamp: null` as v1.30 shows it.
 */
export function defaultClaimTemplate(claim: Obj): void {
  setDefault(claim, 'apiVersion', 'v1');
  setDefault(claim, 'kind', 'PersistentVolumeClaim');
  const meta = child(claim, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPersistentVolumeClaim(claim);
}

/** SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(sc: Obj): void {
  setDefaultString(sc, 'reclaimPolicy', 'Delete');
  setDefaultString(sc, 'volumeBindingMode', 'Immediate');
}
