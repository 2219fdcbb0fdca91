/**
 * The store (etcd's role): objects keyed by resource, namespace and name, a cluster-wide
 * resourceVersion counter, and a change feed that watch and the controllers read.
 * Stored objects are deep-frozen, so readers can share them safely and every writer must
 * copy, change and write back — as Kubernetes' own controllers must.
 */
import type { KubeObject, WatchEvent } from './types.js';

/** A change with the resourceVersion it produced. */
export interface StoredEvent extends WatchEvent {
  readonly resourceVersion: number;
}

/** Read-only access to stored objects: what listers, admission and checks use. */
export interface StoreReader {
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Objects of a resource, in one namespace or all, sorted by namespace then name. */
  list(resource: string, namespace?: string): readonly KubeObject[];
}

/** A reader with the owner index controllers use instead of scanning. */
export interface IndexedStoreReader extends StoreReader {
  /** Objects of a resource whose controlling owner has this uid. */
  listControlledBy(resource: string, ownerUid: string): readonly KubeObject[];
  /** Objects of a resource in a namespace without a controlling owner. */
  listOrphans(resource: string, namespace: string): readonly KubeObject[];
}

type Listener = (event: StoredEvent) => void;

/** Freezes an object and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeTree(value);
  return value;
}

/** Freezes an unfrozen object and its unfrozen insides; frozen parts are frozen all through. */
function freezeTree(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeTree(v);
    }
    return;
  }
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v: unknown = (value as Record<string, unknown>)[k];
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeTree(v);
  }
}

/** A deep, mutable copy of a stored object. */
export function clone<T>(value: T): T {
  return copy(value) as T;
}

/**
 * A deep copy of plain JSON-shaped data (what the store holds), several times faster than
 * structuredClone on small objects; anything else (Date, Map, ...) goes to structuredClone.
 */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = copy((value as Record<string, unknown>)[k]);
  return out;
}

/**
 * A deep copy that shares the frozen parts of a value (stored objects and pieces of them a
 * writer reused): they cannot change, so copying them would only cost time, and freezing
 * the result later stops at them. Unfrozen parts are copied, so freezing the result never
 * freezes the caller's objects.
 */
export function copyUnfrozen<T>(value: T): T {
  return copyShared(value) as T;
}

