/**
 * What a controller is: handlers that only work out which keys an event makes dirty, and
 * one `sync(key)` that reads current state, compares it with the desired state, acts and
 * writes status. The cluster loop runs them until the cluster is quiet.
 */
import type { ApiClient } from '../api/client.js';
import type { IndexedStoreReader } from '../api/store.js';
import type { KubeObject, WatchEvent } from '../api/types.js';
import type { Clock } from '../clock.js';
import type { EventType } from '../events.js';
import type { Random } from '../random.js';

/** What a controller may use while it syncs. */
export interface ControllerContext {
  /** The API, as this controller's identity. Writes go through the full request path. */
  readonly client: ApiClient;
  /** Fast read-only listers over the store (frozen objects: copy before changing). */
  readonly store: IndexedStoreReader;
  readonly clock: Clock;
  readonly random: Random;
  /** Records an event from this controller (source component = the controller's name). */
  event(object: KubeObject, type: EventType, reason: string, message: string, opts?: { host?: string; fieldPath?: string; component?: string }): void;
  /** Syncs the key again after a delay in virtual time (a resync or a deadline). */
  requeueAfter(key: string, delayMs: number): void;
  /** Syncs the key again in this same settle pass. */
  enqueue(key: string): void;
  /** Removes an object whose deletion has completed (the kubelet's and finalizers' last step). */
  finalizeDelete(resource: string, namespace: string | undefined, name: string): void;
}

export interface Controller {
  /** The event source name: `deployment-controller`, `default-scheduler`, `kubelet`. */
  readonly name: string;
  /** Resources whose changes this controller wants to hear about. */
  readonly watches: readonly string[];
  /** The keys an event makes dirty (usually `namespace/name` of the owning object). */
  keysFor(event: WatchEvent, ctx: ControllerContext): readonly string[];
  /** Reconciles one key. */
  sync(key: string, ctx: ControllerContext): void;
  /** Keys to sync when the controller starts (e.g. every existing object). */
  initialKeys?(ctx: ControllerContext): readonly string[];
}

/** `namespace/name`, or `name` for cluster-scoped objects: the usual queue key. */
export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** The controlling owner reference of an object, if any. */
export function controllerOf(obj: KubeObject): { kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}
