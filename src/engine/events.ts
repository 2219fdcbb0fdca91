/**
 * The event recorder (client-go's record package): writes core/v1 Events for objects, and
 * folds a repeat of the same event into a count, as the event correlator does, so that
 * describe shows `(x4 over 62s)`.
 */
import type { Clock } from './clock.js';
import type { Store } from './api/store.js';
import type { KubeObject } from './api/types.js';

export type EventType = 'Normal' | 'Warning';

/** Who reports an event: `kubelet` on `node01`, `deployment-controller`, `default-scheduler`. */
export interface EventSource {
  readonly component: string;
  readonly host?: string;
}

export interface EventRecorder {
  /** Records an event about an object; `fieldPath` names a container (`spec.containers{web}`). */
  record(object: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void;
}

/** How long events live (the API server's --event-ttl default). */
export const EVENT_TTL_MS = 60 * 60 * 1000;

export class StoreEventRecorder implements EventRecorder {
  private sequence = 0;
  /** Aggregation key -> event name, for folding repeats. */
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  record(object: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const namespace = object.metadata.namespace ?? 'default';
    const involved = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: object.metadata.name!,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    };
    if (!involved.namespace) delete involved.namespace;
    const key = [source.component, source.host ?? '', involved.kind, namespace, involved.name, involved.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const now = this.clock.nowRfc3339();
    const existingName = this.recent.get(key);
    const existing = existingName ? this.store.get('events', namespace, existingName) : undefined;
    if (existing) {
      const ev: KubeObject = { ...existing, metadata: { ...existing.metadata } };
      ev.count = (ev.count ?? 1) + 1;
      ev.lastTimestamp = now;
      ev.metadata.resourceVersion = String(this.store.nextResourceVersion());
      this.store.put('events', ev);
      return;
    }
    // Real event names are `<object>.<UnixNano in hex>`; the sequence keeps two events in one
    // virtual millisecond apart.
    const nanos = BigInt(this.clock.now()) * 1000000n + BigInt(this.sequence++ % 1000000);
    const name = `${involved.name}.${nanos.toString(16)}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: String(this.store.nextResourceVersion()), creationTimestamp: now },
      involvedObject: involved,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component === 'kubelet' ? 'kubelet' : source.component,
      reportingInstance: source.host ?? '',
    };
    event.metadata.uid = `${name}-uid`;
    this.recent.set(key, name);
    this.store.put('events', event);
  }

  /** Drops events older than the TTL, as etcd's lease on them would. */
  expire(): void {
    const cutoff = this.clock.now() - EVENT_TTL_MS;
    for (const ev of this.store.list('events')) {
      if (Date.parse(ev.lastTimestamp ?? ev.metadata.creationTimestamp) < cutoff) this.store.remove('events', ev.metadata.namespace, ev.metadata.name!);
    }
  }
}