function copyShared(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyShared(value[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = copyShared((value as Record<string, unknown>)[k]);
  return out;
}

const HISTORY_LIMIT = 5000;

export class Store implements IndexedStoreReader {
  private revision = 0;
  /** resource -> namespace ('' for cluster-scoped) -> name -> object */
  private readonly data = new Map<string, Map<string, Map<string, KubeObject>>>();
  /** Sorted list cache per resource/namespace, dropped on write. */
  private readonly sorted = new Map<string, readonly KubeObject[]>();
  private readonly listeners = new Set<Listener>();
  /** resource -> controller owner uid (or `orphan:<namespace>`) -> `ns/name` -> object. */
  private readonly byOwner = new Map<string, Map<string, Map<string, KubeObject>>>();
  private readonly history: StoredEvent[] = [];

  /** The newest resourceVersion handed out. */
  resourceVersion(): number {
    return this.revision;
  }

  /** Reserves the next resourceVersion (the write that uses it must follow at once). */
  nextResourceVersion(): number {
    return ++this.revision;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.data.get(resource)?.get(namespace ?? '')?.get(name);
  }

  list(resource: string, namespace?: string): readonly KubeObject[] {
    const cacheKey = `${resource}\u0000${namespace ?? '\u0001'}`;
    const cached = this.sorted.get(cacheKey);
    if (cached) return cached;
    const byNs = this.data.get(resource);
    const out: KubeObject[] = [];
    if (byNs) {
      if (namespace !== undefined) {
        const names = byNs.get(namespace);
        if (names) for (const name of [...names.keys()].sort(compare)) out.push(names.get(name)!);
      } else {
        for (const ns of [...byNs.keys()].sort(compare)) {
          const names = byNs.get(ns)!;
          for (const name of [...names.keys()].sort(compare)) out.push(names.get(name)!);
        }
      }
    }
    Object.freeze(out);
    this.sorted.set(cacheKey, out);
    return out;
  }

  /** Objects of a resource whose controlling owner has this uid (an index, not a scan). */
  listControlledBy(resource: string, ownerUid: string): readonly KubeObject[] {
    return [...(this.byOwner.get(resource)?.get(ownerUid)?.values() ?? [])];
  }

  /** Objects of a resource in a namespace that have no controlling owner (adoption candidates). */
  listOrphans(resource: string, namespace: string): readonly KubeObject[] {
    return [...(this.byOwner.get(resource)?.get(`orphan:${namespace}`)?.values() ?? [])];
  }

  private index(resource: string, obj: KubeObject, add: boolean, key = ownerKey(obj)): void {
    let owners = this.byOwner.get(resource);
    if (!owners) this.byOwner.set(resource, (owners = new Map()));
    let set = owners.get(key);
    const id = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    if (add) {
      if (!set) owners.set(key, (set = new Map()));
      set.set(id, obj);
    } else if (set) {
      set.delete(id);
      if (set.size === 0) owners.delete(key);
    }
  }

  /** Counts objects of a resource without building a list. */
  count(resource: string): number {
    let n = 0;
    for (const names of this.data.get(resource)?.values() ?? []) n += names.size;
    return n;
  }

  /** Writes an object (already carrying its resourceVersion) and announces the change. */
  put(resource: string, object: KubeObject): void {
    const ns = object.metadata.namespace ?? '';
    const name = object.metadata.name!;
    let byNs = this.data.get(resource);
    if (!byNs) this.data.set(resource, (byNs = new Map()));
    let names = byNs.get(ns);
    if (!names) byNs.set(ns, (names = new Map()));
    const old = names.get(name);
    deepFreeze(object);
    names.set(name, object);
    const key = ownerKey(object);
    if (old && ownerKey(old) === key) {
      // Same owner: the entry moves to the end, as removing and adding it did (listControlledBy's order).
      const set = this.byOwner.get(resource)!.get(key)!;
      const id = `${ns}/${name}`;
      set.delete(id);
      set.set(id, object);
    } else {
      if (old) this.index(resource, old, false);
      this.index(resource, object, true, key);
    }
    this.invalidate(resource, ns);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', object, oldObject: old, resource, resourceVersion: Number(object.metadata.resourceVersion) });
  }

  /** Removes an object and announces it; the DELETED event carries a new resourceVersion. */
  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const ns = namespace ?? '';
    const names = this.data.get(resource)?.get(ns);
    const old = names?.get(name);
    if (!names || !old) return undefined;
    names.delete(name);
    this.index(resource, old, false);
    this.invalidate(resource, ns);
    const rv = this.nextResourceVersion();
    const gone = deepFreeze({ ...old, metadata: { ...old.metadata, resourceVersion: String(rv) } });
    this.emit({ type: 'DELETED', object: gone, oldObject: old, resource, resourceVersion: rv });
    return gone;
  }

  /** Calls the listener for every change from now on; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes after a resourceVersion still held in history, or undefined when too old (410 Gone). */
  since(resourceVersion: number): readonly StoredEvent[] | undefined {
    if (this.history.length > 0 && this.history[0]!.resourceVersion > resourceVersion + 1 && resourceVersion < this.revision - HISTORY_LIMIT) return undefined;
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  private invalidate(resource: string, ns: string): void {
    this.sorted.delete(`${resource}\u0000${ns}`);
    this.sorted.delete(`${resource}\u0000\u0001`);
  }

  private emit(event: StoredEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT * 2) this.history.splice(0, HISTORY_LIMIT);
    for (const l of this.listeners) l(event);
  }
}

/** The owner index's key: the controlling owner's uid, or the namespace's orphans. */
function ownerKey(obj: KubeObject): string {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller) return r.uid;
  return `orphan:${obj.metadata.namespace ?? ''}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
