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

/** Lines kept per container instance (the real runtime rotates at 10 MiB). */
const MAX_LOG_LINES = 5000;
/** Process steps per sync before a busy loop is fast-forwarded to now. */
const MAX_STEPS_PER_SYNC = 500;

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
  return true;
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
  if (inst.exitCode !== undefined) {
    c.ready = false;
    c.started = false;
    env.rt.dirty = true;
    // PLEG notices the exit and the pod syncs again (restart or back-off).
    env.wake(now);
    return true;
  }
  if (inst.wakeAt !== undefined) env.wake(inst.wakeAt);
  if (inst.kill) env.wake(inst.kill.deadline);
  return false;
}

/**
 * Stops a running container: a Killing event, SIGTERM now, SIGKILL when the grace period ends.
 * `keepReady` leaves its Ready as it was until it dies (a liveness kill, see probe-workers).
 */
export function stopContainer(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime, message: string, graceSeconds: number, opts: { keepReady?: boolean } = {}): void {
  const inst = c.current;
  if (!inst || inst.exitCode !== undefined || inst.kill) return;
  agent.event(env.ctx, env.pod, 'Normal', 'Killing', message, c);
  inst.kill = { since: env.now, deadline: env.now + graceSeconds * 1000, keepReady: opts.keepReady };
  const r = inst.process?.signal('SIGTERM');
  if (!inst.process || r?.kind === 'exit') finish(inst, r?.kind === 'exit' ? r.code : 0, env.now);
  else if (inst.wakeAt === undefined) inst.wakeAt = env.now;
  // A trap or TERM handler runs at the process's next wake-up; give it a step now.
  stepContainer(env, c);
  if (inst.exitCode === undefined) env.wake(inst.kill?.deadline ?? env.now);
  if (!opts.keepReady) c.ready = false;
  env.rt.dirty = true;
}
