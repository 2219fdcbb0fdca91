/**
 * Deployment helpers (pkg/controller/deployment/util): template hashes, revisions, the
 * surge/unavailable fence posts and replica arithmetic over ReplicaSets.
 */
import { computeHash } from '../hash.js';
import { jsonEqual } from '../../api/server.js';
import type { KubeObject } from '../../api/types.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

/** ComputeHash of the pod template: the pod-template-hash of its ReplicaSet. */
export function templateHash(template: unknown, collisionCount = 0): string {
  return computeHash(template, collisionCount);
}

/**
 * A template without the pod-template-hash label, for EqualIgnoreHash: a shallow copy
 * (the deployment controller compares every ReplicaSet on every sync; cloning was costly).
 */
function withoutHash(template: KubeObject['spec']): unknown {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = t.metadata?.labels;
  if (!labels || !(HASH_LABEL in labels)) return t;
  const { [HASH_LABEL]: _hash, ...rest } = labels;
  return { ...t, metadata: { ...t.metadata, labels: Object.keys(rest).length > 0 ? rest : undefined } };
}

/** Whether two pod templates are the same apart from the hash label (absent and empty labels alike). */
export function equalIgnoreHash(a: KubeObject['spec'], b: KubeObject['spec']): boolean {
  return jsonEqual(emptyLabelsAbsent(withoutHash(a)), emptyLabelsAbsent(withoutHash(b)));
}

/** Empty labels serialise differently from absent ones, but the old clone dropped them. */
function emptyLabelsAbsent(t: unknown): unknown {
  const m = (t as { metadata?: { labels?: object } }).metadata;
  if (m?.labels && Object.keys(m.labels).length === 0) return { ...(t as object), metadata: { ...m, labels: undefined } };
  return t;
}

export function revisionOf(obj: KubeObject): number {
  const v = Number(obj.metadata.annotations?.[REVISION] ?? '0');
  return Number.isFinite(v) ? v : 0;
}

/** Resolves an int-or-percent against a total, rounding up or down. */
export function intOrPercent(value: number | string | undefined, total: number, roundUp: boolean, fallback: string): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both 0 makes unavailable 1. */
export function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const surge = intOrPercent(ru.maxSurge, replicas, true, '25%');
  let unavailable = intOrPercent(ru.maxUnavailable, replicas, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: KubeObject): number {
  return d.spec?.strategy?.type === 'Recreate' ? 0 : fenceposts(d).surge;
}

export function maxUnavailable(d: KubeObject): number {
  if (d.spec?.strategy?.type === 'Recreate' || (d.spec?.replicas ?? 1) === 0) return 0;
  return Math.min(fenceposts(d).unavailable, d.spec?.replicas ?? 1);
}

/** Sum of spec.replicas over ReplicaSets. */
export function specReplicas(rss: readonly KubeObject[]): number {
  return rss.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
}

/** Sum of a status field over ReplicaSets. */
export function statusSum(rss: readonly KubeObject[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0);
}

/** Oldest first, by creation then name (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : 1;
}
