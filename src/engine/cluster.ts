/**
 * The embedded cluster: store, API server, controllers, scheduler and (later) kubelets,
 * composed and driven on virtual time. `advance(ms)` moves time and runs every component
 * until the cluster is quiet; nothing happens between calls.
 */
import { ApiClient, type Patcher, type PodConnector } from './api/client.js';
import { ApiServer } from './api/server.js';
import { Store, type StoredEvent } from './api/store.js';
import { ADMIN_USER, type KubeObject, type UserInfo } from './api/types.js';
import { Clock, DEFAULT_EPOCH_MS } from './clock.js';
import type { Controller, ControllerContext } from './controllers/types.js';
import { StoreEventRecorder } from './events.js';
import { Random } from './random.js';
import { TimerQueue } from './timers.js';
import { DEFAULT_CLUSTER, type ClusterSpec } from './spec.js';
import { assemblePipeline, assemblePatcher } from './assembly.js';
import { defaultControllers } from './controllers/index.js';
import { bootstrapCluster } from './bootstrap.js';
import { attachClusterNetwork } from './network/attach.js';
import { installKubelets, podMetrics } from './node/index.js';
import { setPodMetricsSource } from './controllers/hpa/index.js';
import { createImageCatalog, type CatalogExtension } from './images/catalog.js';

export interface ClusterOptions {
  readonly seed?: number;
  /** Virtual epoch ms at which the cluster's story starts. */
  readonly startTime?: number;
  /** Controllers to run instead of the default set (tests of one controller). */
  readonly controllers?: readonly Controller[];
  /** Skip creating kube-system workloads and the default objects (bare API tests). */
  readonly bare?: boolean;
  /**
   * Run kubelets and the cluster network (default: yes, unless the cluster is bare or
   * runs a chosen set of controllers — tests that play the kubelet's part themselves).
   */
  readonly kubelets?: boolean;
  /** Images a lesson adds to (or overrides in) the built-in catalog, for the kubelets to pull. */
  readonly images?: CatalogExtension;
}

/** What the live panes read: one value per change, never mutated afterwards. */
export interface ClusterSnapshot {
  readonly time: number;
  readonly resourceVersion: number;
  list(resource: string, namespace?: string): readonly KubeObject[];
}

export interface Cluster {
  /** The API as a user (default: kubernetes-admin in system:masters). */
  client(user?: UserInfo | string): ApiClient;
  /** Moves virtual time forward and runs everything that falls due. */
  advance(ms: number): void;
  /** Runs everything pending at the current time. */
  settle(): void;
  now(): number;
  subscribe(listener: (snapshot: ClusterSnapshot) => void): () => void;
  snapshot(): ClusterSnapshot;
  readonly spec: ClusterSpec;
  /** Internal parts for the engine's own modules (kubelets, network); not for kubectl or lessons. */
  readonly internals: ClusterInternals;
}

/** Parts the engine's node and network layers plug into. */
export interface ClusterInternals {
  readonly store: Store;
  readonly server: ApiServer;
  readonly clock: Clock;
  readonly random: Random;
  setPodConnector(connector: PodConnector): void;
  addController(controller: Controller): void;
}

