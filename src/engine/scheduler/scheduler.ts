/**
 * The kube-scheduler as a controller: event handlers keep the cache current and work out
 * which pending pods a change may help; `sync(pod)` runs one scheduling attempt when the
 * pod is due and acts on it.
 */
import type { KubeObject, WatchEvent } from '../api/types.js';
import type { Controller, ControllerContext } from '../controllers/types.js';
import { SchedulerCache } from './cache.js';
import { bindPod, handleFailure } from './cycle.js';
import { schedulePod } from './framework.js';
import { SchedulingQueue, UNSCHEDULABLE_FLUSH_MS } from './queue.js';
import { defaultProfile, type Profile } from './registry.js';
import { podKey } from './types.js';
import { BIND_TIMEOUT_MS, reserveVolumes, volumesBound } from './volume-binder.js';

/** Whether this scheduler owns a pod that still needs a node. */
export function isPendingForUs(pod: KubeObject, schedulerName: string): boolean {
  if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) return false;
  if ((pod.spec?.schedulingGates ?? []).length > 0) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return (pod.spec?.schedulerName || 'default-scheduler') === schedulerName;
}

/** What of a pod the scheduler reacts to: not its status, nor its resourceVersion. */
function schedulingView(pod: KubeObject | undefined): string {
  return JSON.stringify([pod?.spec, pod?.metadata.labels, pod?.metadata.annotations]);
}

/** What of a node can change where pods fit (nodeSchedulingPropertiesChange), heartbeats aside. */
function nodeView(node: KubeObject | undefined): string {
  const conditions = (node?.status?.conditions ?? []).map((c: KubeObject) => [c.type, c.status]);
  return JSON.stringify([node?.metadata.labels, node?.spec?.taints, node?.spec?.unschedulable, node?.status?.allocatable, conditions]);
}

const VOLUME_RESOURCES = new Set(['persistentvolumeclaims', 'persistentvolumes', 'storageclasses']);

