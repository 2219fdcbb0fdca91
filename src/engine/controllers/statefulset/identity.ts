/**
 * StatefulSet pod identity and storage (pkg/controller/statefulset/stateful_set_utils.go):
 * ordinal names, the identity labels, hostname and subdomain, and the claims made from
 * volumeClaimTemplates with their retention owner references.
 */
import type { KubeObject, OwnerReference } from '../../api/types.js';
import { podFromTemplate } from '../pods.js';
import type { ControllerContext } from '../types.js';
import { POD_REVISION_LABEL } from './history.js';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** The ordinal of a pod named `<set>-<n>`, or -1 when the name does not belong to the set. */
export function ordinalOf(set: KubeObject, pod: KubeObject): number {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata.name ?? '');
  return m && m[1] === set.metadata.name ? Number(m[2]) : -1;
}

/** spec.ordinals.start: the first ordinal (0 unless set). */
export function startOrdinal(set: KubeObject): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** Whether an ordinal lies in [start, start + replicas). */
export function inRange(set: KubeObject, ordinal: number): boolean {
  const start = startOrdinal(set);
  return ordinal >= start && ordinal < start + (set.spec?.replicas ?? 1);
}

/** `<template>-<set>-<ordinal>`: the claim a pod's volume of that name binds to. */
export function claimName(template: KubeObject, podName: string): string {
  return `${template.metadata?.name}-${podName}`;
}

/** newVersionedStatefulSetPod: the pod for an ordinal, from a revision's template. */
export function newStatefulPod(set: KubeObject, template: KubeObject['spec'], revisionName: string, ordinal: number): KubeObject {
  const name = `${set.metadata.name}-${ordinal}`;
  const pod = podFromTemplate(template, set, '', {
    name,
    labels: { [POD_REVISION_LABEL]: revisionName, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
    hostname: name,
    subdomain: set.spec?.serviceName || undefined,
  });
  // updateStorage: one volume per claim template first, then the template's own volumes.
  const claims = (set.spec?.volumeClaimTemplates ?? []) as KubeObject[];
  if (claims.length > 0) {
    const names = new Set(claims.map((c) => c.metadata?.name));
    const own = (pod.spec.volumes ?? []).filter((v: { name: string }) => !names.has(v.name));
    const fromClaims = [...claims]
      .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
      .map((c) => ({ name: c.metadata.name, persistentVolumeClaim: { claimName: claimName(c, name) } }));
    pod.spec.volumes = [...fromClaims, ...own];
  }
  return pod;
}

function plainRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid! };
}

/**
 * The owner references persistentVolumeClaimRetentionPolicy asks for
 * (updateClaimOwnerRefForSetAndPod): whenDeleted=Delete owns the claim by the set,
 * whenScaled=Delete by a condemned pod, so the garbage collector removes it after them.
 */
export function claimOwners(set: KubeObject, pod: KubeObject | undefined, ordinal: number): OwnerReference[] {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  const scaledDown = !inRange(set, ordinal);
  if (policy.whenScaled === 'Delete' && scaledDown && pod?.metadata.uid) return [plainRef(pod)];
  if (policy.whenDeleted === 'Delete') return [plainRef(set)];
  return [];
}

/**
 * createPersistentVolumeClaims: makes each missing claim of a pod, labelled with the set's
 * selector, before the pod itself. Returns false when a claim could not be created.
 */
export function ensureClaims(set: KubeObject, podName: string, ordinal: number, ctx: ControllerContext): boolean {
  const ns = set.metadata.namespace;
  const selectorLabels = (set.spec?.selector?.matchLabels ?? {}) as Record<string, string>;
  for (const template of (set.spec?.volumeClaimTemplates ?? []) as KubeObject[]) {
    const name = claimName(template, podName);
    if (ctx.store.get('persistentvolumeclaims', ns, name)) continue;
    const owners = claimOwners(set, undefined, ordinal);
    const claim: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace: ns,
        labels: { ...(template.metadata?.labels ?? {}), ...selectorLabels },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ...(owners.length > 0 ? { ownerReferences: owners } : {}),
      },
      spec: structuredClone(template.spec ?? {}),
    };
    const r = ctx.client.create('persistentvolumeclaims', ns, claim);
    if (!r.ok) {
      ctx.event(set, 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${r.error.message}`);
      return false;
    }
    ctx.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${podName} in StatefulSet ${set.metadata.name} success`);
  }
  return true;
}

/** Points a condemned pod's claims at the pod when whenScaled=Delete, before it goes. */
export function handOverClaims(set: KubeObject, pod: KubeObject, ordinal: number, ctx: ControllerContext): void {
  const ns = set.metadata.namespace;
  for (const template of (set.spec?.volumeClaimTemplates ?? []) as KubeObject[]) {
    const claim = ctx.store.get('persistentvolumeclaims', ns, claimName(template, pod.metadata.name!));
    if (!claim) continue;
    const wanted = claimOwners(set, pod, ordinal);
    const others = (claim.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid && r.uid !== pod.metadata.uid);
    const refs = [...others, ...wanted];
    if (JSON.stringify(refs) === JSON.stringify(claim.metadata.ownerReferences ?? [])) continue;
    const copy = structuredClone(claim) as KubeObject;
    copy.metadata.ownerReferences = refs;
    if (refs.length === 0) delete copy.metadata.ownerReferences;
    ctx.client.update('persistentvolumeclaims', ns, copy);
  }
}
