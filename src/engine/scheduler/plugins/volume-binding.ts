/**
 * VolumeBinding: a pod's PersistentVolumeClaims must exist; claims whose class binds at
 * once must already be bound; a bound volume's node affinity must admit the node; and a
 * WaitForFirstConsumer claim needs, on the node, an Available PV that fits it or a class
 * that provisions one.
 */
import type { KubeObject } from '../../api/types.js';
import type { StoreReader } from '../../api/store.js';
import { parseQuantity } from '../../api/quantity.js';
import { matchesLabelSelector } from '../../api/selectors.js';
import { nodeSelectorMatches } from '../node-selector.js';
import { SUCCESS, unresolvable, type CycleState, type FilterPlugin, type PreFilterPlugin } from '../types.js';

export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/** What PreFilter learned about the pod's claims. */
export interface PodVolumeClaims {
  readonly bound: readonly { pvc: KubeObject; pv: KubeObject | undefined }[];
  readonly delayed: readonly { pvc: KubeObject; storageClass: KubeObject | undefined }[];
}

/** The claim names a pod uses: persistentVolumeClaim volumes and generic ephemeral volumes. */
export function podClaimNames(pod: KubeObject): { name: string; ephemeral: boolean }[] {
  const out: { name: string; ephemeral: boolean }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ name: `${pod.metadata.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

/** The claim's class name: spec.storageClassName, or the beta annotation of old clients. */
export function claimClass(pvc: KubeObject): string {
  return pvc.spec?.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

/** Classifies a pod's claims, or returns the PreFilter failure. */
export function podVolumeClaims(pod: KubeObject, store: StoreReader): PodVolumeClaims | string {
  const ns = pod.metadata.namespace!;
  const bound: { pvc: KubeObject; pv: KubeObject | undefined }[] = [];
  const delayed: { pvc: KubeObject; storageClass: KubeObject | undefined }[] = [];
  for (const { name, ephemeral } of podClaimNames(pod)) {
    const pvc = store.get('persistentvolumeclaims', ns, name);
    if (!pvc) return ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"` : `persistentvolumeclaim "${name}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
    if (pvc.spec?.volumeName) {
      bound.push({ pvc, pv: store.get('persistentvolumes', undefined, pvc.spec.volumeName) });
      continue;
    }
    const className = claimClass(pvc);
    const storageClass = className ? store.get('storageclasses', undefined, className) : undefined;
    if (storageClass?.volumeBindingMode === 'WaitForFirstConsumer') delayed.push({ pvc, storageClass });
    else return ERR_REASON_UNBOUND_IMMEDIATE;
  }
  return { bound, delayed };
}

function bytes(q: unknown): number {
  return parseQuantity(q as string | undefined)?.value ?? 0;
}

/** Whether a PV could bind this claim on this node (findMatchingVolume's checks). */
export function pvMatchesClaim(pv: KubeObject, pvc: KubeObject, node: KubeObject | undefined): boolean {
  const ref = pv.spec?.claimRef;
  if (ref && (ref.namespace !== pvc.metadata.namespace || ref.name !== pvc.metadata.name)) return false;
  if (!ref && pv.status?.phase && pv.status.phase !== 'Available') return false;
  if (pv.metadata.deletionTimestamp) return false;
  if ((pv.spec?.storageClassName ?? '') !== claimClass(pvc)) return false;
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) return false;
  if (bytes(pv.spec?.capacity?.storage) < bytes(pvc.spec?.resources?.requests?.storage)) return false;
  const modes: string[] = pv.spec?.accessModes ?? [];
  if (!(pvc.spec?.accessModes ?? []).every((m: string) => modes.includes(m))) return false;
  if (pvc.spec?.selector && !matchesLabelSelector(pvc.spec.selector, pv.metadata.labels)) return false;
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (terms && (!node || !nodeSelectorMatches(terms, node))) return false;
  return true;
}

/** The smallest matching Available PV for a claim on a node, skipping PVs already chosen. */
export function findMatchingVolume(pvc: KubeObject, node: KubeObject | undefined, store: StoreReader, taken: ReadonlySet<string>): KubeObject | undefined {
  let best: KubeObject | undefined;
  for (const pv of store.list('persistentvolumes')) {
    if (taken.has(pv.metadata.name!) || !pvMatchesClaim(pv, pvc, node)) continue;
    // A PV pre-bound to this claim wins outright.
    if (pv.spec?.claimRef) return pv;
    if (!best || bytes(pv.spec?.capacity?.storage) < bytes(best.spec?.capacity?.storage)) best = pv;
  }
  return best;
}

/** Whether a class can provision on a node (it names a provisioner and its topologies allow the node). */
export function classProvisionsOn(storageClass: KubeObject | undefined, node: KubeObject | undefined): boolean {
  if (!storageClass?.provisioner || storageClass.provisioner === 'kubernetes.io/no-provisioner') return false;
  const topologies = storageClass.allowedTopologies as { matchLabelExpressions?: { key: string; values: string[] }[] }[] | undefined;
  if (!topologies || topologies.length === 0) return true;
  const labels = node?.metadata.labels ?? {};
  return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key]!)));
}

const STATE_KEY = 'VolumeBinding';

function claimsOf(state: CycleState): PodVolumeClaims | undefined {
  return state.data.get(STATE_KEY) as PodVolumeClaims | undefined;
}

export const volumeBindingPreFilter: PreFilterPlugin = {
  name: 'VolumeBinding',
  preFilter(pod, state) {
    const claims = podVolumeClaims(pod, state.store);
    if (typeof claims === 'string') return unresolvable(claims);
    state.data.set(STATE_KEY, claims);
    return SUCCESS;
  },
};

export const volumeBindingFilter: FilterPlugin = {
  name: 'VolumeBinding',
  filter(pod, node, state) {
    const claims = claimsOf(state);
    if (!claims || (claims.bound.length === 0 && claims.delayed.length === 0)) return SUCCESS;
    const reasons: string[] = [];
    for (const { pv } of claims.bound) {
      if (!pv) {
        reasons.push(ERR_REASON_PV_NOT_EXIST);
        break;
      }
      const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
      if (terms && (!node.node || !nodeSelectorMatches(terms, node.node))) {
        reasons.push(ERR_REASON_NODE_CONFLICT);
        break;
      }
    }
    const taken = new Set<string>();
    for (const { pvc, storageClass } of claims.delayed) {
      const pv = findMatchingVolume(pvc, node.node, state.store, taken);
      if (pv) taken.add(pv.metadata.name!);
      else if (!classProvisionsOn(storageClass, node.node)) {
        reasons.push(ERR_REASON_BIND_CONFLICT);
        break;
      }
    }
    return reasons.length === 0 ? SUCCESS : unresolvable(...reasons);
  },
};
