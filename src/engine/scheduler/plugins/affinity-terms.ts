/**
 * Pod affinity terms (framework.AffinityTerm): which pods a term selects — by label
 * selector, in the listed namespaces, the namespaces a namespaceSelector picks, or by
 * default the namespace of the pod that carries the term.
 */
import type { KubeObject } from '../../api/types.js';
import type { StoreReader } from '../../api/store.js';
import { matchesLabelSelector, type LabelSelector } from '../../api/selectors.js';

/** A v1.PodAffinityTerm. */
export interface PodAffinityTerm {
  readonly labelSelector?: LabelSelector | null;
  readonly namespaces?: readonly string[];
  readonly namespaceSelector?: LabelSelector | null;
  readonly topologyKey: string;
}

/** A term of a pod, with the namespace it defaults to. */
export interface AffinityTerm {
  readonly term: PodAffinityTerm;
  readonly ownerNamespace: string;
  readonly weight: number;
}

/** Whether a term selects a pod. */
export function termSelects(t: AffinityTerm, pod: KubeObject, store: StoreReader): boolean {
  const ns = pod.metadata.namespace ?? '';
  const { term } = t;
  let nsOk: boolean;
  if ((term.namespaces ?? []).length === 0 && !term.namespaceSelector) nsOk = ns === t.ownerNamespace;
  else {
    nsOk = (term.namespaces ?? []).includes(ns);
    if (!nsOk && term.namespaceSelector) nsOk = matchesLabelSelector(term.namespaceSelector, store.get('namespaces', undefined, ns)?.metadata.labels ?? {});
  }
  return nsOk && matchesLabelSelector(term.labelSelector ?? null, pod.metadata.labels);
}

type Kind = 'podAffinity' | 'podAntiAffinity';

/** Required terms of a pod's affinity or anti-affinity. */
export function requiredTerms(pod: KubeObject, kind: Kind): AffinityTerm[] {
  const ns = pod.metadata.namespace ?? '';
  return ((pod.spec?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as PodAffinityTerm[]).map((term) => ({ term, ownerNamespace: ns, weight: 1 }));
}

/** Preferred (weighted) terms of a pod's affinity or anti-affinity. */
export function preferredTerms(pod: KubeObject, kind: Kind): AffinityTerm[] {
  const ns = pod.metadata.namespace ?? '';
  return ((pod.spec?.affinity?.[kind]?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as { weight: number; podAffinityTerm: PodAffinityTerm }[]).map((p) => ({
    term: p.podAffinityTerm,
    ownerNamespace: ns,
    weight: p.weight,
  }));
}

/** A topology domain: `kubernetes.io/hostname=node01`. */
export function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}
