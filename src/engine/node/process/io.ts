/**
 * The plumbing shared by the shell and the programs it runs: output sinks, the yields a
 * running command makes (sleep, wait forever), the control-flow signals the interpreter
 * throws, and the context a command sees.
 */
import type { ImageProfile, PortSpec } from '../../images/types.js';
import type { ProcessHost } from './types.js';

/** How a running program tells the process what it is doing (ports, resource use, stop handling). */
export interface ProcessRuntime {
  /** Opens ports; `startedAt` is when the program started (the liveness server counts from it). */
  listen(ports: readonly PortSpec[], startedAt: number): void;
  /** Sets the program's current resource use. */
  use(usage: { readonly memoryMiB: number; readonly cpuMilli: number }): void;
  /** Registers what SIGTERM does to the running program: the exit it causes, or undefined to ignore it. */
  onTerm(handler: (() => number) | undefined): void;
}

/** Where a command's output goes: the container log, a file, a pipe buffer, or nowhere. */
export interface Sink {
  write(text: string): void;
}

/** A command's standard streams. `stdin` is the whole input (pipes run their left side first). */
export interface Io {
  readonly stdin: string | undefined;
  readonly out: Sink;
  readonly err: Sink;
}

/** What a running command hands back to the process driver. */
export type Yield = { readonly kind: 'sleep'; readonly ms: number } | { readonly kind: 'forever' };

/** A running command: yields sleeps, returns its exit status. */
export type Run = Generator<Yield, number, void>;

/** What every command may use. */
export interface CommandContext {
  readonly host: ProcessHost;
  readonly profile: ImageProfile;
  /** The exported environment of the calling shell (or the container's for a direct exec). */
  readonly env: Readonly<Record<string, string>>;
  /** Whether the image's utilities are GNU (Debian, Ubuntu) rather than busybox: the messages differ. */
  readonly gnu: boolean;
  /** Called once per executed command; throws BudgetExceeded when a loop never yields. */
  tick(): void;
  /** The process the command runs in; absent for exec (ports and usage then do not matter). */
  readonly runtime?: ProcessRuntime;
}

/** A program: argv in, exit status out, output through io. */
export type Command = (ctx: CommandContext, argv: readonly string[], io: Io) => Run;

/** `exit N` (or a fatal error) unwinding the shell. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** `break N` / `continue N` unwinding loops. */
export class LoopSignal {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

/** `return N` unwinding a function. */
export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** A loop ran too many commands without sleeping: it is a CPU-bound loop that never ends. */
export class BudgetExceeded {}

/** A sink that drops everything (>/dev/null). */
export const NULL_SINK: Sink = { write: () => undefined };

/** A sink that collects text (pipes, command substitution, exec). */
export class BufferSink implements Sink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

/**
 * A sink that forwards whole lines to the container log, keeping a partial last line until
 * its newline arrives (or the process ends), as the runtime's log driver does.
 */
export class LineSink implements Sink {
  private pending = '';
  constructor(private readonly emit: (text: string) => void) {}

  write(text: string): void {
    const all = this.pending + text;
    const cut = all.lastIndexOf('\n');
    if (cut === -1) {
      this.pending = all;
      return;
    }
    this.pending = all.slice(cut + 1);
    this.emit(all.slice(0, cut + 1));
  }

  /** Emits a trailing partial line (the log shows it without a newline). */
  flush(): void {
    if (this.pending) this.emit(this.pending + '\n');
    this.pending = '';
  }
}

/** A yield that sleeps `ms` of virtual time. */
export function* sleep(ms: number): Run {
  if (ms > 0) yield { kind: 'sleep', ms };
  return 0;
}
