/**
 * A workload's rollout history read through the API, as kubectl's history viewers and
 * rollbackers find it: a Deployment's revisions are its ReplicaSets (annotation
 * deployment.kubernetes.io/revision); a DaemonSet's and StatefulSet's are the
 * ControllerRevisions they own, whose data holds the pod template.
 */
import type { ApiClient } from '../../../../engine/api/client.js';
import type { KubeObject, Result } from '../../../../engine/api/types.js';
import { ok } from '../../../../engine/api/types.js';

/** One revision: its number, the pod template it ran, the object it came from. */
export interface Revision {
  readonly revision: number;
  readonly template: KubeObject['spec'];
  /** The ReplicaSet or ControllerRevision. */
  readonly source: KubeObject;
  readonly changeCause?: string;
}

/** The annotations kubectl reads and writes. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

function ownedBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid);
}

/** The revisions of a Deployment, DaemonSet or StatefulSet, sorted by number. */
export function revisionsOf(client: ApiClient, workload: KubeObject): Result<Revision[]> {
  const namespace = workload.metadata.namespace;
  const out: Revision[] = [];
  if (workload.kind === 'Deployment') {
    const rss = client.list('replicasets', { namespace });
    if (!rss.ok) return rss;
    for (const rs of rss.value.items) {
      if (!ownedBy(rs, workload)) continue;
      const text = rs.metadata.annotations?.[REVISION_ANNOTATION];
      // deploymentutil.Revision: a ReplicaSet without a parseable revision is skipped.
      if (text === undefined || !/^\d+$/.test(text)) continue;
      const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
      out.push({ revision: Number(text), template: rs.spec?.template, source: rs, ...(changeCause ? { changeCause } : {}) });
    }
  } else {
    const crs = client.list('controllerrevisions', { namespace });
    if (!crs.ok) return crs;
    for (const cr of crs.value.items) {
      if (!ownedBy(cr, workload)) continue;
      const changeCause = cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
      out.push({ revision: Number(cr.revision ?? 0), template: templateOfHistory(cr, workload), source: cr, ...(changeCause ? { changeCause } : {}) });
    }
  }
  // Revisions are unique per workload in practice; the later one wins as kubectl's map would.
  const byNumber = new Map(out.map((r) => [r.revision, r]));
  return ok([...byNumber.values()].sort((a, b) => a.revision - b.revision));
}

/** The template a ControllerRevision's patch (`{spec: {template: {..., $patch: replace}}}`) restores. */
function templateOfHistory(cr: KubeObject, workload: KubeObject): KubeObject['spec'] {
  const template = cr.data?.spec?.template;
  if (!template) return workload.spec?.template;
  const { $patch: _patch, ...rest } = template;
  return rest;
}

/** Deep equality of two templates ignoring the pod-template-hash label (rollback.go equalIgnoreHash). */
export function sameTemplate(a: unknown, b: unknown): boolean {
  return stableJson(withoutHash(a)) === stableJson(withoutHash(b));
}

/** A template without the pod-template-hash label (and without empty label maps). */
export function withoutHash(template: unknown): Record<string, unknown> {
  const copy = structuredClone((template ?? {}) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (copy.metadata?.labels) {
    delete copy.metadata.labels['pod-template-hash'];
  }
  return copy;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
    }
    return v;
  });
}
