/**
 * DefaultStorageClass: a PVC that names no class (storageClassName absent, not `""`) gets
 * the StorageClass annotated `storageclass.kubernetes.io/is-default-class: "true"`.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import type { StoreReader } from '../store.js';
import { ok, type KubeObject, type Result } from '../types.js';
import { copyObject } from './forbidden.js';

const IS_DEFAULT = 'storageclass.kubernetes.io/is-default-class';
const IS_DEFAULT_BETA = 'storageclass.beta.kubernetes.io/is-default-class';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * The default StorageClass, if any. With several, the newest wins and equal ages go by
 * name (storage/util.GetDefaultClass since v1.28).
 */
export function defaultStorageClass(store: StoreReader): KubeObject | undefined {
  const defaults = store.list('storageclasses').filter((sc) => sc.metadata.annotations?.[IS_DEFAULT] === 'true' || sc.metadata.annotations?.[IS_DEFAULT_BETA] === 'true');
  return [...defaults].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    return a.metadata.name! < b.metadata.name! ? -1 : 1;
  })[0];
}

function admit(req: AdmissionRequest): Result<KubeObject> {
  if (req.resource !== 'persistentvolumeclaims' || req.subresource || req.operation !== 'CREATE') return ok(req.object);
  const hasClass = req.object.spec?.storageClassName !== undefined && req.object.spec?.storageClassName !== null;
  if (hasClass || req.object.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return ok(req.object);
  const sc = defaultStorageClass(req.store);
  if (!sc) return ok(req.object);
  const pvc = copyObject(req.object);
  pvc.spec = { ...pvc.spec, storageClassName: sc.metadata.name };
  return ok(pvc);
}

/** The DefaultStorageClass plugin. */
export const defaultStorageClassPlugin: AdmissionPlugin = { name: 'DefaultStorageClass', mutate: admit };
