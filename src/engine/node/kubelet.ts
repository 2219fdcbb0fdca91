/**
 * The kubelet as a controller: one per node, named `kubelet`, reporting events as
 * `{component: kubelet, host: <node>}`. Its keys are the pods bound to its node and a
 * heartbeat; everything a pod does next is a timer on virtual time.
 */
import type { KubeObject, WatchEvent } from '../api/types.js';
import type { Controller, ControllerContext } from '../controllers/types.js';
import type { NodeAgent } from './agent.js';
import { heartbeat, LEASE_RENEW_MS } from './heartbeat.js';
import { admitPod, runPod, stopPod } from './pod-worker.js';
import type { PodRuntime, SyncEnv } from './runtime.js';
import { buildPodStatus } from './status.js';

const HEARTBEAT_KEY = '\u0000heartbeat';
/** Resources whose objects a waiting pod may be waiting for. */
const DEPENDENCIES = new Set(['configmaps', 'secrets', 'persistentvolumeclaims']);

/** Builds the kubelet controller of one node. */
export function kubeletController(agent: NodeAgent): Controller {
  return {
    name: 'kubelet',
    watches: ['pods', 'configmaps', 'secrets', 'persistentvolumeclaims'],
    initialKeys(ctx) {
      agent.ctx = ctx;
      return [HEARTBEAT_KEY, ...podKeys(agent, ctx)];
    },
    keysFor(e, ctx) {
      agent.ctx = ctx;
      if (e.resource === 'pods') return podEventKeys(agent, e);
      if (!DEPENDENCIES.has(e.resource)) return [];
      const ns = e.object.metadata.namespace;
      const source = `${e.resource}/${e.object.metadata.name}`;
      const keys: string[] = [];
      for (const rt of agent.pods.values()) {
        if (rt.namespace !== ns) continue;
        if (rt.blocked) keys.push(rt.key);
        else if (e.type !== 'DELETED' && rt.volumeSources.has(source)) {
          // Its projected files are stale: the pod's next periodic sync remounts them.
          rt.volumesStale = true;
          keys.push(rt.key);
        }
      }
      return keys;
    },
    sync(key, ctx) {
      agent.ctx = ctx;
      if (key === HEARTBEAT_KEY) {
        if (!agent.running) return;
        heartbeat(agent, ctx);
        ctx.requeueAfter(HEARTBEAT_KEY, LEASE_RENEW_MS);
        return;
      }
      syncPodKey(agent, ctx, key);
    },
  };
}

/** Keys of every pod bound to the node. */
export function podKeys(agent: NodeAgent, ctx: ControllerContext): string[] {
  return ctx.store
    .list('pods')
    .filter((p) => p.spec?.nodeName === agent.node)
    .map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
}

function podEventKeys(agent: NodeAgent, e: WatchEvent): string[] {
  const obj = e.object;
  const mine = obj.spec?.nodeName === agent.node || e.oldObject?.spec?.nodeName === agent.node;
  if (!mine) return [];
  const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
  // The echo of the kubelet's own status write changes nothing it does.
  if (e.type === 'MODIFIED' && agent.pods.get(key)?.lastWrite === obj.metadata.resourceVersion) return [];
  return [key];
}

/** Syncs one pod key. */
function syncPodKey(agent: NodeAgent, ctx: ControllerContext, key: string): void {
  const [namespace, name] = splitPodKey(key);
  const pod = ctx.store.get('pods', namespace, name);
  let rt = agent.pods.get(key);
  if (rt && (!pod || pod.metadata.uid !== rt.uid || pod.spec?.nodeName !== agent.node)) {
    teardown(agent, rt);
    rt = undefined;
  }
  if (!pod || pod.spec?.nodeName !== agent.node || !agent.running) return;
  const now = ctx.clock.now();
  if (!rt) {
    if (pod.metadata.deletionTimestamp) {
      ctx.finalizeDelete('pods', namespace, name);
      return;
    }
    rt = admitPod(pod, now);
    agent.pods.set(key, rt);
  }
  if (rt.timerAt !== undefined && rt.timerAt <= now) rt.timerAt = undefined;
  let wakeAt = Infinity;
  const env: SyncEnv = { ctx, now, pod, rt, wake: (at) => (wakeAt = Math.min(wakeAt, Math.max(at, now + 1))) };
  if (pod.metadata.deletionTimestamp) {
    const done = stopPod(agent, env);
    if (done) {
      if (rt.containers.some((c) => c.current)) {
        rt.finished = true;
        rt.dirty = true;
        writeStatus(agent, ctx, rt);
      }
      ctx.finalizeDelete('pods', namespace, name);
      teardown(agent, rt);
      return;
    }
  } else runPod(agent, env);
  writeStatus(agent, ctx, rt);
  if (wakeAt !== Infinity && (rt.timerAt === undefined || wakeAt < rt.timerAt)) {
    rt.timerAt = wakeAt;
    ctx.requeueAfter(key, wakeAt - now);
  }
}

function splitPodKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Writes the pod status when it differs from what was last written. */
function writeStatus(agent: NodeAgent, ctx: ControllerContext, rt: PodRuntime): void {
  if (!rt.dirty) return;
  rt.dirty = false;
  const pod = ctx.store.get('pods', rt.namespace, rt.name);
  if (!pod || pod.metadata.uid !== rt.uid) return;
  const status = buildPodStatus(pod, rt, ctx.clock.now(), agent.nodeIP(ctx));
  const text = JSON.stringify(status);
  if (text === rt.lastStatus) return;
  const merged = { ...status, ...(pod.status?.nominatedNodeName ? { nominatedNodeName: pod.status.nominatedNodeName } : {}) };
  const r = ctx.client.updateStatus('pods', rt.namespace, { ...pod, status: merged } as KubeObject);
  if (r.ok) {
    rt.lastStatus = text;
    rt.lastWrite = r.value.object.metadata.resourceVersion;
  }
}

/** Forgets a pod: its processes are gone, its IP returns to the pool. */
export function teardown(agent: NodeAgent, rt: PodRuntime): void {
  for (const c of [...rt.containers, ...rt.ephemeral]) {
    if (c.pull && agent.ctx) agent.images.cancel(c.pull, agent.ctx.clock.now());
    const p = c.current?.process;
    if (p && c.current!.exitCode === undefined) p.signal('SIGKILL');
  }
  if (rt.ip && (!agent.ctx || rt.ip !== agent.nodeIP(agent.ctx))) agent.network.releasePodIP(agent.node, rt.uid);
  agent.pods.delete(rt.key);
  for (const c of [...rt.containers, ...rt.ephemeral]) {
    agent.restartBackoff.reset(`${rt.uid}/${c.name}`);
    agent.pullBackoff.reset(`${rt.uid}_${c.spec.image}`);
  }
}
