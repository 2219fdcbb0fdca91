/**
 * One pod's sync on its node (the kubelet's syncPod): admit it, bring up the sandbox and
 * volumes, run init containers in order and then the app containers, restart what exits
 * by the restart policy and the crash-loop back-off, and decide when the pod is finished.
 */
import type { KubeObject } from '../api/types.js';
import { goDuration } from './backoff.js';
import type { NodeAgent } from './agent.js';
import { settlePostStart, startContainer, stepContainer, stopContainer } from './containers.js';
import { ensureImage } from './image-pull.js';
import { probeStates, runDueProbes } from './probe-workers.js';
import type { ContainerRuntime, PodRuntime, SyncEnv } from './runtime.js';
import { setUpVolumes, type VolumeContext } from './volumes.js';
import { downwardMetadata, nextResync, refreshVolumes, volumeSources } from './volume-refresh.js';

/** Time to create the pod sandbox (pause container, CNI) before containers start. */
export const SANDBOX_DELAY_MS = 1000;
/** First FailedMount retry; the operation executor doubles it up to 2m2s. */
const MOUNT_RETRY_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;

/** The kubelet's first look at a pod bound to its node. */
export function admitPod(pod: KubeObject, now: number): PodRuntime {
  const containers: ContainerRuntime[] = [];
  const add = (spec: KubeObject['spec'], kind: ContainerRuntime['kind']) =>
    containers.push({ name: spec.name, kind, spec, restartCount: 0, ready: false, started: false, probes: probeStates(spec, now) });
  for (const c of pod.spec?.initContainers ?? []) add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init');
  for (const c of pod.spec?.containers ?? []) add(c, 'app');
  return {
    key: `${pod.metadata.namespace}/${pod.metadata.name}`,
    uid: pod.metadata.uid!,
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name!,
    admittedAt: now,
    sandboxAt: now + SANDBOX_DELAY_MS,
    emptyDirs: new Map(),
    containers,
    ephemeral: [],
    pidCounters: new Map(),
    volumeSources: volumeSources(pod),
    projectsMetadata: projectsMetadata(pod),
    volumesStale: false,
    blocked: false,
    finished: false,
    dirty: true,
  };
}

/** `name_namespace(uid)`, as format.Pod prints a pod in kubelet messages. */
export function formatPod(rt: PodRuntime): string {
  return `${rt.name}_${rt.namespace}(${rt.uid})`;
}

/** Refreshes the container specs (only images change on a live pod). */
function refreshSpecs(env: SyncEnv): void {
  const specs = [...(env.pod.spec?.initContainers ?? []), ...(env.pod.spec?.containers ?? [])];
  for (const c of env.rt.containers) {
    const spec = specs.find((s) => s.name === c.name);
    if (spec && spec !== c.spec) c.spec = spec;
  }
}

/** What volume set-up and refresh read about the pod and its node. */
function volumeContext(agent: NodeAgent, env: SyncEnv): VolumeContext {
  const { ctx, pod, rt } = env;
  return {
    store: ctx.store,
    pod,
    node: agent.node,
    podIP: rt.ip ?? '',
    hostIP: agent.nodeIP(ctx),
    nodeAllocatable: agent.nodeObject(ctx)?.status?.allocatable ?? {},
    stores: agent.volumes,
    emptyDirs: rt.emptyDirs,
  };
}

/** Whether a downwardAPI volume file (plain or projected) shows the pod's labels or annotations. */
function projectsMetadata(pod: KubeObject): boolean {
  const items = (pod.spec?.volumes ?? []).flatMap((v: KubeObject['spec']) => [
    ...(v.downwardAPI?.items ?? []),
    ...(v.projected?.sources ?? []).flatMap((s: KubeObject['spec']) => s.downwardAPI?.items ?? []),
  ]);
  return items.some((it: KubeObject['spec']) => /^metadata\.(labels|annotations)/.test(it.fieldRef?.fieldPath ?? ''));
}

/**
 * Remounts projected volumes when due: at the periodic sync after a ConfigMap or Secret
 * they read changed, at once after the pod's own labels or annotations changed (a pod
 * update syncs the pod).
 */
function syncProjectedVolumes(agent: NodeAgent, env: SyncEnv): void {
  const { rt, pod, now } = env;
  if (!rt.volumes) return;
  if (rt.volumesStale) {
    rt.volumesStale = false;
    rt.volumeRefreshAt ??= nextResync(rt, now);
  }
  if (rt.projectsMetadata) {
    const meta = downwardMetadata(pod);
    if (meta !== rt.volumeMetadata) {
      rt.volumeMetadata = meta;
      rt.volumeRefreshAt = now;
    }
  }
  if (rt.volumeRefreshAt === undefined) return;
  if (now < rt.volumeRefreshAt) {
    env.wake(rt.volumeRefreshAt);
    return;
  }
  rt.volumeRefreshAt = undefined;
  refreshVolumes(volumeContext(agent, env), rt.volumes);
}

