/**
 * The scheduling queue's bookkeeping (internal/queue/scheduling_queue.go), minus the
 * goroutines: where each pending pod stands — never tried or due (active), waiting out a
 * back-off, parked as unschedulable until a relevant change, or reserved on a node while
 * its volumes bind — and when it may be tried again.
 */

/** podInitialBackoffDuration and podMaxBackoffDuration of the default configuration. */
export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: a parked pod is retried after this even with no change. */
export const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

export type QueueState = 'active' | 'backoff' | 'unschedulable' | 'waiting';

/** What the scheduler remembers about one pending pod. */
export interface QueuedPod {
  state: QueueState;
  /** Scheduling attempts so far. */
  attempts: number;
  /** When the last attempt's back-off ends. */
  backoffUntil: number;
  /** When the pod was parked as unschedulable. */
  parkedAt: number;
  /** Plugins that rejected it last time: only changes they care about retry it. */
  rejectors: Set<string>;
  /** While waiting for volumes: the node it is reserved on, and since when. */
  reservedNode?: string;
  reservedAt?: number;
}

/** calculateBackoffDuration: 1s, 2s, 4s, 8s, then 10s. */
export function backoffFor(attempts: number): number {
  let d = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > MAX_BACKOFF_MS) return MAX_BACKOFF_MS;
  }
  return d;
}

export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPod>();

  get(key: string): QueuedPod | undefined {
    return this.pods.get(key);
  }

  /** The entry of a pod, created active when first seen. */
  entry(key: string): QueuedPod {
    let q = this.pods.get(key);
    if (!q) {
      q = { state: 'active', attempts: 0, backoffUntil: 0, parkedAt: 0, rejectors: new Set() };
      this.pods.set(key, q);
    }
    return q;
  }

  forget(key: string): void {
    this.pods.delete(key);
  }

  /** Parks a pod after a failed attempt. */
  park(key: string, now: number, rejectors: Iterable<string>): QueuedPod {
    const q = this.entry(key);
    q.state = 'unschedulable';
    q.parkedAt = now;
    q.backoffUntil = now + backoffFor(q.attempts);
    q.rejectors = new Set(rejectors);
    q.reservedNode = undefined;
    q.reservedAt = undefined;
    return q;
  }

  /**
   * Moves parked pods that a change may help (all of them when `plugins` is undefined) to
   * back-off or active; returns their keys.
   */
  move(plugins?: readonly string[]): string[] {
    const out: string[] = [];
    for (const [key, q] of this.pods) {
      if (q.state !== 'unschedulable') continue;
      if (plugins && !plugins.some((p) => q.rejectors.has(p))) continue;
      q.state = 'backoff';
      out.push(key);
    }
    return out;
  }

  /** Moves one parked pod (its own spec or labels changed). */
  moveOne(key: string): boolean {
    const q = this.pods.get(key);
    if (q?.state !== 'unschedulable') return false;
    q.state = 'backoff';
    return true;
  }

  /** Keys of pods reserved on a node while their volumes bind. */
  waiting(): string[] {
    return [...this.pods].filter(([, q]) => q.state === 'waiting').map(([k]) => k);
  }
}
