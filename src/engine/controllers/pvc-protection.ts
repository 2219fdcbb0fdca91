/**
 * The storage protection controllers (pkg/controller/volume/pvcprotection, pvprotection):
 * a claim being deleted keeps `kubernetes.io/pvc-protection` while a scheduled pod still
 * uses it, and a volume keeps `kubernetes.io/pv-protection` while it is Bound — so each
 * shows Terminating until it is safe to go.
 */
import { clone } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import type { Controller, ControllerContext } from './types.js';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** Claims a pod names (persistentVolumeClaim volumes and generic ephemeral volumes). */
function claimsOf(pod: KubeObject): string[] {
  return ((pod.spec?.volumes ?? []) as { name: string; persistentVolumeClaim?: { claimName: string }; ephemeral?: unknown }[])
    .map((v) => v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${pod.metadata.name}-${v.name}` : ''))
    .filter(Boolean);
}

/** Whether a scheduled pod uses the claim (the kubelet may have it mounted). */
export function isClaimInUse(pvc: KubeObject, pods: readonly KubeObject[]): boolean {
  return pods.some((p) => p.spec?.nodeName && claimsOf(p).includes(pvc.metadata.name!));
}

function dropFinalizer(resource: string, obj: KubeObject, finalizer: string, ctx: ControllerContext): void {
  const next = clone(obj);
  const rest = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (rest.length > 0) next.metadata.finalizers = rest;
  else delete next.metadata.finalizers;
  ctx.client.update(resource, obj.metadata.namespace, next);
}

/** The pvc-protection-controller. */
export function createPVCProtectionController(): Controller {
  return {
    name: 'pvc-protection-controller',
    watches: ['persistentvolumeclaims', 'pods'],
    initialKeys: (ctx) => ctx.store.list('persistentvolumeclaims').filter((c) => c.metadata.deletionTimestamp).map((c) => `${c.metadata.namespace}/${c.metadata.name}`),
    keysFor(event) {
      const obj = event.object;
      if (event.resource === 'persistentvolumeclaims') return obj.metadata.deletionTimestamp && event.type !== 'DELETED' ? [`${obj.metadata.namespace}/${obj.metadata.name}`] : [];
      // A pod that goes (or changes its volumes) may release a claim.
      const names = new Set([...claimsOf(obj), ...(event.oldObject ? claimsOf(event.oldObject) : [])]);
      return [...names].map((n) => `${obj.metadata.namespace}/${n}`);
    },
    sync(key, ctx) {
      const [namespace, name] = key.split('/') as [string, string];
      const pvc = ctx.store.get('persistentvolumeclaims', namespace, name);
      if (!pvc?.metadata.deletionTimestamp || !(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER)) return;
      if (isClaimInUse(pvc, ctx.store.list('pods', namespace))) return;
      dropFinalizer('persistentvolumeclaims', pvc, PVC_PROTECTION_FINALIZER, ctx);
    },
  };
}

/** The pv-protection-controller. */
export function createPVProtectionController(): Controller {
  return {
    name: 'pv-protection-controller',
    watches: ['persistentvolumes'],
    initialKeys: (ctx) => ctx.store.list('persistentvolumes').filter((v) => v.metadata.deletionTimestamp).map((v) => v.metadata.name!),
    keysFor: (event) => (event.object.metadata.deletionTimestamp && event.type !== 'DELETED' ? [event.object.metadata.name!] : []),
    sync(name, ctx) {
      const pv = ctx.store.get('persistentvolumes', undefined, name);
      if (!pv?.metadata.deletionTimestamp || !(pv.metadata.finalizers ?? []).includes(PV_PROTECTION_FINALIZER)) return;
      if (pv.status?.phase === 'Bound') return;
      dropFinalizer('persistentvolumes', pv, PV_PROTECTION_FINALIZER, ctx);
    },
  };
}
