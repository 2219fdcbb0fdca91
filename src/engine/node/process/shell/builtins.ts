/**
 * Commands built into the shell itself: they work on every image with a shell and may
 * change the shell's state (variables, traps, working directory, control flow).
 */
import { ExitSignal, LoopSignal, ReturnSignal, type Io, type Run } from '../io.js';
import { evaluateTest } from './test-expr.js';
import { formatPrintf, interpretEscapes } from './printf.js';
import type { Shell } from './interpreter.js';

/** A builtin: runs inside the shell with access to its state. */
export type Builtin = (shell: Shell, argv: readonly string[], io: Io) => Run;

function* done(status: number): Run {
  return status;
}

/** How far `read` has consumed each input stream. */
const readOffsets = new WeakMap<Io, number>();

const TRAP_NAMES: Record<string, string> = { '0': 'EXIT', '1': 'HUP', '2': 'INT', '3': 'QUIT', '15': 'TERM', SIGTERM: 'TERM', SIGINT: 'INT', SIGQUIT: 'QUIT', SIGHUP: 'HUP' };

/** The builtins, by name. */
export const SHELL_BUILTINS: Readonly<Record<string, Builtin>> = {
  ':': () => done(0),
  true: () => done(0),
  false: () => done(1),
  echo(shell, argv, io) {
    let args = argv.slice(1);
    let newline = true;
    // dash's echo always interprets escapes; busybox and bash only with -e.
    let escapes = shell.options.flavor === 'dash';
    while (args[0] && /^-[neE]+$/.test(args[0]) && !(shell.options.flavor === 'dash' && args[0] !== '-n')) {
      for (const f of args[0].slice(1)) {
        if (f === 'n') newline = false;
        else if (f === 'e') escapes = true;
        else escapes = false;
      }
      args = args.slice(1);
    }
    let text = args.join(' ');
    if (escapes) {
      const r = interpretEscapes(text, true);
      text = r.text;
      if (r.stop) newline = false;
    }
    io.out.write(text + (newline ? '\n' : ''));
    return done(0);
  },
  printf(shell, argv, io) {
    if (argv.length < 2) {
      io.err.write(`${shell.options.flavor === 'bash' ? shell.prefix() : ''}printf: usage: printf format [arguments]\n`);
      return done(shell.options.flavor === 'bash' ? 2 : 1);
    }
    io.out.write(formatPrintf(argv[1]!, argv.slice(2)));
    return done(0);
  },
  test: (shell, argv, io) => done(runTest(shell, argv.slice(1), io, 'test')),
  '[': (shell, argv, io) => {
    if (argv[argv.length - 1] !== ']') {
      io.err.write(`${shell.prefix()}[: missing ]\n`);
      return done(2);
    }
    return done(runTest(shell, argv.slice(1, -1), io, '['));
  },
  '[[': (shell, argv, io) => done(runTest(shell, argv.slice(1, argv[argv.length - 1] === ']]' ? -1 : undefined), io, '[[')),
  exit(shell, argv) {
    const code = argv[1] === undefined ? shell.status : Number.parseInt(argv[1], 10) & 255;
    throw new ExitSignal(Number.isNaN(code) ? 2 : code);
  },
  export(shell, argv) {
    for (const arg of argv.slice(1).filter((a) => a !== '-p')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (eq !== -1) shell.vars.set(name, arg.slice(eq + 1));
      shell.exported.add(name);
    }
    return done(0);
  },
  readonly(shell, argv) {
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      if (eq !== -1) shell.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    }
    return done(0);
  },
  local(shell, argv) {
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      shell.vars.set(eq === -1 ? arg : arg.slice(0, eq), eq === -1 ? '' : arg.slice(eq + 1));
    }
    return done(0);
  },
  unset(shell, argv) {
    for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
      shell.vars.delete(name);
      shell.exported.delete(name);
      shell.funcs.delete(name);
    }
    return done(0);
  },
  set(shell, argv) {
    const dashdash = argv.indexOf('--');
    if (dashdash !== -1) shell.positional = argv.slice(dashdash + 1);
    return done(0);
  },
  shift(shell, argv) {
    const n = argv[1] ? Number(argv[1]) : 1;
    if (n > shell.positional.length) return done(1);
    shell.positional = shell.positional.slice(n);
    return done(0);
  },
  cd(shell, argv, io) {
    const target = shell.resolvePath(argv[1] ?? shell.vars.get('HOME') ?? '/');
    if (shell.fs.stat(target) !== 'dir') {
      const msg = shell.options.flavor === 'bash' ? `cd: ${argv[1]}: No such file or directory` : shell.options.flavor === 'dash' ? `cd: can't cd to ${argv[1]}` : `cd: can't cd to ${argv[1]}: No such file or directory`;
      io.err.write(`${shell.prefix()}${msg}\n`);
      return done(shell.options.flavor === 'dash' ? 2 : 1);
    }
    shell.cwd = target;
    shell.vars.set('PWD', target);
    return done(0);
  },
  pwd(shell, _argv, io) {
    io.out.write(shell.cwd + '\n');
    return done(0);
  },
  trap(shell, argv, io) {
    if (argv.length === 1) {
      for (const [sig, handler] of shell.traps) io.out.write(`trap -- '${handler}' ${sig}\n`);
      return done(0);
    }
    const [, handler, ...signals] = argv;
    for (const s of signals) {
      const name = TRAP_NAMES[s] ?? s.replace(/^SIG/, '');
      if (handler === '-') shell.traps.delete(name);
      else shell.traps.set(name, handler!);
    }
    return done(0);
  },
  break(_shell, argv) {
    throw new LoopSignal('break', Number(argv[1] ?? 1));
  },
  continue(_shell, argv) {
    throw new LoopSignal('continue', Number(argv[1] ?? 1));
  },
  return(shell, argv) {
    throw new ReturnSignal(argv[1] === undefined ? shell.status : Number(argv[1]) & 255);
  },
  *read(shell, argv, io) {
    const names = argv.slice(1).filter((a) => !a.startsWith('-'));
    // Successive reads from the same input (a loop's `< file` or pipe) consume it line by line.
    const offset = readOffsets.get(io) ?? 0;
    const input = (io.stdin ?? '').slice(offset);
    if (input === '') return 1;
    const nl = input.indexOf('\n');
    const line = nl === -1 ? input : input.slice(0, nl);
    readOffsets.set(io, offset + (nl === -1 ? input.length : nl + 1));
    const fields = line.trim().split(/[ \t]+/);
    names.forEach((name, idx) => {
      shell.vars.set(name, idx === names.length - 1 ? fields.slice(idx).join(' ') : (fields[idx] ?? ''));
    });
    if (names.length === 0) shell.vars.set('REPLY', line);
    return 0;
  },
  *eval(shell, argv, io) {
    return yield* shell.runSource(argv.slice(1).join(' '), io);
  },
  *source(shell, argv, io) {
    const text = shell.fs.read(shell.resolvePath(argv[1] ?? ''));
    if (text === undefined) {
      io.err.write(`${shell.prefix()}${argv[1]}: not found\n`);
      return shell.options.flavor === 'bash' ? 1 : 2;
    }
    return yield* shell.runSource(text, io);
  },
  *exec(shell, argv, io) {
    if (argv.length < 2) return 0;
    const status = yield* shell.invoke(argv.slice(1), [], io);
    throw new ExitSignal(status);
  },
  '.': (shell, argv, io) => SHELL_BUILTINS.source!(shell, argv, io),
  *wait(shell, _argv, io) {
    return yield* shell.drainBackground(io);
  },
};

function runTest(shell: Shell, args: readonly string[], io: Io, name: string): number {
  const result = evaluateTest(args, shell.fs, (p) => shell.resolvePath(p));
  if (typeof result === 'string') {
    io.err.write(`${shell.prefix()}${name}: ${result}\n`);
    return 2;
  }
  return result ? 0 : 1;
}
