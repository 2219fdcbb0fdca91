/**
 * The tokeniser for one interactive line (the TUI prompt, `kubectl.run(line)`), with the
 * same rules as the script format: quotes, escapes, comments, `$VAR`, assignments.
 */
import { applyAssignments, splitAssignments } from './assign.js';
import { expandWords, type Env } from './expand.js';
import { lexLine } from './lexer.js';

/** A tokenised prompt line. */
export type LineTokens =
  | {
      readonly ok: true;
      /** The command's arguments; empty for a blank line, a comment or assignments only. */
      readonly argv: readonly string[];
      /** The env after the line: changed by `NAME=x`, `export`, `unset`. */
      readonly env: Env;
    }
  | {
      readonly ok: false;
      readonly error: string;
      /** True when more input would complete the line (open quote, trailing `\`). */
      readonly incomplete: boolean;
    };

/** Tokenises one prompt line. A line may hold a single command; heredocs need a script. */
export function tokenizeLine(line: string, env: Env = {}): LineTokens {
  // A newline typed inside quotes (multi-line paste) belongs to the line; a trailing one does not.
  const text = line.replace(/\r?\n$/, '');
  const lexed = lexLine(text, 0);
  if (!lexed.ok) return { ok: false, error: lexed.error.message, incomplete: lexed.error.incomplete };
  if (lexed.next < text.length) return { ok: false, error: 'one command per line at the prompt', incomplete: false };
  if (lexed.commands.length > 1) return { ok: false, error: "';' is not supported at the prompt: run one command at a time", incomplete: false };
  const command = lexed.commands[0];
  if (!command) return { ok: true, argv: [], env };
  if (command.heredoc) return { ok: false, error: 'heredocs (<<) need a script or a file: use kubectl apply -f FILE', incomplete: false };
  const split = splitAssignments(command.words, env);
  if (!split.ok) return { ok: false, error: split.error, incomplete: false };
  const next = applyAssignments(env, split.assignments, split.words.length === 0);
  return { ok: true, argv: expandWords(split.words, next), env: next };
}
