/**
 * ControllerRevisions (pkg/controller/history): the snapshots of a pod template that
 * StatefulSets and DaemonSets keep so they can tell current pods from updated ones and
 * roll back. Shared by both controllers.
 */
import { computeHash } from '../hash.js';
import { jsonEqual } from '../../api/server.js';
import type { KubeObject } from '../../api/types.js';
import { controllerRef, isControlledBy } from '../pods.js';
import type { ControllerContext } from '../types.js';

/** The label a StatefulSet's revisions carry with their hash. */
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';
/** The label pods (and DaemonSet revisions) carry with the revision they were made from. */
export const POD_REVISION_LABEL = 'controller-revision-hash';

/** HashControllerRevision: the hash a revision and its pods are labelled with. */
export const revisionHash = computeHash;

/**
 * The revision data both controllers store: the template as a replacing strategic patch.
 * It shares the template's members (read-only; ensureRevision copies it before a create).
 */
export function templatePatch(template: KubeObject['spec']): Record<string, unknown> {
  return { spec: { template: { ...(template ?? {}), $patch: 'replace' } } };
}

/** The pod template a revision recorded (ApplyRevision of templatePatch). */
export function templateOf(revision: KubeObject): KubeObject['spec'] {
  const t = structuredClone(revision.data?.spec?.template ?? {});
  delete t.$patch;
  return t;
}

/** Revisions controlled by the owner, oldest revision number first. */
export function ownedRevisions(owner: KubeObject, ctx: ControllerContext): KubeObject[] {
  return ctx.store
    .list('controllerrevisions', owner.metadata.namespace)
    .filter((r) => isControlledBy(r, owner.metadata.uid))
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

/**
 * Finds the revision equal to `data` or creates it with the next revision number; an
 * existing equal revision that is not the newest is renumbered to the top (a rollback).
 */
export function ensureRevision(owner: KubeObject, data: Record<string, unknown>, hash: string, labels: Record<string, string>, revisions: KubeObject[], ctx: ControllerContext): KubeObject | undefined {
  const next = (revisions.at(-1)?.revision ?? 0) + 1;
  const equal = revisions.find((r) => jsonEqual(r.data, data));
  if (equal) {
    if (equal === revisions.at(-1)) return equal;
    const copy = structuredClone(equal) as KubeObject;
    copy.revision = next;
    const r = ctx.client.update('controllerrevisions', owner.metadata.namespace, copy);
    return r.ok ? r.value.object : equal;
  }
  const revision: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name: `${owner.metadata.name}-${hash}`, namespace: owner.metadata.namespace, labels, ownerReferences: [controllerRef(owner)] },
    data: structuredClone(data),
    revision: next,
  };
  const r = ctx.client.create('controllerrevisions', owner.metadata.namespace, revision);
  return r.ok ? r.value.object : ctx.store.get('controllerrevisions', owner.metadata.namespace, revision.metadata.name!);
}

/** Deletes the oldest revisions no live pod uses, keeping revisionHistoryLimit of them. */
export function truncateHistory(owner: KubeObject, revisions: readonly KubeObject[], live: ReadonlySet<string>, ctx: ControllerContext): void {
  const limit = owner.spec?.revisionHistoryLimit ?? 10;
  const history = revisions.filter((r) => !live.has(r.metadata.name!));
  for (const r of history.slice(0, Math.max(0, history.length - limit))) ctx.client.delete('controllerrevisions', owner.metadata.namespace, r.metadata.name!);
}
