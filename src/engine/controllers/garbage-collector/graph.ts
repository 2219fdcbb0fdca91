/**
 * The garbage collector's dependency graph (pkg/controller/garbagecollector/graph_builder.go),
 * reduced to two indexes kept current from watch events: which objects name an owner uid
 * in their ownerReferences, and where the object with a uid lives.
 */
import type { KubeObject } from '../../api/types.js';

/** Where an object lives: resource, namespace ('' if cluster-scoped) and name. */
export interface ObjectId {
  readonly resource: string;
  readonly namespace: string;
  readonly name: string;
}

/** A stable text key of an object's place. */
export function idKey(id: ObjectId): string {
  return `${id.resource}/${id.namespace}/${id.name}`;
}

/** Parses idKey's output (names never contain `/`). */
export function parseIdKey(key: string): ObjectId {
  const [resource, namespace, name] = key.split('/') as [string, string, string];
  return { resource, namespace, name };
}

export function idOf(resource: string, obj: KubeObject): ObjectId {
  return { resource, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name! };
}

export class OwnerGraph {
  /** owner uid -> keys of objects naming it as an owner */
  private readonly dependents = new Map<string, Set<string>>();
  /** object key -> the owner uids it names */
  private readonly owners = new Map<string, readonly string[]>();
  /** uid -> object key */
  private readonly byUid = new Map<string, string>();
  /** object key -> uid */
  private readonly uids = new Map<string, string>();

  /** Records an object's current owners; returns whether they changed. */
  observe(resource: string, obj: KubeObject): boolean {
    const key = idKey(idOf(resource, obj));
    const uid = obj.metadata.uid;
    const oldUid = this.uids.get(key);
    if (oldUid && oldUid !== uid) this.byUid.delete(oldUid);
    if (uid) {
      this.byUid.set(uid, key);
      this.uids.set(key, uid);
    }
    const next = (obj.metadata.ownerReferences ?? []).map((r) => r.uid);
    const prev = this.owners.get(key) ?? [];
    if (prev.length === next.length && prev.every((u, i) => u === next[i])) return false;
    for (const u of prev) this.dependents.get(u)?.delete(key);
    for (const u of next) {
      let set = this.dependents.get(u);
      if (!set) this.dependents.set(u, (set = new Set()));
      set.add(key);
    }
    if (next.length > 0) this.owners.set(key, next);
    else this.owners.delete(key);
    return true;
  }

  /** Drops a deleted object; returns the owner uids it named. */
  forget(resource: string, obj: KubeObject): readonly string[] {
    const key = idKey(idOf(resource, obj));
    const prev = this.owners.get(key) ?? [];
    for (const u of prev) {
      const set = this.dependents.get(u);
      set?.delete(key);
      if (set?.size === 0) this.dependents.delete(u);
    }
    this.owners.delete(key);
    const uid = this.uids.get(key);
    if (uid && this.byUid.get(uid) === key) this.byUid.delete(uid);
    this.uids.delete(key);
    return prev;
  }

  /** Keys of the objects that name this uid as an owner, sorted for a stable order. */
  dependentsOf(uid: string | undefined): string[] {
    return uid ? [...(this.dependents.get(uid) ?? [])].sort() : [];
  }

  /** The key of the object with this uid, if it is still around. */
  keyOfUid(uid: string): string | undefined {
    return this.byUid.get(uid);
  }
}
