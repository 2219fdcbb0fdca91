/**
 * Storage validation: PersistentVolumeClaim and PersistentVolume (core/v1) and
 * StorageClass (pkg/apis/storage/validation).
 */
import { parseQuantity, formatQuantity } from '../quantity.js';
import { semanticEqual } from './equal.js';
import { forbidden, invalidField, notSupported, required, eachInvalid } from './field.js';
import { IMMUTABLE, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { validateLabelSelector } from './selector.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function positiveQuantity(text: unknown, path: string): FieldError[] {
  const q = parseQuantity(text as string);
  if (!q) return [];
  return q.value <= 0 ? [invalidField(path, formatQuantity(q.value, q.format), 'must be greater than zero')] : [];
}

/** ValidatePersistentVolumeClaimSpec. */
function validateClaimSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) errs.push(required(`${path}.accessModes`, 'at least 1 access mode is required'));
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined || storage === null) errs.push(required(`${path}.resources[storage]`));
  else errs.push(...positiveQuantity(storage, `${path}.resources[storage]`));
  return errs;
}

/** ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(pvc: KubeObject): FieldError[] {
  return [...validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain), ...validateClaimSpec(pvc.spec ?? {}, 'spec')];
}

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is immutable except a bound claim's
 * storage request, which may only grow.
 */
export function validatePersistentVolumeClaimUpdate(pvc: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(pvc.metadata, old.metadata);
  errs.push(...validateClaimSpec(pvc.spec ?? {}, 'spec'));
  const spec: Obj = pvc.spec ?? {};
  const prev: Obj = old.spec ?? {};
  const bound = old.status?.phase === 'Bound';
  const strip = (s: Obj): Obj => (bound ? { ...s, resources: { ...(s.resources ?? {}), requests: { ...(s.resources?.requests ?? {}), storage: undefined } } } : s);
  // A claim binds by setting spec.volumeName, so an unset old volumeName may be filled in.
  const next = prev.volumeName ? spec : { ...spec, volumeName: undefined };
  const before = { ...prev, volumeName: prev.volumeName || undefined };
  if (!semanticEqual(strip(next), strip(before))) {
    errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  } else if (bound) {
    const now = parseQuantity(spec.resources?.requests?.storage);
    const was = parseQuantity(prev.resources?.requests?.storage);
    if (now && was && now.value < was.value) errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  }
  return errs;
}

const PV_SOURCES = ['hostPath', 'local', 'nfs', 'csi', 'iscsi', 'fc', 'gcePersistentDisk', 'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'cinder', 'glusterfs', 'flexVolume', 'vsphereVolume', 'portworxVolume', 'scaleIO', 'storageos', 'photonPersistentDisk', 'quobyte', 'flocker'];

/** ValidatePersistentVolume. */
export function validatePersistentVolume(pv: KubeObject): FieldError[] {
  const errs = validateObjectMeta(pv.metadata, false, nameIsDNSSubdomain);
  const spec: Obj = pv.spec ?? {};
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) errs.push(required('spec.accessModes'));
  const capacity: Obj = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.push(required('spec.capacity'));
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) errs.push(notSupported('spec.capacity', capacity, ['storage']));
  for (const [name, q] of Object.entries(capacity)) errs.push(...positiveQuantity(q, `spec.capacity[${name}]`));
  if (!PV_SOURCES.some((s) => spec[s] != null)) errs.push(required('spec', 'must specify a volume type'));
  if (spec.hostPath && !spec.hostPath.path) errs.push(required('spec.hostPath.path'));
  return errs;
}

/** ValidatePersistentVolumeUpdate: volumeMode and the volume source are immutable. */
export function validatePersistentVolumeUpdate(pv: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(pv.metadata, old.metadata);
  errs.push(...validatePersistentVolume({ ...pv, metadata: { ...pv.metadata, name: pv.metadata.name } }).filter((e) => !e.field.startsWith('metadata.')));
  if (pv.spec?.volumeMode !== old.spec?.volumeMode) errs.push(invalidField('spec.volumeMode', pv.spec?.volumeMode ?? '', IMMUTABLE));
  return errs;
}

/** ValidateStorageClass. */
export function validateStorageClass(sc: KubeObject): FieldError[] {
  const errs = validateObjectMeta(sc.metadata, false, nameIsDNSSubdomain);
  const provisioner = String(sc.provisioner ?? '');
  if (!provisioner) errs.push(required('provisioner'));
  else errs.push(...eachInvalid('provisioner', provisioner, isQualifiedName(provisioner.toLowerCase())));
  return errs;
}

/** ValidateStorageClassUpdate: parameters, provisioner, reclaimPolicy, volumeBindingMode are fixed. */
export function validateStorageClassUpdate(sc: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(sc.metadata, old.metadata);
  if (!semanticEqual(sc.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(invalidField('volumeBindingMode', sc.volumeBindingMode ?? '', IMMUTABLE));
  return errs;
}
