/**
 * Running a command by name from the shell: a function, a builtin, the image's own
 * program, a utility it ships, a nested shell — or `not found` in the shell's words.
 */
import { resolveExecutable } from '../commands/index.js';
import { ReturnSignal, type CommandContext, type Io, type Run } from '../io.js';
import { runProgram } from '../programs.js';
import { SHELL_BUILTINS } from './builtins.js';
import { parseShellArgs, shellFlavor } from './invocation.js';
import { Shell } from './interpreter.js';

/** Runs argv in `shell` with per-command assignments; returns the exit status. */
export function* invoke(shell: Shell, argv: readonly string[], assigns: readonly [string, string][], io: Io): Run {
  const name = argv[0]!;
  const func = shell.funcs.get(name);
  if (func) {
    const saved = shell.positional;
    shell.positional = argv.slice(1);
    try {
      return yield* shell.run(func, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      shell.positional = saved;
    }
  }
  const builtin = SHELL_BUILTINS[name];
  if (builtin) {
    for (const [k, v] of assigns) shell.vars.set(k, v);
    return yield* builtin(shell, argv, io);
  }
  const exe = resolveExecutable(argv, shell.options.profile);
  if (exe.kind === 'missing') {
    io.err.write(notFoundMessage(shell, name, name.includes('/')));
    return 127;
  }
  const ctx: CommandContext = {
    host: shell.options.host,
    profile: shell.options.profile,
    env: shell.environment(Object.fromEntries(assigns)),
    gnu: shell.options.profile.shell !== 'busybox',
    tick: shell.options.tick,
    runtime: shell.options.runtime,
  };
  switch (exe.kind) {
    case 'utility':
      return yield* exe.command(ctx, exe.argv, io);
    case 'program':
      return yield* runProgram(exe.spec, shell.options.profile, ctx, io);
    case 'idle':
      yield { kind: 'forever' };
      return 0;
    case 'shell': {
      const inv = parseShellArgs(exe.argv);
      const nested = new Shell({
        ...shell.options,
        flavor: shellFlavor(exe.argv[0]!, shell.options.profile),
        arg0: inv.arg0,
        positional: inv.positional,
        env: ctx.env,
      });
      const src = inv.script ?? (inv.file !== undefined ? shell.fs.read(shell.resolvePath(inv.file)) : io.stdin) ?? '';
      return yield* nested.runScript(src, io);
    }
  }
}

function notFoundMessage(shell: Shell, name: string, path: boolean): string {
  const { flavor } = shell.options;
  if (flavor === 'bash') return `${shell.prefix()}${name}: ${path ? 'No such file or directory' : 'command not found'}\n`;
  return `${shell.prefix()}${name}: not found\n`;
}
