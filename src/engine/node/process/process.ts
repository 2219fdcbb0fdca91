/**
 * A container's main process: runs the resolved executable (shell script, the image's
 * program, a utility) as a generator on virtual time, forwards its output to the
 * container log line by line, tracks the ports it listens on and what it uses, and
 * handles signals as PID 1 does (a process without a handler ignores SIGTERM).
 */
import type { ImageProfile, PortSpec } from '../../images/types.js';
import { BudgetExceeded, ExitSignal, LineSink, type CommandContext, type Io, type ProcessRuntime, type Run } from './io.js';
import type { Executable } from './commands/index.js';
import { runProgram } from './programs.js';
import { serveHttp } from './http.js';
import { Shell } from './shell/interpreter.js';
import { parseShellArgs, shellFlavor } from './shell/invocation.js';
import type { HttpAnswer, HttpRequest, Process, ProcessHost, ProcessStep, Signal } from './types.js';

/**
 * Commands a process may run between two sleeps before it counts as a CPU-bound loop
 * (`while true; do :; done`): it then burns a core forever and prints nothing more.
 */
export const STEP_BUDGET = 20_000;

/** Memory of a bare shell or small utility, MiB. */
const SHELL_MEMORY_MIB = 0.5;

/** Exit code of a process killed by SIGKILL (128 + 9). */
export const KILLED_EXIT_CODE = 137;

/** Options for running an executable. */
export interface RunOptions {
  readonly host: ProcessHost;
  readonly profile: ImageProfile;
  readonly env: Readonly<Record<string, string>>;
  /** `$$` of a shell: 1 for a container's main process. */
  readonly pid: number;
  /** The container's stdin stays open: a shell with no script waits for input (see ContainerCommand). */
  readonly stdinOpen?: boolean;
}

/** Builds the generator for an executable, with the given io and runtime hooks. */
export function runExecutable(exe: Executable, options: RunOptions, io: Io, runtime: ProcessRuntime | undefined, tick: () => void, logs: { stdout: LineSink | Io['out']; stderr: LineSink | Io['err'] }): { run: Run; shell?: Shell } {
  const ctx: CommandContext = { host: options.host, profile: options.profile, env: options.env, gnu: options.profile.shell !== 'busybox', tick, runtime };
  switch (exe.kind) {
    case 'shell': {
      const inv = parseShellArgs(exe.argv);
      const shell = new Shell({
        host: options.host,
        profile: options.profile,
        flavor: shellFlavor(exe.argv[0]!, options.profile),
        arg0: inv.arg0,
        positional: inv.positional,
        env: options.env,
        stdout: logs.stdout,
        stderr: logs.stderr,
        pid: options.pid,
        tick,
        runtime,
      });
      if (inv.script === undefined && inv.file === undefined && io.stdin === undefined && options.stdinOpen) return { run: waitForInput(), shell };
      const src = inv.script ?? (inv.file !== undefined ? options.host.fs.read(shell.resolvePath(inv.file)) : io.stdin) ?? '';
      return { run: shell.runScript(src, io), shell };
    }
    case 'program':
      return { run: runProgram(exe.spec, options.profile, ctx, io) };
    case 'utility':
      return { run: exe.command(ctx, exe.argv, io) };
    case 'idle':
      return { run: waitForever() };
    case 'missing':
      throw new Error(`cannot run missing executable ${exe.name}`);
  }
}

function* waitForever(): Run {
  yield { kind: 'forever' };
  return 0;
}

/** An interactive shell reading a stdin nobody writes to: only a signal that kills it ends it. */
function* waitForInput(): Run {
  for (;;) yield { kind: 'forever' };
}

/** The main process of a container. */
export class ContainerProcess implements Process, ProcessRuntime {
  private readonly run: Run;
  private readonly shell: Shell | undefined;
  private readonly stdout: LineSink;
  private readonly stderr: LineSink;
  private exitCode: number | undefined;
  private busy = false;
  private steps = 0;
  private ports: readonly PortSpec[] = [];
  private portsSince = 0;
  private memoryMiB = SHELL_MEMORY_MIB;
  private cpuMilli = 0;
  private termHandler: (() => number) | undefined;
  private readonly pendingTraps: string[] = [];
  private current: Run;

