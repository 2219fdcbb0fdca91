/**
 * Expansion: turns lexed words into argv with `$VAR` values from an env map, and expands
 * unquoted heredoc bodies, following the shell's rules a learner relies on.
 */
import { readDollarAt, type Word } from './lexer.js';

/** Variables visible to a script or prompt: name -> value. */
export type Env = Readonly<Record<string, string>>;

/**
 * Expands words into fields. Like sh: an unquoted `$VAR` is split on blanks and vanishes
 * when empty, a quoted one stays one field (`"$X"` is always one argument).
 */
export function expandWords(words: readonly Word[], env: Env): string[] {
  const out: string[] = [];
  for (const word of words) out.push(...expandWord(word, env));
  return out;
}

function expandWord(word: Word, env: Env): string[] {
  const fields: string[] = [];
  let current = '';
  // Whether the current field exists even if empty (it had quoted or literal content).
  let solid = false;
  for (const part of word.parts) {
    if (part.kind === 'text') {
      current += part.text;
      solid = true;
      continue;
    }
    const value = lookup(env, part.name, part.fallback);
    if (part.quoted) {
      current += value;
      solid = true;
      continue;
    }
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (solid || current) fields.push(current);
        current = '';
        solid = false;
      }
      current += piece;
    });
  }
  if (solid || current) fields.push(current);
  return fields;
}

function lookup(env: Env, name: string, fallback: string | undefined): string {
  const value = Object.prototype.hasOwnProperty.call(env, name) ? env[name]! : '';
  return value === '' && fallback !== undefined ? fallback : value;
}

/** Expands a word as the right side of `NAME=value`: no field splitting, like sh. */
export function expandAssignmentValue(word: Word, skipChars: number, env: Env): string {
  let skip = skipChars;
  let out = '';
  for (const part of word.parts) {
    if (part.kind === 'var') {
      out += lookup(env, part.name, part.fallback);
      continue;
    }
    const text = part.text.slice(Math.min(skip, part.text.length));
    skip -= part.text.length - text.length;
    out += text;
  }
  return out;
}

/**
 * Expands an unquoted heredoc body: `$VAR`, `${VAR}`, and `\` before $ ` \ and newline.
 * Other backslashes and all quotes pass through unchanged, as in a shell heredoc.
 */
export function expandHeredoc(body: string, env: Env): { ok: true; text: string } | { ok: false; error: string } {
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === '\\' && '$`\\\n'.includes(body[i + 1] ?? 'x')) {
      if (body[i + 1] !== '\n') out += body[i + 1];
      i += 2;
    } else if (c === '$') {
      const r = readDollarAt(body, i, true);
      if (r === undefined) {
        out += '$';
        i++;
      } else if ('error' in r) {
        return { ok: false, error: r.error };
      } else {
        const p = r.part;
        out += p.kind === 'var' ? lookup(env, p.name, p.fallback) : '';
        i = r.next;
      }
    } else if (c === '`') {
      return { ok: false, error: 'command substitution (`...`) is not supported' };
    } else {
      out += c;
      i++;
    }
  }
  return { ok: true, text: out };
}
