/**
 * Variable assignments in scripts and at the prompt: `NAME=value`, `export NAME=value`,
 * `unset NAME`. They change the env for later lines, as in a shell session.
 */
import { expandAssignmentValue, type Env } from './expand.js';
import type { Word } from './lexer.js';

/** What a command's leading assignments did: the words left to run, and the new values. */
export type AssignmentSplit =
  | { readonly ok: true; readonly assignments: readonly (readonly [string, string | undefined])[]; readonly words: readonly Word[] }
  | { readonly ok: false; readonly error: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** The literal text of a word when it has no quotes or `$`, else undefined. */
function plain(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined;
  const part = word.parts[0]!;
  return part.kind === 'text' && !part.quoted ? part.text : undefined;
}

/** The name when a word is `NAME=...` with an unquoted name, like the shell's rule. */
function assignmentName(word: Word): string | undefined {
  const first = word.parts[0];
  if (!first || first.kind !== 'text' || first.quoted) return undefined;
  return ASSIGNMENT.exec(first.text)?.[1];
}

/**
 * Splits leading `NAME=value` words off a command, and interprets `export` and `unset`.
 * A value `undefined` means "unset". Values are expanded left to right, so `A=1 B=$A`
 * sets B to 1 as sh does.
 */
export function splitAssignments(words: readonly Word[], env: Env): AssignmentSplit {
  const assignments: [string, string | undefined][] = [];
  const running: Record<string, string> = { ...env };
  const assign = (word: Word, name: string) => {
    const value = expandAssignmentValue(word, name.length + 1, running);
    running[name] = value;
    assignments.push([name, value]);
  };
  const verb = words.length > 0 ? plain(words[0]!) : undefined;
  if (verb === 'export' || verb === 'unset') {
    for (const word of words.slice(1)) {
      const name = assignmentName(word);
      if (verb === 'export' && name !== undefined) {
        assign(word, name);
        continue;
      }
      const bare = plain(word);
      if (bare === undefined || !NAME.test(bare)) return { ok: false, error: `${verb}: '${sourceText(word)}': not a valid identifier` };
      // `export NAME` keeps the value it has; `unset NAME` removes it.
      assignments.push([bare, verb === 'export' ? (running[bare] ?? '') : undefined]);
    }
    return { ok: true, assignments, words: [] };
  }
  let i = 0;
  for (; i < words.length; i++) {
    const name = assignmentName(words[i]!);
    if (name === undefined) break;
    assign(words[i]!, name);
  }
  return { ok: true, assignments, words: words.slice(i) };
}

/**
 * Applies assignments to an env. `persist` is false for `VAR=x cmd`, whose assignments
 * only reach that one command in a shell: kubectl reads no variables, so they are dropped.
 */
export function applyAssignments(
  env: Env,
  assignments: readonly (readonly [string, string | undefined])[],
  persist: boolean,
): Record<string, string> {
  const next: Record<string, string> = { ...env };
  if (!persist) return next;
  for (const [name, value] of assignments) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next;
}

function sourceText(word: Word): string {
  return word.parts.map((p) => (p.kind === 'text' ? p.text : `$${p.name}`)).join('');
}
