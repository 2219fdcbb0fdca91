/**
 * The container runtime side of a pod sync: create and start a container (env, mounts,
 * process), step its process on virtual time, notice exits and OOM kills, and stop it with
 * SIGTERM then SIGKILL after the grace period.
 */
import { parseQuantity } from '../api/quantity.js';
import type { ImageInfo } from '../images/types.js';
import type { NodeAgent } from './agent.js';
import { containerEnvironment, expandVars } from './env.js';
import { createMountedFs, processCommandLine, createRootFs, startProcess, type ProcessHost } from './process/index.js';
import { joinPidNamespace, namespaceProcesses, nextPid, pidNamespaceOf } from './pid-namespaces.js';
import type { ContainerRuntime, Instance, LogLine, SyncEnv } from './runtime.js';
import { containerMounts } from './volumes.js';
import { runHook } from './lifecycle-hooks.js';

/** Lines kept per container instance (the real runtime rotates at 10 MiB). */
const MAX_LOG_LINES = 5000;
/** Process steps per sync before a busy loop is fast-forwarded to now. */
const MAX_STEPS_PER_SYNC = 500;
/** killContainer never gives less than this (minimumGracePeriodInSeconds). */
const MIN_GRACE_SECONDS = 2;
/** How long a postStart hook may run before it counts as never finishing (the kubelet has no timeout). */
const POST_START_BUDGET_MS = 30 * 60 * 1000;

/** The pod's hostname: spec.hostname, else the pod name (truncated to 63 characters). */
export function podHostname(env: SyncEnv): string {
  return env.pod.spec?.hostname ?? env.pod.metadata.name!.slice(0, 63);
}

/** What the env and volumes read about the node. */
export function nodeAllocatable(agent: NodeAgent, env: SyncEnv): Record<string, string> {
  return agent.nodeObject(env.ctx)?.status?.allocatable ?? {};
}

/**
 * Creates and starts a container from an image already on the node. Returns false when the
 * container's configuration cannot be built (CreateContainerConfigError).
 */
export function startContainer(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime, image: ImageInfo): boolean {
  const { ctx, now, pod, rt } = env;
  const hostIP = agent.nodeIP(ctx);
  const built = containerEnvironment(c.spec, { store: ctx.store, pod, podIP: rt.ip ?? '', hostIP, nodeAllocatable: nodeAllocatable(agent, env) });
  if (!built.ok) {
    agent.event(ctx, pod, 'Warning', 'Failed', `Error: ${built.message}`, c);
    if (c.waiting?.reason !== 'CreateContainerConfigError' || c.waiting.message !== built.message) {
      c.waiting = { reason: 'CreateContainerConfigError', message: built.message };
      rt.dirty = true;
    }
    rt.blocked = true;
    c.retryAt = now + 10_000;
    env.wake(c.retryAt);
    return false;
  }
  const logs: LogLine[] = [];
  const mounts = containerMounts(c.spec, rt.volumes ?? new Map());
  const hostname = pod.spec?.hostNetwork ? agent.node : podHostname(env);
  const fs = createMountedFs(createRootFs(image.profile, hostname), mounts);
  const lookup = (name: string) => built.env[name];
  const command = c.spec.command?.map((a: string) => expandVars(a, lookup));
  const args = c.spec.args?.map((a: string) => expandVars(a, lookup));
  const pidNamespace = pidNamespaceOf(pod, c, rt);
  const inst: Instance = {
    id: ctx.random.hex(64),
    image,
    specImage: c.spec.image,
    process: undefined,
    host: undefined as unknown as ProcessHost,
    command: processCommandLine({ command, args }, image.profile),
    pidNamespace,
    pid: joinPidNamespace(rt, pidNamespace, c),
    startedAt: now,
    clock: now,
    wakeAt: now,
    logs,
  };
  const host: ProcessHost = {
    env: built.env,
    hostname,
    podIP: rt.ip,
    fs,
    net: agent.network.processNet(pod, rt.ip ?? ''),
    log: (stream, text) => appendLog(logs, inst.clock, stream, text),
    now: () => inst.clock,
    processes: () => namespaceProcesses(pod, rt, pidNamespace),
    nextPid: () => nextPid(rt, pidNamespace),
  };
  (inst as { host: ProcessHost }).host = host;
  agent.event(ctx, pod, 'Normal', 'Created', `Created container ${c.name}`, c);
  // What the API shows until a postStart hook is done: the status of before this start.
  const shownWaiting = c.waiting;
  if (c.current) {
    c.previous = c.current;
    c.restartCount++;
  }
  c.current = inst;
  c.waiting = undefined;
  c.retryAt = undefined;
  c.ready = false;
  c.started = false;
  rt.dirty = true;
  // A container whose stdin the runtime keeps open (stdin without stdinOnce, as kubectl debug
  // creates) runs its shell interactively: it waits for input instead of exiting.
  const started = startProcess({ command, args, stdinOpen: !!c.spec.stdin && !c.spec.stdinOnce }, host, image);
  if (!started.ok) {
    agent.event(ctx, pod, 'Warning', 'Failed', `Error: ${started.message}`, c);
    finish(inst, started.exitCode, now, 'StartError', started.message);
    return true;
  }
  (inst as { process: Instance['process'] }).process = started.process;
  agent.event(ctx, pod, 'Normal', 'Started', `Started container ${c.name}`, c);
  c.started = !c.spec.startupProbe;
  stepContainer(env, c);
  const hook = c.spec.lifecycle?.postStart;
  if (hook && inst.exitCode === undefined) {
    // startContainer's step 4: the hook runs right after the start, and the sync waits for it.
    const r = runHook(env, c, inst, hook, POST_START_BUDGET_MS);
    inst.postStart = { until: now + r.elapsedMs, ...(r.ok ? {} : { error: r.message }), ...(shownWaiting ? { shownWaiting } : {}) };
    c.started = false;
    settlePostStart(agent, env, c);
  }
  return true;
}

