/**
 * The garbage collector (pkg/controller/garbagecollector): deletes objects whose owners
 * are all gone (Background), deletes an owner's dependents before the owner when it
 * carries the `foregroundDeletion` finalizer (Foreground), and strips an owner from its
 * dependents' ownerReferences when it carries the `orphan` finalizer (Orphan).
 */
import { RESOURCE_TYPES, typeForKind } from '../../api/discovery.js';
import { clone } from '../../api/store.js';
import type { KubeObject, OwnerReference } from '../../api/types.js';
import type { Controller, ControllerContext } from '../types.js';
import { OwnerGraph, idKey, idOf, parseIdKey, type ObjectId } from './graph.js';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

/** Every resource that can be listed: any object may name an owner. */
const WATCHED = RESOURCE_TYPES.filter((t) => t.verbs.includes('list') && t.resource !== 'componentstatuses').map((t) => t.resource);

const ATTEMPT = 'attempt:';
const OWNER = 'owner:';

/** The garbage-collector-controller. Each call makes a collector with its own graph. */
export function createGarbageCollectorController(): Controller {
  const graph = new OwnerGraph();

  /** Keys for the owners, still present, that an object named (they may be waiting on it). */
  const ownerKeys = (uids: readonly string[]): string[] => uids.map((u) => graph.keyOfUid(u)).filter((k): k is string => !!k).map((k) => OWNER + k);

  return {
    name: 'garbage-collector-controller',
    watches: WATCHED,
    initialKeys(ctx) {
      const keys: string[] = [];
      for (const resource of WATCHED) {
        for (const obj of ctx.store.list(resource)) {
          graph.observe(resource, obj);
          const key = idKey(idOf(resource, obj));
          if (obj.metadata.ownerReferences?.length) keys.push(ATTEMPT + key);
          if (obj.metadata.deletionTimestamp && hasGcFinalizer(obj)) keys.push(OWNER + key);
        }
      }
      return keys;
    },
    keysFor(event) {
      const { resource, object, oldObject } = event;
      // Most changes (status writes, lease renewals) keep the uid and the owners, which the
      // graph already holds from the previous version: nothing to record, nothing to do.
      if (event.type === 'MODIFIED' && oldObject && oldObject.metadata.uid === object.metadata.uid && !object.metadata.deletionTimestamp && sameOwners(oldObject, object)) return [];
      const key = idKey(idOf(resource, object));
      if (event.type === 'DELETED') {
        const owners = graph.forget(resource, object);
        // Dependents of a vanished owner may now be orphans; owners waiting on it may finish.
        return [...graph.dependentsOf(object.metadata.uid).map((k) => ATTEMPT + k), ...ownerKeys(owners)];
      }
      const changed = graph.observe(resource, object);
      const keys: string[] = [];
      if (changed && object.metadata.ownerReferences?.length) keys.push(ATTEMPT + key);
      // A dependent dropping an owner reference may unblock that owner.
      if (changed && event.oldObject) keys.push(...ownerKeys((event.oldObject.metadata.ownerReferences ?? []).map((r) => r.uid)));
      if (object.metadata.deletionTimestamp && hasGcFinalizer(object)) keys.push(OWNER + key);
      return keys;
    },
    sync(key, ctx) {
      if (key.startsWith(OWNER)) processDeletingOwner(parseIdKey(key.slice(OWNER.length)), graph, ctx);
      else attemptToDelete(parseIdKey(key.slice(ATTEMPT.length)), graph, ctx);
    },
  };
}

function sameOwners(a: KubeObject, b: KubeObject): boolean {
  const x = a.metadata.ownerReferences ?? [];
  const y = b.metadata.ownerReferences ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]!.uid !== y[i]!.uid) return false;
  return true;
}

function hasGcFinalizer(obj: KubeObject): boolean {
  const f = obj.metadata.finalizers ?? [];
  return f.includes(FOREGROUND_FINALIZER) || f.includes(ORPHAN_FINALIZER);
}

function getObject(id: ObjectId, ctx: ControllerContext): KubeObject | undefined {
  return ctx.store.get(id.resource, id.namespace || undefined, id.name);
}

type OwnerState = 'solid' | 'dangling' | 'waiting';