/** Turns a user name into the identity the authenticator would give it. */
export function userFor(user: UserInfo | string | undefined): UserInfo {
  if (user === undefined) return ADMIN_USER;
  if (typeof user !== 'string') return user;
  if (user === ADMIN_USER.name) return ADMIN_USER;
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
  if (sa) return { name: user, groups: ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`, 'system:authenticated'] };
  return { name: user, groups: ['system:authenticated'] };
}

/** A safety net: a controller that keeps re-queueing itself at one instant is a bug. */
const MAX_SYNCS_PER_SETTLE = 2_000_000;

class EmbeddedCluster implements Cluster {
  readonly store = new Store();
  readonly clock: Clock;
  readonly random: Random;
  readonly server: ApiServer;
  readonly recorder: StoreEventRecorder;
  private readonly controllers: Controller[] = [];
  private readonly contexts: ControllerContext[] = [];
  private readonly watchers = new Map<string, number[]>();
  private pending: StoredEvent[] = [];
  private queue: { c: number; key: string }[] = [];
  private queueHead = 0;
  /** Keys waiting in the queue, per controller index. */
  private readonly queued: Set<string>[] = [];
  private readonly timers = new TimerQueue<{ c: number; key: string }>();
  private readonly listeners = new Set<(s: ClusterSnapshot) => void>();
  private current: ClusterSnapshot;
  private connector: PodConnector | undefined;
  private patcher: Patcher;
  private lastExpiry = 0;
  readonly internals: ClusterInternals;

  constructor(
    readonly spec: ClusterSpec,
    opts: ClusterOptions,
  ) {
    this.clock = new Clock(opts.startTime ?? DEFAULT_EPOCH_MS);
    this.random = new Random(opts.seed ?? 1);
    this.server = new ApiServer(this.store, this.clock, this.random, assemblePipeline());
    this.patcher = assemblePatcher();
    this.recorder = new StoreEventRecorder(this.store, this.clock);
    this.store.subscribe((e) => this.pending.push(e));
    this.current = this.makeSnapshot();
    this.internals = {
      store: this.store,
      server: this.server,
      clock: this.clock,
      random: this.random,
      setPodConnector: (c) => (this.connector = c),
      addController: (c) => this.addController(c),
    };
  }

  client(user?: UserInfo | string): ApiClient {
    return new ApiClient(userFor(user), { server: this.server, patcher: () => this.patcher, connector: () => this.connector });
  }

  now(): number {
    return this.clock.now();
  }

  addController(controller: Controller): void {
    const index = this.controllers.length;
    this.controllers.push(controller);
    this.queued.push(new Set());
    const ctx = this.contextFor(controller, index);
    this.contexts.push(ctx);
    for (const r of controller.watches) {
      const list = this.watchers.get(r) ?? [];
      list.push(index);
      this.watchers.set(r, list);
    }
    for (const key of controller.initialKeys?.(ctx) ?? []) this.enqueue(index, key);
  }

  private contextFor(controller: Controller, index: number): ControllerContext {
    const identity: UserInfo = { name: `system:serviceaccount:kube-system:${controller.name}`, groups: ['system:masters', 'system:authenticated'] };
    return {
      client: this.client(identity),
      store: this.store,
      clock: this.clock,
      random: this.random,
      event: (object, type, reason, message, o) =>
        this.recorder.record(object, type, reason, message, { component: o?.component ?? controller.name, host: o?.host }, o?.fieldPath),
      requeueAfter: (key, delayMs) => this.timers.add(this.clock.now() + Math.max(0, delayMs), { c: index, key }),
      enqueue: (key) => this.enqueue(index, key),
      finalizeDelete: (resource, namespace, name) => this.server.finalizeDelete(resource, namespace, name),
    };
  }

  private enqueue(c: number, key: string): void {
    const queued = this.queued[c]!;
    if (queued.has(key)) return;
    queued.add(key);
    this.queue.push({ c, key });
  }

  settle(): void {
    let syncs = 0;
    for (;;) {
      if (this.pending.length > 0) {
        const events = this.pending;
        this.pending = [];
        for (const e of events) {
          const ws = this.watchers.get(e.resource);
          if (!ws) continue;
          for (const c of ws) for (const key of this.controllers[c]!.keysFor(e, this.contexts[c]!)) this.enqueue(c, key);
        }
        continue;
      }
      if (this.queueHead < this.queue.length) {
        const item = this.queue[this.queueHead++]!;
        if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
          this.queue = this.queue.slice(this.queueHead);
          this.queueHead = 0;
        }
        this.queued[item.c]!.delete(item.key);
        this.controllers[item.c]!.sync(item.key, this.contexts[item.c]!);
        if (++syncs > MAX_SYNCS_PER_SETTLE) throw new Error(`cluster did not settle: ${this.controllers[item.c]!.name} keeps syncing ${item.key}`);
        continue;
      }
      break;
    }
    this.publish();
  }

  advance(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    this.settle();
    for (let t = this.timers.peekTime(); t !== undefined && t <= target; t = this.timers.peekTime()) {
      this.clock.setTo(Math.max(t, this.clock.now()));
      while (this.timers.peekTime() === t) {
        const timer = this.timers.pop()!;
        this.enqueue(timer.payload.c, timer.payload.key);
      }
      this.settle();
    }
    this.clock.setTo(target);
    if (target - this.lastExpiry >= 60_000) {
      this.lastExpiry = target;
      this.recorder.expire();
    }
    this.settle();
  }

  /**
   * Jumps to a later time firing whatever fell due in between once, at the new time. Used
   * to age a freshly booted cluster without simulating the days it has been up.
   */
  jumpTo(target: number): void {
    this.settle();
    this.clock.setTo(target);
    while (this.timers.peekTime() !== undefined && this.timers.peekTime()! <= target) {
      const timer = this.timers.pop()!;
      this.enqueue(timer.payload.c, timer.payload.key);
    }
    this.settle();
    this.recorder.expire();
  }

  subscribe(listener: (s: ClusterSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): ClusterSnapshot {
    return this.current;
  }

  private makeSnapshot(): ClusterSnapshot {
    const store = this.store;
    return { time: this.clock.now(), resourceVersion: store.resourceVersion(), list: (r, ns) => store.list(r, ns) };
  }

  private publish(): void {
    if (this.current.resourceVersion === this.store.resourceVersion() && this.current.time === this.clock.now()) return;
    this.current = this.makeSnapshot();
    for (const l of this.listeners) l(this.current);
  }
}

/** Creates a cluster from a spec (default: controlplane, node01, node02) and a seed. */
export function createCluster(spec: ClusterSpec = DEFAULT_CLUSTER, opts: ClusterOptions = {}): Cluster {
  const start = opts.startTime ?? DEFAULT_EPOCH_MS;
  // The cluster was set up a while before the learner arrives: system objects show a
  // realistic age (3d) and kube-system has settled.
  const cluster = new EmbeddedCluster(spec, { ...opts, startTime: opts.bare ? start : start - CLUSTER_AGE_MS });
  if (!opts.bare) bootstrapCluster(cluster.client(), cluster.internals, spec);
  for (const c of opts.controllers ?? defaultControllers()) cluster.addController(c);
  if (opts.kubelets ?? (!opts.bare && !opts.controllers)) {
    attachClusterNetwork(cluster.internals);
    installKubelets(cluster, opts.images ? createImageCatalog(opts.images) : undefined);
    setPodMetricsSource(cluster.internals.store, (ns, name) => podMetrics(cluster, ns, name)?.cpuMilli);
  }
  cluster.settle();
  if (!opts.bare) {
    cluster.advance(BOOT_SETTLE_MS);
    cluster.jumpTo(start);
  }
  return cluster;
}

/** How long ago a default cluster was created. */
export const CLUSTER_AGE_MS = 3 * 24 * 3600 * 1000;
/** Virtual time given to a new cluster's system pods to start before it is aged. */
const BOOT_SETTLE_MS = 120_000;