/**
 * Ends a postStart hook once its time is up: the container counts as started, or (on a
 * failure) a FailedPostStartHook event and a kill (`Killing: FailedPostStartHook`, preStop
 * included); when it has died it waits with reason PostStartHookError until restarted.
 */
export function settlePostStart(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime): void {
  const inst = c.current;
  const hook = inst?.postStart;
  if (!inst || !hook || inst.exitCode !== undefined || hook.killed) return;
  if (env.now < hook.until) {
    if (hook.until !== Infinity) env.wake(hook.until);
    return;
  }
  env.rt.dirty = true;
  if (hook.error === undefined) {
    inst.postStart = undefined;
    c.started = !c.spec.startupProbe;
    return;
  }
  agent.event(env.ctx, env.pod, 'Warning', 'FailedPostStartHook', hook.error, c);
  hook.killed = true;
  stopContainer(agent, env, c, 'FailedPostStartHook', env.pod.spec?.terminationGracePeriodSeconds ?? 30);
}

function appendLog(logs: LogLine[], time: number, stream: 'stdout' | 'stderr', text: string): void {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) logs.push({ time, stream, text: line });
  if (logs.length > MAX_LOG_LINES) logs.splice(0, logs.length - MAX_LOG_LINES);
}

/** Marks an instance exited. */
export function finish(inst: Instance, code: number, at: number, reason?: string, message?: string): void {
  inst.exitCode = code;
  inst.finishedAt = at;
  inst.reason = reason ?? (code === 0 ? 'Completed' : 'Error');
  if (message) inst.message = message;
  inst.wakeAt = undefined;
  inst.kill = undefined;
}

/** The container's memory limit in bytes, if any. */
function memoryLimit(c: ContainerRuntime): number | undefined {
  const q = parseQuantity(c.spec.resources?.limits?.memory);
  return q ? q.value : undefined;
}

/**
 * Runs the container's process up to now: each sleep that has elapsed, the exits and OOM
 * kills that follow, and SIGKILL when a stop's grace period ends. Returns true on a change.
 */
