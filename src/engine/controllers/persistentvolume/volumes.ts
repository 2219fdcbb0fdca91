/**
 * The volume half of the PV controller (pv_controller.go syncVolume): Available while
 * unclaimed, Bound while its claim holds it, Released when the claim is gone — then the
 * reclaim policy decides: Retain keeps it (claimRef and all), Delete removes it.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import type { ControllerContext } from '../types.js';
import { ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY } from './match.js';
import { setVolumePhase } from './claims.js';

/** Reconciles one volume. */
export function syncVolume(pv: KubeObject, ctx: ControllerContext): void {
  const ref = pv.spec?.claimRef;
  if (!ref || !ref.uid) {
    // Unclaimed, or pre-bound by the user to a claim that has not come yet.
    if (pv.status?.phase !== 'Failed') setVolumePhase(pv, 'Available', ctx);
    return;
  }
  const found = ctx.store.get('persistentvolumeclaims', ref.namespace, ref.name);
  const claim = found && found.metadata.uid === ref.uid ? found : undefined;
  if (!claim) {
    reclaim(pv, ctx);
    return;
  }
  if (!claim.spec?.volumeName) {
    // Pre-bound to a claim that is still Pending: the claim's sync finishes the binding.
    ctx.enqueue(`claim:${claim.metadata.namespace}/${claim.metadata.name}`);
    return;
  }
  if (claim.spec.volumeName === pv.metadata.name) {
    setVolumePhase(pv, 'Bound', ctx);
    return;
  }
  // The claim went to another volume: a binding we made is undone, the user's is left.
  if (pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    const next = clone(pv);
    delete next.spec.claimRef;
    delete next.metadata.annotations![ANN_BOUND_BY_CONTROLLER];
    const r = ctx.client.update('persistentvolumes', undefined, next);
    if (r.ok) setVolumePhase(r.value.object, 'Available', ctx);
  } else setVolumePhase(pv, 'Available', ctx);
}

/** The claim is gone: Released, then the reclaim policy. */
function reclaim(pv: KubeObject, ctx: ControllerContext): void {
  if (pv.status?.phase === 'Failed') return;
  if (pv.status?.phase !== 'Released') setVolumePhase(pv, 'Released', ctx);
  // A volume already being deleted only needed its phase: pv-protection lets it go now.
  if (pv.metadata.deletionTimestamp) return;
  const current = ctx.store.get('persistentvolumes', undefined, pv.metadata.name!) ?? pv;
  switch (current.spec?.persistentVolumeReclaimPolicy ?? 'Retain') {
    case 'Retain':
      return;
    case 'Recycle': {
      // The recycler scrubs the volume and makes it Available again.
      const next = clone(current);
      delete next.spec.claimRef;
      const r = ctx.client.update('persistentvolumes', undefined, next);
      if (r.ok) setVolumePhase(r.value.object, 'Available', ctx);
      return;
    }
    case 'Delete':
      deleteVolume(current, ctx);
  }
}

/**
 * Dynamically provisioned volumes go back to their provisioner, which deletes them. A
 * hand-made volume has no deleter, except the hostPath plugin's for paths under /tmp.
 */
function deleteVolume(pv: KubeObject, ctx: ControllerContext): void {
  const hostPath: string | undefined = pv.spec?.hostPath?.path;
  if (pv.metadata.annotations?.[ANN_PROVISIONED_BY] || (hostPath && /^\/tmp\/.+/.test(hostPath))) {
    ctx.client.delete('persistentvolumes', undefined, pv.metadata.name!);
    return;
  }
  const message = hostPath
    ? `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`
    : `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
  ctx.event(pv, 'Warning', 'VolumeFailedDelete', message);
  setVolumePhase(pv, 'Failed', ctx, message);
}