  constructor(exe: Executable, private readonly options: RunOptions) {
    const host = options.host;
    this.stdout = new LineSink((text) => host.log('stdout', text));
    this.stderr = new LineSink((text) => host.log('stderr', text));
    const io: Io = { stdin: undefined, out: this.stdout, err: this.stderr };
    const built = runExecutable(exe, options, io, this, () => this.tick(), { stdout: this.stdout, stderr: this.stderr });
    this.run = built.run;
    this.shell = built.shell;
    this.current = this.run;
  }

  next(): ProcessStep {
    if (this.exitCode !== undefined) return { kind: 'exit', code: this.exitCode };
    if (this.busy) return { kind: 'wait-forever' };
    if (this.pendingTraps.length > 0 && this.shell) this.current = this.withTraps(this.current);
    this.steps = 0;
    try {
      const r = this.current.next();
      if (r.done) return this.finish(r.value);
      this.flushIfIdle(r.value.kind);
      return r.value.kind === 'sleep' ? { kind: 'sleep', ms: r.value.ms } : { kind: 'wait-forever' };
    } catch (e) {
      if (e instanceof BudgetExceeded) {
        this.busy = true;
        this.cpuMilli = 1000;
        return { kind: 'wait-forever' };
      }
      if (e instanceof ExitSignal) return this.finish(e.code);
      throw e;
    }
  }

  signal(signal: Signal): ProcessStep | undefined {
    if (this.exitCode !== undefined) return { kind: 'exit', code: this.exitCode };
    if (signal === 'SIGKILL') return this.finish(KILLED_EXIT_CODE);
    const trap = this.shell?.trapFor(signal);
    if (trap !== undefined) {
      // The shell runs the trap once its foreground command (usually `sleep`) returns.
      if (trap !== '') this.pendingTraps.push(trap);
      return undefined;
    }
    if (this.termHandler && !this.busy) return this.finish(this.termHandler());
    // PID 1 without a handler for the signal: the kernel does not deliver it.
    return undefined;
  }

  listening(): readonly PortSpec[] {
    return this.ports;
  }

  http(request: HttpRequest): HttpAnswer | 'refused' | 'not-http' {
    const port = this.ports.find((p) => p.port === request.port && p.protocol === 'TCP');
    if (!port) return 'refused';
    if (!port.http) return 'not-http';
    return serveHttp(port.http, request, this.options.host, this.portsSince);
  }

  usage(): { memoryMiB: number; cpuMilli: number } {
    return { memoryMiB: this.memoryMiB, cpuMilli: this.busy ? 1000 : this.cpuMilli };
  }

  // ProcessRuntime
  listen(ports: readonly PortSpec[], startedAt: number): void {
    this.ports = ports;
    this.portsSince = startedAt;
  }

  use(usage: { memoryMiB: number; cpuMilli: number }): void {
    this.memoryMiB = usage.memoryMiB;
    this.cpuMilli = usage.cpuMilli;
  }

  onTerm(handler: (() => number) | undefined): void {
    this.termHandler = handler;
  }

  private tick(): void {
    if (++this.steps > STEP_BUDGET) throw new BudgetExceeded();
  }

  /** Runs pending trap handlers before resuming the interrupted script. */
  private *withTraps(resume: Run): Run {
    const shell = this.shell!;
    const io: Io = { stdin: undefined, out: this.stdout, err: this.stderr };
    while (this.pendingTraps.length > 0) {
      const handler = this.pendingTraps.shift()!;
      try {
        yield* shell.runSource(handler, io);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        shell.status = e.code;
        return yield* shell.runExitTrap(io);
      }
    }
    return yield* resume;
  }

  private flushIfIdle(kind: 'sleep' | 'forever'): void {
    // A program waiting forever will not finish its partial line; show it as the log would.
    if (kind === 'forever') {
      this.stdout.flush();
      this.stderr.flush();
    }
  }

  private finish(code: number): ProcessStep {
    this.stdout.flush();
    this.stderr.flush();
    this.exitCode = code;
    this.ports = [];
    this.termHandler = undefined;
    this.current.return?.(0);
    return { kind: 'exit', code };
  }
}
