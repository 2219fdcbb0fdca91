/**
 * The prompt's interpreter: what a learner types at `controlplane $ `. kubectl (and the
 * `k` alias) go to the emulator; the tutor's own words (hint, next, ...) go back to the
 * app; a few shell conveniences (clear, ls, cat, alias, export, echo) behave like bash.
 * Multi-line input (heredocs, open quotes, `\` continuations) waits for its end.
 */
import { parseScript } from '../script/parse.js';
import type { KubectlResult, OutputChunk } from '../kubectl/types.js';

/** Words the tutor handles itself; kubectl never sees them. */
export const TUTOR_WORDS = ['hint', 'next', 'reset', 'lessons', 'panes', 'edit', 'answer', 'help', 'quit', 'exit'] as const;
export type TutorWord = (typeof TUTOR_WORDS)[number];

/** What the prompt keeps between lines. */
export interface ShellState {
  readonly aliases: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
}

export const INITIAL_SHELL: ShellState = { aliases: { k: 'kubectl' }, env: { KUBE_EDITOR: 'vi' } };

/** One effect of a line. */
export type ShellEffect =
  | { readonly kind: 'output'; readonly chunks: readonly OutputChunk[]; readonly exitCode: number }
  | { readonly kind: 'clear' }
  | { readonly kind: 'tutor'; readonly word: TutorWord; readonly args: readonly string[] };

export type ShellResult =
  /** The input is not finished (open heredoc or quote): show a `> ` continuation prompt. */
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'done'; readonly effects: readonly ShellEffect[]; readonly state: ShellState };

/** What the shell can reach. */
export interface ShellContext {
  /**
   * Runs kubectl with argv (without `kubectl`) and optional stdin; `line` is the same
   * command as one prompt line (`kubectl ARGS`, each word quoted), for a lesson session
   * that journals lines.
   */
  kubectl(argv: readonly string[], stdin: string | undefined, line: string): KubectlResult;
  /** Lists the workspace (the learner's files), or undefined when the path is missing. */
  list(path: string): string[] | undefined;
  /** Reads a workspace file, or undefined when missing. */
  read(path: string): string | undefined;
}

const INCOMPLETE = [/here-document delimited by end-of-file/, /unterminated quote/, /unexpected end of input after \\/];

const out = (text: string, exitCode = 0): ShellEffect => ({ kind: 'output', chunks: text ? [{ stream: 'stdout', text }] : [], exitCode });
const err = (text: string, exitCode = 1): ShellEffect => ({ kind: 'output', chunks: [{ stream: 'stderr', text }], exitCode });

/** Interprets the text typed (one or more lines) and returns what it does. */
export function runShellInput(text: string, state: ShellState, ctx: ShellContext): ShellResult {
  const parsed = parseScript(text.endsWith('\n') ? text : `${text}\n`, state.env);
  if (!parsed.ok) {
    if (INCOMPLETE.some((re) => re.test(parsed.error.message))) return { kind: 'incomplete' };
    return { kind: 'done', effects: [err(`bash: ${parsed.error.message}\n`, 2)], state };
  }
  let current: ShellState = { ...state, env: parsed.env };
  const effects: ShellEffect[] = [];
  for (const step of parsed.steps) {
    const alias = current.aliases[step.argv[0]!];
    const argv = alias ? [...alias.split(/\s+/), ...step.argv.slice(1)] : [...step.argv];
    const [cmd, ...args] = argv;
    const r = builtin(cmd!, args, step.stdin, current, ctx);
    current = r.state;
    effects.push(...r.effects);
  }
  return { kind: 'done', effects, state: current };
}

function builtin(cmd: string, args: string[], stdin: string | undefined, state: ShellState, ctx: ShellContext): { effects: ShellEffect[]; state: ShellState } {
  const done = (...effects: ShellEffect[]) => ({ effects, state });
  if ((TUTOR_WORDS as readonly string[]).includes(cmd)) return done({ kind: 'tutor', word: cmd as TutorWord, args });
  switch (cmd) {
    case 'kubectl': {
      const r = ctx.kubectl(args, stdin, ['kubectl', ...args].map(shellQuote).join(' '));
      return done({ kind: 'output', chunks: r.output, exitCode: r.exitCode });
    }
    case 'clear':
      return done({ kind: 'clear' });
    case 'echo':
      return done(out(`${args.join(' ')}\n`));
    case 'pwd':
      return done(out('/root\n'));
    case 'alias': {
      if (args.length === 0) return done(out(Object.entries(state.aliases).map(([k, v]) => `alias ${k}='${v}'\n`).join('')));
      const aliases = { ...state.aliases };
      const shown: string[] = [];
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq < 0) {
          if (aliases[a] === undefined) return done(err(`bash: alias: ${a}: not found\n`));
          shown.push(`alias ${a}='${aliases[a]}'\n`);
        } else aliases[a.slice(0, eq)] = a.slice(eq + 1);
      }
      return { effects: shown.length ? [out(shown.join(''))] : [], state: { ...state, aliases } };
    }
    case 'unalias': {
      const aliases = { ...state.aliases };
      for (const a of args) {
        if (aliases[a] === undefined) return done(err(`bash: unalias: ${a}: not found\n`));
        delete aliases[a];
      }
      return { effects: [], state: { ...state, aliases } };
    }
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'));
      const targets = paths.length ? paths : ['.'];
      const effects: ShellEffect[] = [];
      for (const p of targets) {
        const entries = ctx.list(p);
        if (entries) effects.push(out(entries.length ? `${entries.join('  ')}\n` : ''));
        else if (ctx.read(p) !== undefined) effects.push(out(`${p}\n`));
        else effects.push(err(`ls: cannot access '${p}': No such file or directory\n`, 2));
      }
      return done(...effects);
    }
    case 'cat': {
      if (args.length === 0) return done(out(stdin ?? ''));
      return done(...args.map((p) => {
        const text = ctx.read(p);
        if (text !== undefined) return out(text);
        return err(ctx.list(p) ? `cat: ${p}: Is a directory\n` : `cat: ${p}: No such file or directory\n`);
      }));
    }
    default:
      return done(err(`bash: ${cmd}: command not found\n`, 127));
  }
}

/** Quotes a word for the prompt's shell rules (POSIX single quotes when needed). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
