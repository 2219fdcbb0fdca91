/**
 * The VolumeBinding plugin's Reserve and PreBind steps (volume_binding.go, binder.go):
 * once a node is chosen, a WaitForFirstConsumer claim is tied to it — a matching PV gets
 * the claim in its claimRef, or the claim gets the `volume.kubernetes.io/selected-node`
 * annotation that tells the provisioner where to create one. The pod is bound only after
 * the PV controller has bound every claim.
 */
import type { ApiClient } from '../api/client.js';
import { clone, type StoreReader } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import { findMatchingVolume, podVolumeClaims } from './plugins/volume-binding.js';

/** The annotation the scheduler puts on a claim it wants provisioned on a node. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** PreBind's bindTimeout: how long the pod waits for its volumes to bind. */
export const BIND_TIMEOUT_MS = 600_000;

/**
 * Ties the pod's unbound WaitForFirstConsumer claims to the node. Returns whether the pod
 * must wait for binding, or the error PreBind would report.
 */
export function reserveVolumes(pod: KubeObject, node: KubeObject | undefined, store: StoreReader, client: ApiClient): { wait: boolean } | { error: string } {
  const claims = podVolumeClaims(pod, store);
  if (typeof claims === 'string') return { error: claims };
  if (claims.delayed.length === 0) return { wait: false };
  const taken = new Set<string>();
  for (const { pvc } of claims.delayed) {
    const pv = findMatchingVolume(pvc, node, store, taken);
    if (pv) {
      taken.add(pv.metadata.name!);
      const next = clone(pv);
      next.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
      next.metadata.annotations = { ...next.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' };
      const r = client.update('persistentvolumes', undefined, next);
      if (!r.ok) return { error: `binding volumes: ${r.error.message}` };
    } else if (pvc.metadata.annotations?.[ANN_SELECTED_NODE] !== node?.metadata.name) {
      const next = clone(pvc);
      next.metadata.annotations = { ...next.metadata.annotations, [ANN_SELECTED_NODE]: node?.metadata.name ?? '' };
      const r = client.update('persistentvolumeclaims', pvc.metadata.namespace, next);
      if (!r.ok) return { error: `binding volumes: ${r.error.message}` };
    }
  }
  return { wait: true };
}

/** Whether every claim of the pod is bound (PreBind's checkBindings). */
export function volumesBound(pod: KubeObject, store: StoreReader): boolean {
  const claims = podVolumeClaims(pod, store);
  if (typeof claims === 'string') return false;
  if (claims.delayed.length > 0) return false;
  return claims.bound.every(({ pvc, pv }) => pv && pvc.status?.phase === 'Bound');
}