export class Scheduler implements Controller {
  readonly name: string;
  readonly watches = ['pods', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses'];
  private cache: SchedulerCache | undefined;
  private readonly queue = new SchedulingQueue();

  constructor(private readonly profile: Profile = defaultProfile()) {
    this.name = profile.schedulerName;
  }

  private cacheFor(ctx: ControllerContext): SchedulerCache {
    return (this.cache ??= SchedulerCache.fromStore(ctx.store));
  }

  initialKeys(ctx: ControllerContext): string[] {
    this.cacheFor(ctx);
    return ctx.store
      .list('pods')
      .filter((p) => isPendingForUs(p, this.name))
      .map(podKey);
  }

  keysFor(event: WatchEvent, ctx: ControllerContext): string[] {
    const cache = this.cacheFor(ctx);
    const obj = event.object;
    if (event.resource === 'nodes') {
      if (event.type === 'DELETED') cache.removeNode(obj.metadata.name!);
      else cache.setNode(obj);
      if (event.type === 'MODIFIED' && nodeView(event.oldObject) === nodeView(obj)) return [];
      return event.type === 'DELETED' ? [] : this.queue.move();
    }
    if (VOLUME_RESOURCES.has(event.resource)) return [...this.queue.move(['VolumeBinding']), ...this.queue.waiting()];
    return this.podEvent(event, cache);
  }

  private podEvent(event: WatchEvent, cache: SchedulerCache): string[] {
    const pod = event.object;
    const key = podKey(pod);
    const queued = this.queue.get(key);
    const wasPlaced = cache.nodeOf(key) !== undefined;
    if (event.type === 'DELETED') {
      this.queue.forget(key);
      cache.removePod(key);
      // Freed room may help any parked pod (AssignedPodDelete).
      return wasPlaced ? this.queue.move() : [];
    }
    if (queued?.state === 'waiting' && !pod.spec?.nodeName) cache.assume(pod, queued.reservedNode!);
    else cache.setPod(pod);
    const placed = cache.nodeOf(key) !== undefined;
    if (wasPlaced && !placed) return this.queue.move();
    if (pod.spec?.nodeName) {
      this.queue.forget(key);
      const labelsChanged = JSON.stringify(event.oldObject?.metadata.labels) !== JSON.stringify(pod.metadata.labels);
      const newlyPlaced = !event.oldObject?.spec?.nodeName;
      return newlyPlaced || labelsChanged ? this.queue.move(['InterPodAffinity', 'PodTopologySpread']) : [];
    }
    if (!isPendingForUs(pod, this.name)) return [];
    if (!queued) return [key];
    if (event.type === 'MODIFIED' && schedulingView(event.oldObject) !== schedulingView(pod) && this.queue.moveOne(key)) return [key];
    return [];
  }

  sync(key: string, ctx: ControllerContext): void {
    const i = key.indexOf('/');
    const pod = ctx.store.get('pods', key.slice(0, i), key.slice(i + 1));
    const cache = this.cacheFor(ctx);
    if (!pod || !isPendingForUs(pod, this.name)) {
      const q = this.queue.get(key);
      if (q?.state === 'waiting' && !pod?.spec?.nodeName) cache.removePod(key);
      this.queue.forget(key);
      return;
    }
    const q = this.queue.entry(key);
    const now = ctx.clock.now();
    if (q.state === 'waiting') return this.finishVolumeWait(pod, key, ctx);
    if (q.state === 'unschedulable') {
      // Only the leftover flush retries a parked pod that no change has moved.
      if (now < q.parkedAt + UNSCHEDULABLE_FLUSH_MS) return;
      q.state = 'backoff';
    }
    if (q.state === 'backoff' && now < q.backoffUntil) {
      ctx.requeueAfter(key, q.backoffUntil - now);
      return;
    }
    this.attempt(pod, key, ctx);
  }

  private attempt(pod: KubeObject, key: string, ctx: ControllerContext): void {
    const cache = this.cacheFor(ctx);
    const q = this.queue.entry(key);
    q.attempts++;
    const nodes = cache.nodes();
    const decision = nodes.length === 0 ? undefined : schedulePod(this.profile, pod, nodes, ctx.store);
    if (decision?.ok) {
      cache.assume(pod, decision.node);
      const reserved = reserveVolumes(pod, cache.nodeInfo(decision.node)?.node, ctx.store, ctx.client);
      if ('error' in reserved) return this.fail(pod, key, ctx, `running PreBind plugin "VolumeBinding": ${reserved.error}`);
      if (reserved.wait) {
        q.state = 'waiting';
        q.reservedNode = decision.node;
        q.reservedAt = ctx.clock.now();
        ctx.requeueAfter(key, BIND_TIMEOUT_MS);
        return;
      }
      const err = bindPod(pod, decision.node, cache, ctx);
      if (err) this.fail(pod, key, ctx, `Binding rejected: ${err}`);
      else this.queue.forget(key);
      return;
    }
    const rejectors = handleFailure(this.profile, pod, decision?.diagnosis, cache, ctx);
    this.park(key, ctx, rejectors);
  }

  /** An error after a node was chosen: forget the reservation, report, retry after back-off. */
  private fail(pod: KubeObject, key: string, ctx: ControllerContext, message: string): void {
    this.cacheFor(ctx).removePod(key);
    ctx.event(pod, 'Warning', 'FailedScheduling', message);
    const q = this.park(key, ctx, []);
    // Errors go to back-off, not to the unschedulable pods (they may be transient).
    q.state = 'backoff';
    ctx.requeueAfter(key, q.backoffUntil - ctx.clock.now());
  }

  private park(key: string, ctx: ControllerContext, rejectors: string[]) {
    const q = this.queue.park(key, ctx.clock.now(), rejectors);
    ctx.requeueAfter(key, UNSCHEDULABLE_FLUSH_MS);
    return q;
  }

  private finishVolumeWait(pod: KubeObject, key: string, ctx: ControllerContext): void {
    const q = this.queue.entry(key);
    if (volumesBound(pod, ctx.store)) {
      const err = bindPod(pod, q.reservedNode!, this.cacheFor(ctx), ctx);
      if (err) this.fail(pod, key, ctx, `Binding rejected: ${err}`);
      else this.queue.forget(key);
      return;
    }
    if (ctx.clock.now() >= q.reservedAt! + BIND_TIMEOUT_MS) {
      this.fail(pod, key, ctx, 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded');
    }
  }
}