/** Sets up the sandbox and volumes; false while the pod cannot start containers yet. */
function ensureSandbox(agent: NodeAgent, env: SyncEnv): boolean {
  const { rt, pod, now, ctx } = env;
  if (now < rt.sandboxAt) {
    env.wake(rt.sandboxAt);
    return false;
  }
  if (!rt.ip) {
    rt.ip = pod.spec?.hostNetwork ? agent.nodeIP(ctx) : agent.network.allocatePodIP(agent.node, rt.uid);
    rt.dirty = true;
  }
  if (rt.volumes) return true;
  const r = setUpVolumes(volumeContext(agent, env));
  if (r.ok) {
    rt.volumes = r.volumes;
    if (rt.projectsMetadata) rt.volumeMetadata = downwardMetadata(pod);
    rt.mountRetryAt = undefined;
    rt.mountDelay = undefined;
    return true;
  }
  rt.blocked = true;
  if (r.message !== undefined && (rt.mountRetryAt === undefined || now >= rt.mountRetryAt)) {
    agent.event(ctx, pod, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${r.volume}" : ${r.message}`);
    rt.mountDelay = Math.min((rt.mountDelay ?? MOUNT_RETRY_MS / 2) * 2, MOUNT_RETRY_MAX_MS);
    rt.mountRetryAt = now + rt.mountDelay;
  }
  if (rt.mountRetryAt !== undefined) env.wake(rt.mountRetryAt);
  return false;
}

/**
 * Starts (or restarts) a container unless it is backing off. `crashed` says whether it
 * ran before and exited, which makes the crash-loop back-off apply.
 */
function tryStart(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime): void {
  const { rt, now } = env;
  const last = c.current;
  if (last && last.exitCode !== undefined && last.finishedAt !== undefined) {
    const key = `${rt.uid}/${c.name}`;
    if (agent.restartBackoff.inBackOffSince(key, last.finishedAt, now)) {
      const backoff = agent.restartBackoff.get(key);
      const message = `back-off ${goDuration(backoff)} restarting failed container=${c.name} pod=${formatPod(rt)}`;
      if (c.waiting?.reason !== 'CrashLoopBackOff' || c.waiting.message !== message) {
        c.waiting = { reason: 'CrashLoopBackOff', message };
        rt.dirty = true;
      }
      agent.event(env.ctx, env.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(rt)}`, c);
      env.wake(Math.min(last.finishedAt + backoff, now + 10_000));
      return;
    }
  }
  const image = ensureImage(agent, env, c);
  if (image.kind !== 'ready') return;
  if (last && last.exitCode !== undefined && last.finishedAt !== undefined) agent.restartBackoff.next(`${rt.uid}/${c.name}`, last.finishedAt);
  startContainer(agent, env, c, image.image);
}

function isRunning(c: ContainerRuntime): boolean {
  return !!c.current && c.current.exitCode === undefined;
}

function shouldRestart(c: ContainerRuntime, policy: string): boolean {
  if (c.kind === 'sidecar') return true;
  const code = c.current?.exitCode;
  if (code === undefined) return true;
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
}

/** Drives a pod that is not being deleted. */
export function runPod(agent: NodeAgent, env: SyncEnv): void {
  const { rt, pod, now } = env;
  refreshSpecs(env);
  if (rt.finished) return;
  if (!ensureSandbox(agent, env)) return;
  rt.blocked = false;
  syncProjectedVolumes(agent, env);
  const policy: string = pod.spec?.restartPolicy ?? 'Always';
  const grace: number = pod.spec?.terminationGracePeriodSeconds ?? 30;
  for (const c of rt.containers) stepContainer(env, c);
  // A process waiting for a signal still sees time pass (the liveness server counts from its start).
  for (const c of [...rt.containers, ...rt.ephemeral]) if (isRunning(c) && c.current!.wakeAt === undefined) c.current!.clock = Math.max(c.current!.clock, now);
  for (const c of rt.containers) runDueProbes(agent, env, c);
  for (const c of rt.containers) stepContainer(env, c);
  for (const c of rt.containers) settlePostStart(agent, env, c);
  // SyncPod starts ephemeral containers before init containers, so a pod stuck initializing can be debugged.
  startEphemeralContainers(agent, env);
  // A changed image restarts the container (kubelet compares the container hash).
  for (const c of rt.containers) {
    if (isRunning(c) && c.current!.specImage !== c.spec.image) stopContainer(agent, env, c, `Container ${c.name} definition changed, will be restarted`, grace);
  }
  let initDone = true;
  for (const c of rt.containers) {
    if (c.kind === 'app') continue;
    if (c.current?.kill) {
      initDone = false;
      break;
    }
    if (c.kind === 'sidecar') {
      if (!isRunning(c)) tryStart(agent, env, c);
      if (!isRunning(c) || !c.started) {
        initDone = false;
        break;
      }
      continue;
    }
    if (c.current?.exitCode === 0) continue;
    initDone = false;
    if (isRunning(c)) break;
    if (c.current && policy === 'Never') {
      rt.finished = true;
      rt.dirty = true;
      break;
    }
    tryStart(agent, env, c);
    if (c.current?.exitCode === 0 && !c.waiting) {
      // It ran to completion inside this sync; carry on with the next one.
      initDone = true;
      continue;
    }
    break;
  }
  if (initDone && !rt.finished) {
    for (const c of rt.containers) {
      if (c.kind !== 'app' || isRunning(c) || c.current?.kill) continue;
      if (c.current && !shouldRestart(c, policy)) {
        if (c.waiting) {
          c.waiting = undefined;
          rt.dirty = true;
        }
        continue;
      }
      tryStart(agent, env, c);
    }
    const apps = rt.containers.filter((c) => c.kind === 'app');
    if (policy !== 'Always' && apps.every((c) => c.current && c.current.exitCode !== undefined && !shouldRestart(c, policy))) {
      rt.finished = true;
      rt.dirty = true;
      for (const c of rt.containers) if (c.kind === 'sidecar') stopContainer(agent, env, c, `Stopping container ${c.name}`, grace);
    }
  }
  updateReadiness(rt);
  scheduleProbes(env);
}

/**
 * Ephemeral containers (computePodActions' EphemeralContainersToStart): each one in the spec
 * that has never been created is started (pulling its image first); once created it is never
 * restarted, whatever its exit and the pod's restartPolicy.
 */
function startEphemeralContainers(agent: NodeAgent, env: SyncEnv): void {
  const { rt, pod } = env;
  for (const spec of pod.spec?.ephemeralContainers ?? []) {
    if (rt.ephemeral.some((c) => c.name === spec.name)) continue;
    rt.ephemeral.push({ name: spec.name, kind: 'ephemeral', spec, restartCount: 0, ready: false, started: false, probes: [] });
    rt.dirty = true;
  }
  for (const c of rt.ephemeral) {
    stepContainer(env, c);
    if (!c.current && (c.retryAt === undefined || env.now >= c.retryAt)) tryStart(agent, env, c);
  }
}

/** Wakes the pod for the next probe tick of every running container (one timer per pod). */
function scheduleProbes(env: SyncEnv): void {
  for (const c of env.rt.containers) {
    if (!isRunning(c)) continue;
    for (const p of c.probes) {
      const period = Math.max(1, c.spec[`${p.kind}Probe`]?.periodSeconds ?? 10) * 1000;
      if (p.nextAt <= env.now) p.nextAt += Math.floor((env.now - p.nextAt) / period + 1) * period;
      env.wake(p.nextAt);
    }
  }
}

/** A container is ready when it runs, has started, and its readiness probe (if any) passes. */
function updateReadiness(rt: PodRuntime): void {
  for (const c of rt.containers) {
    const readiness = c.probes.find((p) => p.kind === 'readiness');
    const ready = isRunning(c) && !c.current!.postStart && (!c.current!.kill || c.current!.kill.keepReady === true) && c.started && (!readiness || (readiness.instanceId === c.current!.id && readiness.result));
    if (c.kind === 'init') continue;
    if (ready !== c.ready) {
      c.ready = ready;
      rt.dirty = true;
    }
  }
}

/**
 * Stops a pod being deleted: preStop hooks, SIGTERM, SIGKILL at the end of the grace period.
 * Returns true once every container has exited and the pod can be removed.
 */
export function stopPod(agent: NodeAgent, env: SyncEnv): boolean {
  const { rt, pod, now } = env;
  const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const all = [...rt.containers, ...rt.ephemeral];
  if (!rt.stopping) {
    rt.stopping = { since: now };
    for (const c of all) if (isRunning(c)) stopContainer(agent, env, c, `Stopping container ${c.name}`, grace);
  }
  for (const c of all) {
    stepContainer(env, c);
    if (isRunning(c) && !c.current!.kill) stopContainer(agent, env, c, `Stopping container ${c.name}`, Math.max(0, grace - (now - rt.stopping.since) / 1000));
  }
  for (const c of all) {
    // The kill cancels the sync in flight, and with it a pull under way.
    if (c.pull) agent.images.cancel(c.pull, now);
    if (c.pull) c.pull = undefined;
    if (c.waiting) {
      c.waiting = undefined;
      rt.dirty = true;
    }
  }
  updateReadiness(rt);
  return all.every((c) => !isRunning(c));
}