/** Whether the referenced owner exists (same uid), and whether it waits for its dependents. */
function classify(ref: OwnerReference, dependent: KubeObject, ctx: ControllerContext): OwnerState {
  const t = typeForKind(ref.kind);
  // A kind this server does not serve cannot be looked up; never collect on a guess.
  if (!t) return 'solid';
  const owner = ctx.store.get(t.resource, t.namespaced ? dependent.metadata.namespace : undefined, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) return 'waiting';
  return 'solid';
}

/** attemptToDeleteItem: collect an object none of whose owners remain. */
function attemptToDelete(id: ObjectId, graph: OwnerGraph, ctx: ControllerContext): void {
  const obj = getObject(id, ctx);
  if (!obj) return;
  if (obj.metadata.deletionTimestamp) {
    if ((obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) ctx.enqueue(OWNER + idKey(id));
    return;
  }
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const states = refs.map((r) => classify(r, obj, ctx));
  const solid = states.filter((s) => s === 'solid').length;
  const waiting = states.filter((s) => s === 'waiting').length;
  if (solid > 0) {
    if (solid === refs.length) return;
    // Drop references to gone owners and to owners waiting on us, or those owners would wait forever.
    const next = clone(obj);
    next.metadata.ownerReferences = refs.filter((_, i) => states[i] === 'solid');
    ctx.client.update(id.resource, id.namespace || undefined, next);
    return;
  }
  let policy: 'Background' | 'Foreground' | 'Orphan' = 'Background';
  if (waiting > 0 && graph.dependentsOf(obj.metadata.uid).length > 0) policy = 'Foreground';
  else if ((obj.metadata.finalizers ?? []).includes(ORPHAN_FINALIZER)) policy = 'Orphan';
  else if ((obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) policy = 'Foreground';
  ctx.client.delete(id.resource, id.namespace || undefined, id.name, { propagationPolicy: policy });
}

/** Orphans dependents or waits for them to go, then removes the owner's GC finalizer. */
function processDeletingOwner(id: ObjectId, graph: OwnerGraph, ctx: ControllerContext): void {
  const owner = getObject(id, ctx);
  if (!owner?.metadata.deletionTimestamp) return;
  const finalizers = owner.metadata.finalizers ?? [];
  const uid = owner.metadata.uid;
  if (finalizers.includes(ORPHAN_FINALIZER)) {
    for (const depKey of graph.dependentsOf(uid)) {
      const dep = getObject(parseIdKey(depKey), ctx);
      if (!dep) continue;
      const next = clone(dep);
      const refs = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (refs.length > 0) next.metadata.ownerReferences = refs;
      else delete next.metadata.ownerReferences;
      const r = ctx.client.update(parseIdKey(depKey).resource, dep.metadata.namespace, next);
      if (r.ok) graph.observe(parseIdKey(depKey).resource, r.value.object);
    }
    removeFinalizer(id, owner, ORPHAN_FINALIZER, ctx);
    return;
  }
  if (!finalizers.includes(FOREGROUND_FINALIZER)) return;
  const dependents = graph.dependentsOf(uid);
  const blocking = dependents.filter((k) => {
    const dep = getObject(parseIdKey(k), ctx);
    return dep?.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion);
  });
  if (blocking.length === 0) {
    removeFinalizer(id, owner, FOREGROUND_FINALIZER, ctx);
    return;
  }
  for (const k of dependents) ctx.enqueue(ATTEMPT + k);
}

function removeFinalizer(id: ObjectId, owner: KubeObject, finalizer: string, ctx: ControllerContext): void {
  const next = clone(owner);
  const rest = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (rest.length > 0) next.metadata.finalizers = rest;
  else delete next.metadata.finalizers;
  const r = ctx.client.update(id.resource, id.namespace || undefined, next);
  // The API server completes most deletions when the last finalizer goes; a pod no kubelet
  // will stop (unscheduled or finished) is removed here in its place.
  if (r.ok && rest.length === 0 && owner.kind === 'Pod' && (!owner.spec?.nodeName || ['Succeeded', 'Failed'].includes(owner.status?.phase))) {
    ctx.finalizeDelete('pods', owner.metadata.namespace, owner.metadata.name!);
  }
}
