/**
 * StorageObjectInUseProtection: new PVCs and PVs carry the protection finalizers that keep
 * them `Terminating` while a pod (or a claim) still uses them.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { ok, type KubeObject, type Result } from '../types.js';
import { copyObject } from './forbidden.js';

const FINALIZERS: Readonly<Record<string, string>> = {
  persistentvolumeclaims: 'kubernetes.io/pvc-protection',
  persistentvolumes: 'kubernetes.io/pv-protection',
};

function admit(req: AdmissionRequest): Result<KubeObject> {
  const finalizer = FINALIZERS[req.resource];
  if (!finalizer || req.subresource || req.operation !== 'CREATE') return ok(req.object);
  const existing: string[] = req.object.metadata.finalizers ?? [];
  if (existing.includes(finalizer)) return ok(req.object);
  const obj = copyObject(req.object);
  obj.metadata.finalizers = [...existing, finalizer];
  return ok(obj);
}

/** The StorageObjectInUseProtection plugin. */
export const storageObjectInUseProtection: AdmissionPlugin = { name: 'StorageObjectInUseProtection', mutate: admit };
