/**
 * Commands as data (a cobra-like tree) and how a command line finds its command: the
 * subcommand path is read past flags, like cobra's Find/stripFlags, and an unknown verb
 * gets cobra's "Did you mean this?" suggestions. Error texts are printed the way kubectl's
 * main prints them (cmd/util checkErr: `error: ` prefix, exit code 1).
 */
import { helpFlag, noOptDefault, normalizeFlagName, type FlagSpec } from './flags.js';
import { GLOBAL_FLAGS } from './global-flags.js';

/** One command: its words for `--help`, its flags, its subcommands. */
export interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** cobra's Use, printed after the parent path under `Usage:` as written (`get [(-o|...)] ... [flags]`). */
  readonly use: string;
  readonly short: string;
  /** The long description as kubectl prints it (already indented like templates.LongDesc). */
  readonly long?: string;
  /** Examples as kubectl prints them: each line indented by two spaces. */
  readonly example?: string;
  /** Local flags; the global flags are added by the parser. */
  readonly flags?: readonly FlagSpec[];
  readonly subcommands?: readonly CommandSpec[];
  /** Sections of the root help (`Basic Commands (Beginner):`); else `Available Commands:`. */
  readonly groups?: readonly { readonly title: string; readonly commands: readonly string[] }[];
  readonly hidden?: boolean;
  /** Whether the command runs by itself; defaults to true. */
  readonly runnable?: boolean;
  /** false stops flag parsing at the first positional (pflag SetInterspersed(false)). */
  readonly interspersed?: boolean;
}

/** What kubectl prints and exits with when a command cannot run. */
export interface CommandFailure {
  readonly stderr: string;
  readonly exitCode: number;
}

/** The command a line names: the path from the root, and the words left for it to parse. */
export type CommandLookup =
  | { readonly ok: true; readonly path: readonly CommandSpec[]; readonly args: readonly string[] }
  | ({ readonly ok: false } & CommandFailure);

/** `kubectl create deployment`: the words of a command path. */
export function commandPath(path: readonly CommandSpec[]): string {
  return path.map((c) => c.name).join(' ');
}

/** Every flag a command accepts: its own, the global ones, and `-h, --help`. */
export function flagsOf(command: CommandSpec): FlagSpec[] {
  return [...(command.flags ?? []), ...GLOBAL_FLAGS, helpFlag(command.name)];
}

/**
 * kubectl's checkErr: prefix `error: ` unless the text has it, end with one newline.
 * Exit code 1 (cmd/util DefaultErrorExitCode).
 */
export function errorOutput(message: string): CommandFailure {
  const text = message.startsWith('error: ') ? message : `error: ${message}`;
  return { stderr: text.endsWith('\n') ? text : `${text}\n`, exitCode: 1 };
}

/**
 * A flag error as kubectl's templater decorates it: `error: unknown flag: --foo` then
 * `See 'kubectl get --help' for usage.` (kubectl v1.30: cli.RunNoErrOutput + checkErr).
 */
export function flagErrorOutput(path: readonly CommandSpec[], message: string): CommandFailure {
  return errorOutput(`${message}\nSee '${commandPath(path)} --help' for usage.`);
}

/** Finds the command a line names, reading subcommand words past flags like cobra. */
export function findCommand(root: CommandSpec, argv: readonly string[]): CommandLookup {
  const path: CommandSpec[] = [root];
  let args = [...argv];
  for (;;) {
    const current = path[path.length - 1]!;
    const flags = flagsOf(current);
    const words = stripFlags(args, flags);
    const next = words[0] === undefined ? undefined : findChild(current, words[0]);
    if (next) {
      args = withoutFirst(args, words[0]!, flags);
      path.push(next);
      continue;
    }
    // cobra's legacyArgs: only the root rejects an unknown subcommand word.
    if (path.length === 1 && words.length > 0 && (current.subcommands?.length ?? 0) > 0) {
      // cmd.go hands an unknown verb to the plugin handler first, which refuses a line that
      // starts with a flag and prints that itself (HandlePluginCommand, `Error: `).
      if (argv[0]!.startsWith('-')) return { ok: false, stderr: `Error: flags cannot be placed before plugin name: ${argv[0]}\n`, exitCode: 1 };
      return { ok: false, ...errorOutput(`unknown command "${words[0]}" for "${root.name}"${suggestionText(root, words[0]!)}`) };
    }
    return { ok: true, path, args };
  }
}

function findChild(command: CommandSpec, word: string): CommandSpec | undefined {
  return command.subcommands?.find((c) => c.name === word || (c.aliases ?? []).includes(word));
}

/** Whether a flag word takes the next word as its value, judged as cobra's stripFlags does. */
function takesValue(word: string, flags: readonly FlagSpec[]): boolean {
  if (word.includes('=')) return false;
  if (word.startsWith('--')) {
    const spec = flags.find((f) => normalizeFlagName(f.name) === normalizeFlagName(word.slice(2)));
    return !spec || noOptDefault(spec) === undefined;
  }
  if (word.startsWith('-') && word.length === 2) {
    const spec = flags.find((f) => f.short === word[1]);
    return !spec || noOptDefault(spec) === undefined;
  }
  return false;
}

/** cobra's stripFlags: the non-flag words before `--`. */
function stripFlags(args: readonly string[], flags: readonly FlagSpec[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i]!;
    if (s === '--') break;
    if (s.startsWith('-') && takesValue(s, flags)) {
      // cobra stops when the flag's value would be the last word (its `len(args) <= 1` quirk).
      if (i + 2 >= args.length) break;
      i++;
    } else if (s !== '' && !s.startsWith('-')) {
      words.push(s);
    }
  }
  return words;
}

/** cobra's argsMinusFirstX: drop the subcommand word, leaving flags where they were. */
function withoutFirst(args: readonly string[], word: string, flags: readonly FlagSpec[]): string[] {
  for (let i = 0; i < args.length; i++) {
    const s = args[i]!;
    if (s === '--') break;
    if (s.startsWith('-') && takesValue(s, flags)) i++;
    else if (!s.startsWith('-') && s === word) return [...args.slice(0, i), ...args.slice(i + 1)];
  }
  return [...args];
}

/**
 * cobra's findSuggestions: commands within Levenshtein distance 2 (ignoring case) or
 * starting with the typed word, in the order they were added (kubectl: `ge` -> set, get, cp).
 */
export function suggestionText(root: CommandSpec, typed: string): string {
  const names = (root.subcommands ?? [])
    .filter((c) => !c.hidden)
    .map((c) => c.name)
    .filter((name) => levenshtein(typed.toLowerCase(), name.toLowerCase()) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()));
  return names.length === 0 ? '' : `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}`;
}

/** Edit distance between two strings (insert, delete, substitute cost 1). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
