/**
 * The claim half of the PV controller (pv_controller.go syncClaim): bind a Pending claim to
 * the best static volume, or say why it waits — for its first consumer, for an external
 * provisioner, or for a volume that will never come — and keep Bound claims honest.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import type { ControllerContext } from '../types.js';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  NO_PROVISIONER,
  claimClass,
  findBestMatch,
  isPreBoundTo,
} from './match.js';

/** The PV controller's periodic resync (--pvclaimbinder-sync-period). */
export const RESYNC_MS = 15_000;

/** Whether this engine stands in for the class's provisioner (any external one). */
export function isExternalProvisioner(provisioner: string | undefined): provisioner is string {
  return !!provisioner && provisioner !== NO_PROVISIONER && !provisioner.startsWith('kubernetes.io/');
}

/** Reconciles one claim; `claimKey` is `namespace/name`. */
export function syncClaim(pvc: KubeObject, ctx: ControllerContext): void {
  if (pvc.metadata.annotations?.[ANN_BIND_COMPLETED]) syncBoundClaim(pvc, ctx);
  else syncUnboundClaim(pvc, ctx);
}

function syncUnboundClaim(pvc: KubeObject, ctx: ControllerContext): void {
  const key = `claim:${pvc.metadata.namespace}/${pvc.metadata.name}`;
  if (pvc.spec?.volumeName) {
    // The user asked for a particular volume.
    const pv = ctx.store.get('persistentvolumes', undefined, pvc.spec.volumeName);
    if (pv && (!pv.spec?.claimRef || isPreBoundTo(pv, pvc))) bind(pv, pvc, ctx);
    else {
      if (pv && !pvc.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) ctx.event(pvc, 'Warning', 'FailedBinding', `volume "${pv.metadata.name}" already bound to a different claim.`);
      ctx.requeueAfter(key, RESYNC_MS);
    }
    return;
  }
  if (pvc.metadata.deletionTimestamp) return;
  const className = claimClass(pvc);
  const storageClass = className ? ctx.store.get('storageclasses', undefined, className) : undefined;
  const delayBinding = storageClass?.volumeBindingMode === 'WaitForFirstConsumer';
  const pv = findBestMatch(pvc, ctx.store, delayBinding);
  if (pv) {
    bind(pv, pvc, ctx);
    return;
  }
  ctx.requeueAfter(key, RESYNC_MS);
  if (delayBinding && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) {
    ctx.event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    return;
  }
  if (!className) {
    ctx.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    return;
  }
  provisionClaim(pvc, className, storageClass, ctx);
}

/** provisionClaim: hand the claim to its class's external provisioner, or report why none can help. */
function provisionClaim(pvc: KubeObject, className: string, storageClass: KubeObject | undefined, ctx: ControllerContext): void {
  if (!storageClass) {
    ctx.event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
    return;
  }
  const provisioner: string = storageClass.provisioner ?? '';
  if (!isExternalProvisioner(provisioner)) {
    ctx.event(pvc, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`);
    return;
  }
  const annotations = pvc.metadata.annotations ?? {};
  if (annotations[ANN_STORAGE_PROVISIONER] !== provisioner || annotations[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    const next = clone(pvc);
    next.metadata.annotations = { ...annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
    ctx.client.update('persistentvolumeclaims', pvc.metadata.namespace, next);
  }
  ctx.event(
    pvc,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
  );
}

function syncBoundClaim(pvc: KubeObject, ctx: ControllerContext): void {
  const name = pvc.spec?.volumeName;
  if (!name) {
    setClaimLost(pvc, 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!', ctx);
    return;
  }
  const pv = ctx.store.get('persistentvolumes', undefined, name);
  if (!pv) {
    setClaimLost(pvc, 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', ctx);
    return;
  }
  if (!pv.spec?.claimRef || pv.spec.claimRef.uid === pvc.metadata.uid) {
    bind(pv, pvc, ctx);
    return;
  }
  ctx.event(pvc, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
  setClaimLost(pvc, undefined, ctx);
}

function setClaimLost(pvc: KubeObject, message: string | undefined, ctx: ControllerContext): void {
  if (pvc.status?.phase === 'Lost') return;
  if (message) ctx.event(pvc, 'Warning', 'ClaimLost', message);
  ctx.client.updateStatus('persistentvolumeclaims', pvc.metadata.namespace, { ...pvc, status: { ...pvc.status, phase: 'Lost' } });
}

/** bind: the volume points at the claim, the claim at the volume, and both say Bound. */
export function bind(pv: KubeObject, pvc: KubeObject, ctx: ControllerContext): void {
  let volume = pv;
  const ref = pv.spec?.claimRef;
  if (!ref || ref.uid !== pvc.metadata.uid || ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace) {
    const next = clone(pv);
    next.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    const r = ctx.client.update('persistentvolumes', undefined, next);
    if (!r.ok) return;
    volume = r.value.object;
  }
  setVolumePhase(volume, 'Bound', ctx);
  let claim = pvc;
  const annotations = pvc.metadata.annotations ?? {};
  if (pvc.spec?.volumeName !== pv.metadata.name || !annotations[ANN_BIND_COMPLETED]) {
    const next = clone(pvc);
    const byController = !pvc.spec?.volumeName || annotations[ANN_BOUND_BY_CONTROLLER] === 'yes';
    next.spec.volumeName = pv.metadata.name;
    next.metadata.annotations = { ...annotations, [ANN_BIND_COMPLETED]: 'yes', ...(byController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}) };
    const r = ctx.client.update('persistentvolumeclaims', pvc.metadata.namespace, next);
    if (!r.ok) return;
    claim = r.value.object;
  }
  const status = { ...claim.status, phase: 'Bound', accessModes: volume.spec?.accessModes, capacity: volume.spec?.capacity };
  if (JSON.stringify(status) !== JSON.stringify(claim.status)) ctx.client.updateStatus('persistentvolumeclaims', claim.metadata.namespace, { ...claim, status });
}

/** Writes a volume's phase (and message) with the time it changed. */
export function setVolumePhase(pv: KubeObject, phase: string, ctx: ControllerContext, message?: string): void {
  if (pv.status?.phase === phase && pv.status?.message === message) return;
  const status: Record<string, unknown> = { phase, ...(message ? { message } : {}), lastPhaseTransitionTime: pv.status?.phase === phase ? pv.status?.lastPhaseTransitionTime : ctx.clock.nowRfc3339() };
  ctx.client.updateStatus('persistentvolumes', undefined, { ...pv, status });
}
