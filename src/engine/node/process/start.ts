/**
 * Starting a container and `kubectl exec`: the argv the runtime runs (command/args over
 * the image's ENTRYPOINT/CMD), the environment it gets, and the runtime's exact errors
 * when the executable is missing (a distroless image has no `sh`).
 */
import type { ImageInfo, ImageProfile } from '../../images/types.js';
import { resolveExecutable } from './commands/index.js';
import { BufferSink, BudgetExceeded, ExitSignal, type Io } from './io.js';
import { ContainerProcess, runExecutable, STEP_BUDGET } from './process.js';
import { WRAPPERS } from './programs.js';
import type { ContainerCommand, ExecResult, ProcessEntry, ProcessHost, StartResult } from './types.js';

/** PATH when the image sets none (the runtime's default). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The exit code of a container whose process could not start. */
export const START_ERROR_EXIT_CODE = 128;

/** The exit code kubectl reports when exec cannot start the command. */
export const EXEC_NOT_FOUND_EXIT_CODE = 126;

/**
 * The argv Kubernetes runs: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces
 * CMD (pkg/kubelet/kuberuntime/helpers.go, the container spec docs' table).
 */
export function containerArgv(container: ContainerCommand, profile: ImageProfile): string[] {
  const command = container.command && container.command.length > 0 ? container.command : undefined;
  const args = container.args && container.args.length > 0 ? container.args : undefined;
  if (command) return [...command, ...(args ?? [])];
  return [...profile.entrypoint, ...(args ?? profile.cmd)];
}

/**
 * The command line `ps` shows for a container's main process: its argv once an entrypoint
 * wrapper (`docker-entrypoint.sh nginx ...`) has exec'd the real program.
 */
export function processCommandLine(container: ContainerCommand, profile: ImageProfile): string {
  let argv = containerArgv(container, profile);
  // The wrapper script exec's its argument: what runs afterwards is the program itself.
  while (argv.length > 1 && WRAPPERS.has(argv[0]!.split('/').pop()!)) argv = argv.slice(1);
  return argv.join(' ');
}

/** The container's environment: image ENV under the kubelet's, HOSTNAME and HOME set as the runtime does. */
export function containerEnv(host: ProcessHost, profile: ImageProfile): Record<string, string> {
  const image = profile.env ?? {};
  return { PATH: image['PATH'] ?? DEFAULT_PATH, HOSTNAME: host.hostname, ...image, ...host.env, HOME: host.env['HOME'] ?? '/root' };
}

/** runc's message for a missing executable: a bare name is looked up in $PATH, a path is stat'ed. */
function missingMessage(name: string): string {
  return name.includes('/')
    ? `exec: "${name}": stat ${name}: no such file or directory`
    : `exec: "${name}": executable file not found in $PATH`;
}

/** The StartError message the kubelet shows in `Last State: Terminated` and the Failed event. */
export function startErrorMessage(name: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${missingMessage(name)}: unknown`;
}

/** The error `kubectl exec` prints when the command does not exist in the container. */
export function execNotFoundMessage(name: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: ${missingMessage(name)}: unknown`;
}

/** Starts a container's main process. */
export function startProcess(container: ContainerCommand, host: ProcessHost, image: ImageInfo): StartResult {
  const profile = image.profile;
  const argv = containerArgv(container, profile);
  if (argv.length === 0) {
    return { ok: false, reason: 'StartError', exitCode: START_ERROR_EXIT_CODE, message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown' };
  }
  const exe = resolveExecutable(argv, profile);
  if (exe.kind === 'missing') {
    return { ok: false, reason: 'StartError', exitCode: START_ERROR_EXIT_CODE, message: startErrorMessage(exe.name) };
  }
  const process = new ContainerProcess(exe, { host, profile, env: containerEnv(host, profile), pid: 1, ...(container.stdinOpen ? { stdinOpen: true } : {}) });
  return { ok: true, process };
}

/** Options for exec. */
export interface ExecOptions {
  /** Virtual time the command may sleep before it counts as still running (default 60 s). */
  readonly budgetMs?: number;
  /** Input for the command (`kubectl exec -i`). */
  readonly stdin?: string;
}

/**
 * Runs a command in a running container to completion, as `kubectl exec` does: its own
 * stdout/stderr (not the container log), its exit code, and the virtual time it slept.
 * A command still running when the budget is spent comes back with `timedOut`.
 */
export function exec(command: readonly string[], host: ProcessHost, image: ImageInfo, options: ExecOptions = {}): ExecResult {
  const profile = image.profile;
  const budgetMs = options.budgetMs ?? 60_000;
  const exe = resolveExecutable(command, profile);
  if (exe.kind === 'missing') {
    return { stdout: '', stderr: execNotFoundMessage(exe.name) + '\n', exitCode: EXEC_NOT_FOUND_EXIT_CODE, elapsedMs: 0, timedOut: false };
  }
  let elapsed = 0;
  const start = host.now();
  const out = new BufferSink();
  const err = new BufferSink();
  // The exec'd process joins the container's PID namespace with the next free pid.
  const pid = host.nextPid?.() ?? 7;
  const listed = host.processes;
  const self: ProcessEntry = { pid, user: 'root', command: command.join(' '), startedAt: start };
  // Exec'd processes see time pass while they sleep, though the cluster clock waits for them.
  const execHost: ProcessHost = {
    ...host,
    now: () => start + elapsed,
    log: (stream, text) => (stream === 'stdout' ? out : err).write(text),
    ...(listed ? { processes: () => [...listed(), self] } : {}),
  };
  const io: Io = { stdin: options.stdin, out, err };
  let steps = 0;
  const tick = (): void => {
    if (++steps > STEP_BUDGET) throw new BudgetExceeded();
  };
  const { run } = runExecutable(exe, { host: execHost, profile, env: containerEnv(host, profile), pid }, io, undefined, tick, { stdout: out, stderr: err });
  const result = (exitCode: number, timedOut: boolean): ExecResult => ({ stdout: out.text, stderr: err.text, exitCode, elapsedMs: elapsed, timedOut });
  try {
    for (;;) {
      steps = 0;
      const r = run.next();
      if (r.done) return result(r.value, false);
      if (r.value.kind === 'forever') return result(0, true);
      if (elapsed + r.value.ms > budgetMs) {
        elapsed = budgetMs;
        run.return?.(0);
        return result(0, true);
      }
      elapsed += r.value.ms;
    }
  } catch (e) {
    if (e instanceof ExitSignal) return result(e.code, false);
    if (e instanceof BudgetExceeded) return result(0, true);
    throw e;
  }
}
