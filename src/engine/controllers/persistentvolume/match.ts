/**
 * Static binding (pkg/controller/volume/persistentvolume/index.go findMatchingVolume): the
 * smallest PersistentVolume that satisfies a claim — same class (`""` matches `""`), enough
 * capacity, every requested access mode, the same volume mode, the claim's selector — with
 * a volume already pre-bound to the claim winning outright.
 */
import { parseQuantity } from '../../api/quantity.js';
import { matchesLabelSelector } from '../../api/selectors.js';
import type { StoreReader } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** The provisioner of classes whose volumes an administrator creates by hand. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** The claim's class: spec.storageClassName, or the beta annotation of old clients. */
export function claimClass(pvc: KubeObject): string {
  return pvc.spec?.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

function bytes(q: unknown): number {
  return parseQuantity(q as string | undefined)?.value ?? 0;
}

/** Whether the volume's claimRef names this claim (by uid too, once the ref carries one). */
export function isPreBoundTo(pv: KubeObject, pvc: KubeObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== pvc.metadata.name || (ref.namespace ?? '') !== pvc.metadata.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** checkVolumeSatisfyClaim plus the class, selector and availability checks. */
export function volumeSatisfiesClaim(pv: KubeObject, pvc: KubeObject): boolean {
  if (pv.metadata.deletionTimestamp) return false;
  if ((pv.spec?.storageClassName ?? '') !== claimClass(pvc)) return false;
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) return false;
  if (bytes(pv.spec?.capacity?.storage) < bytes(pvc.spec?.resources?.requests?.storage)) return false;
  const modes: string[] = pv.spec?.accessModes ?? [];
  if (!((pvc.spec?.accessModes ?? []) as string[]).every((m) => modes.includes(m))) return false;
  if (pvc.spec?.selector && !matchesLabelSelector(pvc.spec.selector, pv.metadata.labels)) return false;
  return true;
}

/**
 * findBestMatchForClaim. With delayed binding (WaitForFirstConsumer) only a volume
 * pre-bound to the claim counts: choosing one is the scheduler's job.
 */
export function findBestMatch(pvc: KubeObject, store: StoreReader, delayBinding: boolean): KubeObject | undefined {
  let best: KubeObject | undefined;
  for (const pv of store.list('persistentvolumes')) {
    if (!volumeSatisfiesClaim(pv, pvc)) continue;
    if (pv.spec?.claimRef) {
      if (isPreBoundTo(pv, pvc)) return pv;
      continue;
    }
    if (delayBinding || (pv.status?.phase && pv.status.phase !== 'Available' && pv.status.phase !== 'Pending')) continue;
    if (!best || bytes(pv.spec?.capacity?.storage) < bytes(best.spec?.capacity?.storage)) best = pv;
  }
  return best;
}
