/**
 * The script format (DESIGN.md "Script format"): one text drives tests, solutions, graded
 * submissions and benchmarks. A script parses into steps — argv plus optional stdin from
 * a heredoc — with shell rules where a learner expects them. Variable assignments update
 * the env for later lines and produce no step.
 */
import { expandHeredoc, expandWords, type Env } from './expand.js';
import { lexLine, type LexedCommand } from './lexer.js';
import { applyAssignments, splitAssignments } from './assign.js';

/** One command to run, in script order. */
export interface ScriptStep {
  /** 1-based line where the command starts. */
  readonly line: number;
  readonly argv: readonly string[];
  /** The heredoc body, with its final newline, when the command has `<<WORD`. */
  readonly stdin?: string;
  /** The command as written (continuations kept, comment and heredoc body left out). */
  readonly raw: string;
}

/** A syntax error in a script, at a 1-based line. */
export interface ScriptError {
  readonly line: number;
  readonly message: string;
}

/** A parsed script, or the first syntax error (a shell also stops at the first one). */
export type ScriptParse =
  | { readonly ok: true; readonly steps: readonly ScriptStep[]; readonly env: Env }
  | { readonly ok: false; readonly error: ScriptError };

/** `line 3: unterminated quote: missing closing '`: how a transcript reports an error. */
export function formatScriptError(error: ScriptError): string {
  return `line ${error.line}: ${error.message}`;
}

/**
 * Parses a script. `env` seeds the variables (e.g. from the lesson); `VAR=x` and
 * `export VAR=x` lines change them for the lines after.
 */
export function parseScript(text: string, env: Env = {}): ScriptParse {
  const lines = new LineIndex(text);
  const steps: ScriptStep[] = [];
  let vars: Record<string, string> = { ...env };
  let pos = 0;
  while (pos < text.length) {
    const lexed = lexLine(text, pos);
    if (!lexed.ok) return fail(lines.lineOf(lexed.error.offset), lexed.error.message);
    pos = lexed.next;
    for (const command of lexed.commands) {
      const line = lines.lineOf(command.start);
      let stdin: string | undefined;
      if (command.heredoc) {
        const body = readHeredoc(text, pos, command, vars);
        if (!body.ok) return fail(line, body.error);
        stdin = body.text;
        pos = body.next;
      }
      const split = splitAssignments(command.words, vars);
      if (!split.ok) return fail(line, split.error);
      vars = applyAssignments(vars, split.assignments, split.words.length === 0);
      if (split.words.length === 0) {
        if (stdin !== undefined) return fail(line, 'a heredoc needs a command to read it');
        continue;
      }
      const argv = expandWords(split.words, vars);
      if (argv.length === 0) continue; // `$EMPTY` alone expands to nothing, like sh
      const raw = text.slice(command.start, command.end);
      steps.push(stdin === undefined ? { line, argv, raw } : { line, argv, stdin, raw });
    }
  }
  return { ok: true, steps, env: vars };
}

function fail(line: number, message: string): ScriptParse {
  return { ok: false, error: { line, message } };
}

/**
 * Reads a heredoc body from the line at `pos` up to the line equal to the delimiter.
 * `<<-` strips leading tabs first; an unquoted delimiter expands `$VAR` in the body.
 */
function readHeredoc(
  text: string,
  pos: number,
  command: LexedCommand,
  env: Env,
): { ok: true; text: string; next: number } | { ok: false; error: string } {
  const { delimiter, quoted, stripTabs } = command.heredoc!;
  const body: string[] = [];
  let at = pos;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    let line = text.slice(at, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (stripTabs) line = line.replace(/^\t+/, '');
    at = nl < 0 ? text.length : nl + 1;
    if (line === delimiter) {
      const raw = body.map((l) => `${l}\n`).join('');
      if (quoted) return { ok: true, text: raw, next: at };
      const expanded = expandHeredoc(raw, env);
      return expanded.ok ? { ok: true, text: expanded.text, next: at } : { ok: false, error: expanded.error };
    }
    body.push(line);
  }
  // bash only warns here; a script that lost its end word is almost always a mistake.
  return { ok: false, error: `here-document delimited by end-of-file (wanted '${delimiter}')` };
}

/** Maps source offsets to 1-based line numbers. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
