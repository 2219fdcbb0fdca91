/**
 * The few shell commands a script may use besides kubectl: `sleep` moves virtual time,
 * `echo` prints, `cat` shows a file. Anything else is what bash says about an unknown
 * command when it reads a script from stdin: `bash: line N: foo: command not found`, 127.
 */
import type { OutputChunk } from '../kubectl/types.js';

/** What a builtin needs from the session. */
export interface BuiltinContext {
  /** Moves virtual time. */
  advance(ms: number): void;
  /** Reads a file relative to the script's folder. */
  readFile(path: string): string | undefined;
  /** 1-based line of the command, for bash's messages. */
  readonly line: number;
}

/** A builtin's output and exit code. */
export interface BuiltinResult {
  readonly output: readonly OutputChunk[];
  readonly exitCode: number;
}

const out = (text: string): OutputChunk => ({ stream: 'stdout', text });
const err = (text: string): OutputChunk => ({ stream: 'stderr', text });

const UNITS: Readonly<Record<string, number>> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** GNU sleep's argument: a number (fractions allowed) with an optional s/m/h/d suffix; ms. */
export function parseSleep(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  return m ? Math.round(Number(m[1]) * UNITS[m[2]!]!) : undefined;
}

function sleep(args: readonly string[], ctx: BuiltinContext): BuiltinResult {
  if (args.length === 0) return { output: [err("sleep: missing operand\nTry 'sleep --help' for more information.\n")], exitCode: 1 };
  let total = 0;
  for (const a of args) {
    const ms = parseSleep(a);
    if (ms === undefined) return { output: [err(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`)], exitCode: 1 };
    total += ms;
  }
  ctx.advance(total);
  return { output: [], exitCode: 0 };
}

function echo(args: readonly string[]): BuiltinResult {
  const noNewline = args[0] === '-n';
  const words = noNewline ? args.slice(1) : args;
  return { output: [out(`${words.join(' ')}${noNewline ? '' : '\n'}`)], exitCode: 0 };
}

function cat(args: readonly string[], ctx: BuiltinContext): BuiltinResult {
  const output: OutputChunk[] = [];
  let exitCode = 0;
  for (const path of args) {
    const text = ctx.readFile(path);
    if (text === undefined) {
      output.push(err(`cat: ${path}: No such file or directory\n`));
      exitCode = 1;
    } else output.push(out(text));
  }
  return { output, exitCode };
}

/** Runs a non-kubectl command of a script. */
export function runBuiltin(argv: readonly string[], ctx: BuiltinContext): BuiltinResult {
  const [name, ...args] = argv;
  switch (name) {
    case 'sleep':
      return sleep(args, ctx);
    case 'echo':
      return echo(args);
    case 'cat':
      return cat(args, ctx);
    // `export` with no assignment lists variables in bash; scripts use it only to assign.
    case 'export':
    case 'true':
    case ':':
      return { output: [], exitCode: 0 };
    case 'false':
      return { output: [], exitCode: 1 };
    default:
      return { output: [err(`bash: line ${ctx.line}: ${name}: command not found\n`)], exitCode: 127 };
  }
}
