/**
 * The namespace controller (pkg/controller/namespace): once a namespace is Terminating it
 * deletes everything in it, reports what remains in the namespace's status conditions,
 * and when nothing is left removes the `kubernetes` finalizer so the namespace goes too.
 */
import { RESOURCE_TYPES } from '../../api/discovery.js';
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { stableJson } from '../../api/server.js';
import type { Controller, ControllerContext } from '../types.js';
import { deletionConditions, type Remaining } from './conditions.js';

/** The finalizer the API server puts in every namespace's spec.finalizers. */
export const NAMESPACE_FINALIZER = 'kubernetes';
/** How soon to look again while content remains and no event is expected (the real queue's back-off). */
const RECHECK_MS = 15_000;

/** Namespaced resources the controller can list and delete, in discovery order. */
const CONTENT = RESOURCE_TYPES.filter((t) => t.namespaced && t.verbs.includes('list') && t.verbs.includes('delete'));
const CONTENT_NAMES = new Set(CONTENT.map((t) => t.resource));

/** The namespace-controller. */
export function createNamespaceController(): Controller {
  return {
    name: 'namespace-controller',
    watches: ['namespaces', ...CONTENT_NAMES],
    initialKeys: (ctx) => ctx.store.list('namespaces').filter((n) => n.metadata.deletionTimestamp).map((n) => n.metadata.name!),
    keysFor(event, ctx) {
      if (event.resource === 'namespaces') return event.type === 'DELETED' || !event.object.metadata.deletionTimestamp ? [] : [event.object.metadata.name!];
      // Content going away (or dropping a finalizer) in a Terminating namespace moves it along.
      const ns = event.object.metadata.namespace;
      if (!ns || event.type === 'ADDED') return [];
      return ctx.store.get('namespaces', undefined, ns)?.metadata.deletionTimestamp ? [ns] : [];
    },
    sync: syncNamespace,
  };
}

function syncNamespace(name: string, ctx: ControllerContext): void {
  const ns = ctx.store.get('namespaces', undefined, name);
  if (!ns?.metadata.deletionTimestamp) return;
  if (!(ns.spec?.finalizers ?? []).includes(NAMESPACE_FINALIZER)) {
    finishIfFinalized(ns, ctx);
    return;
  }
  const remaining = deleteAllContent(name, ctx);
  const next = clone(ns);
  next.status = { ...next.status, phase: 'Terminating', conditions: deletionConditions(ns.status?.conditions ?? [], remaining, ctx.clock.nowRfc3339()) };
  if (stableJson(next.status) !== stableJson(ns.status)) ctx.client.updateStatus('namespaces', undefined, next);
  if (remaining.resources.size > 0) {
    ctx.requeueAfter(name, remaining.estimateMs > 0 ? remaining.estimateMs : RECHECK_MS);
    return;
  }
  const latest = ctx.store.get('namespaces', undefined, name);
  if (!latest) return;
  const finalized = clone(latest);
  finalized.spec = { ...finalized.spec, finalizers: (latest.spec?.finalizers ?? []).filter((f: string) => f !== NAMESPACE_FINALIZER) };
  if (finalized.spec.finalizers.length === 0) delete finalized.spec.finalizers;
  const r = ctx.client.update('namespaces', undefined, finalized);
  if (r.ok) finishIfFinalized(r.value.object, ctx);
}

/** A namespace with no finalizers left in spec or metadata is removed (the registry's last step). */
function finishIfFinalized(ns: KubeObject, ctx: ControllerContext): void {
  if ((ns.spec?.finalizers ?? []).length > 0 || (ns.metadata.finalizers ?? []).length > 0) return;
  ctx.finalizeDelete('namespaces', undefined, ns.metadata.name!);
}

/**
 * deleteAllContent: a delete for every object not already going, then a count of what is
 * still there, by resource and by finalizer, with the longest pod grace period left.
 */
function deleteAllContent(namespace: string, ctx: ControllerContext): Remaining {
  const remaining: Remaining = { resources: new Map(), finalizers: new Map(), estimateMs: 0 };
  const now = ctx.clock.now();
  for (const t of CONTENT) {
    for (const obj of ctx.store.list(t.resource, namespace)) {
      if (!obj.metadata.deletionTimestamp) ctx.client.delete(t.resource, namespace, obj.metadata.name!);
    }
    const left = ctx.store.list(t.resource, namespace);
    if (left.length === 0) continue;
    remaining.resources.set(`${t.resource}.${t.group}`, left.length);
    for (const obj of left) {
      for (const f of obj.metadata.finalizers ?? []) remaining.finalizers.set(f, (remaining.finalizers.get(f) ?? 0) + 1);
      if (t.resource === 'pods' && obj.metadata.deletionTimestamp) {
        const due = Date.parse(obj.metadata.deletionTimestamp) + (obj.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
        remaining.estimateMs = Math.max(remaining.estimateMs, due - now);
      }
    }
  }
  return remaining;
}
