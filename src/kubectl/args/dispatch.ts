/**
 * From argv to a command ready to run: find the command, parse its flags with the global
 * ones, and answer `--help` — the steps every verb shares, in cobra's order.
 */
import { findCommand, flagErrorOutput, flagsOf, type CommandSpec } from './command.js';
import { parseFlags, type ParsedFlags } from './flags.js';
import { renderHelp } from './help.js';

/** What a command line asks for. */
export type Invocation =
  | { readonly kind: 'run'; readonly path: readonly CommandSpec[]; readonly flags: ParsedFlags }
  /** `-h`/`--help`, or a command that only groups others: print `stdout`, exit 0. */
  | { readonly kind: 'help'; readonly path: readonly CommandSpec[]; readonly stdout: string }
  | { readonly kind: 'error'; readonly stderr: string; readonly exitCode: number };

/**
 * Reads argv (without the leading `kubectl`). Flag errors come first, as in cobra:
 * `kubectl get --help --foo` is an unknown-flag error, not help.
 */
export function readCommandLine(root: CommandSpec, argv: readonly string[]): Invocation {
  const found = findCommand(root, argv);
  if (!found.ok) return { kind: 'error', stderr: found.stderr, exitCode: found.exitCode };
  const command = found.path[found.path.length - 1]!;
  const parsed = parseFlags(found.args, flagsOf(command), { interspersed: command.interspersed });
  if (!parsed.ok) return { kind: 'error', ...flagErrorOutput(found.path, parsed.error) };
  if (parsed.value.help || command.runnable === false) return { kind: 'help', path: found.path, stdout: renderHelp(found.path) };
  return { kind: 'run', path: found.path, flags: parsed.value };
}