export function stepContainer(env: SyncEnv, c: ContainerRuntime): boolean {
  const inst = c.current;
  if (!inst || inst.exitCode !== undefined || !inst.process) return false;
  const now = env.now;
  if (inst.kill && !inst.kill.termSent && now >= inst.kill.termAt) sendTerm(env, c);
  if (inst.exitCode !== undefined) return exited(env, c);
  const limit = memoryLimit(c);
  let steps = 0;
  while (inst.exitCode === undefined && inst.wakeAt !== undefined && inst.wakeAt <= now) {
    inst.clock = Math.max(inst.clock, inst.wakeAt);
    if (++steps > MAX_STEPS_PER_SYNC) inst.clock = now;
    const step = inst.process.next();
    if (step.kind === 'exit') finish(inst, step.code, inst.clock);
    else if (step.kind === 'sleep') inst.wakeAt = inst.clock + Math.max(1, step.ms);
    else inst.wakeAt = undefined;
    if (inst.exitCode === undefined && limit !== undefined && inst.process.usage().memoryMiB * 1048576 > limit) {
      inst.process.signal('SIGKILL');
      finish(inst, 137, inst.clock, 'OOMKilled');
    }
  }
  if (inst.exitCode === undefined && inst.kill && now >= inst.kill.deadline) {
    inst.process.signal('SIGKILL');
    finish(inst, 137, now);
  }
  if (inst.exitCode !== undefined) return exited(env, c);
  if (inst.wakeAt !== undefined) env.wake(inst.wakeAt);
  if (inst.kill) env.wake(inst.kill.termSent ? inst.kill.deadline : inst.kill.termAt);
  return false;
}

/** Bookkeeping once the current instance has exited. */
function exited(env: SyncEnv, c: ContainerRuntime): true {
  const inst = c.current!;
  if (inst.postStart?.error !== undefined) c.waiting = { reason: 'PostStartHookError', message: inst.postStart.error };
  c.ready = false;
  c.started = false;
  env.rt.dirty = true;
  // PLEG notices the exit and the pod syncs again (restart or back-off).
  env.wake(env.now);
  return true;
}

/**
 * Stops a running container as killContainer does: a Killing event, the preStop hook (its
 * time comes out of the grace period), SIGTERM, and SIGKILL when the grace period ends.
 * The grace period is at least minimumGracePeriodInSeconds (2). `keepReady` leaves its
 * Ready as it was until it dies (a liveness kill, see probe-workers).
 */
export function stopContainer(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime, message: string, graceSeconds: number, opts: { keepReady?: boolean } = {}): void {
  const inst = c.current;
  if (!inst || inst.exitCode !== undefined || inst.kill) return;
  agent.event(env.ctx, env.pod, 'Normal', 'Killing', message, c);
  let grace = graceSeconds;
  let termAt = env.now;
  const preStop = c.spec.lifecycle?.preStop;
  if (preStop && grace > 0 && inst.process) {
    // executePreStopHook waits for the hook at most the grace period, then goes on.
    const r = runHook(env, c, inst, preStop, grace * 1000);
    const took = Math.min(r.elapsedMs, grace * 1000);
    // The hook's output stays out of the event so that secrets do not leak.
    if (!r.ok) agent.event(env.ctx, env.pod, 'Warning', 'FailedPreStopHook', 'PreStopHook failed', c);
    termAt += took;
    grace -= Math.floor(took / 1000);
  }
  grace = Math.max(grace, MIN_GRACE_SECONDS);
  inst.kill = { since: env.now, termAt, termSent: false, deadline: termAt + grace * 1000, keepReady: opts.keepReady };
  if (termAt <= env.now) sendTerm(env, c);
  // A trap or TERM handler runs at the process's next wake-up; give it a step now.
  stepContainer(env, c);
  if (inst.exitCode === undefined) env.wake(inst.kill?.termSent === false ? termAt : (inst.kill?.deadline ?? env.now));
  if (!opts.keepReady) c.ready = false;
  env.rt.dirty = true;
}

/** SIGTERM (StopContainer): the process ends now, at its next wake-up (a trap), or ignores it. */
function sendTerm(env: SyncEnv, c: ContainerRuntime): void {
  const inst = c.current!;
  inst.kill!.termSent = true;
  const r = inst.process?.signal('SIGTERM');
  if (!inst.process || r?.kind === 'exit') finish(inst, r?.kind === 'exit' ? r.code : 0, env.now);
  else if (inst.wakeAt === undefined) inst.wakeAt = env.now;
}
