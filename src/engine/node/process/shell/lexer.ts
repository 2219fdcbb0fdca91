/**
 * Turns shell source into tokens: words (already split into literal, parameter, command
 * substitution and arithmetic parts, with quoting remembered) and operators. Heredoc
 * bodies are read when the line that opened them ends.
 */
import { ShellSyntaxError, type Word, type WordPart } from './ast.js';

/** A token: a word with its raw text (for reserved words and assignments), an operator, or a newline. */
export type Token =
  | { readonly type: 'word'; readonly word: Word; readonly raw: string; readonly quoted: boolean }
  | { readonly type: 'op'; readonly op: string; readonly fd?: number }
  | { readonly type: 'newline' }
  | { readonly type: 'heredoc'; readonly body: string; readonly expand: boolean };

const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '&>', '>|', ';', '&', '|', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/** Tokenises a whole script. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const pendingHeredocs: { delim: string; expand: boolean; strip: boolean; index: number }[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n') {
      tokens.push({ type: 'newline' });
      i++;
      for (const h of pendingHeredocs.splice(0)) {
        const { body, end } = readHeredoc(src, i, h.delim, h.strip);
        tokens[h.index] = { type: 'heredoc', body, expand: h.expand };
        i = end;
      }
      continue;
    }
    // An IO number: digits directly followed by < or >.
    const io = /^(\d+)(?=[<>])/.exec(src.slice(i, i + 4));
    if (io) {
      i += io[1]!.length;
      const op = OPERATORS.find((o) => src.startsWith(o, i))!;
      tokens.push({ type: 'op', op, fd: Number(io[1]) });
      i += op.length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', op });
      i += op.length;
      if (op === '<<' || op === '<<-') {
        while (src[i] === ' ' || src[i] === '\t') i++;
        const start = i;
        const { end } = scanWord(src, i);
        const rawDelim = src.slice(start, end);
        const delim = rawDelim.replace(/["'\\]/g, '');
        pendingHeredocs.push({ delim, expand: delim === rawDelim, strip: op === '<<-', index: tokens.length });
        tokens.push({ type: 'heredoc', body: '', expand: true });
        i = end;
      }
      continue;
    }
    const { word, end, quoted } = scanWord(src, i);
    tokens.push({ type: 'word', word, raw: src.slice(i, end), quoted });
    i = end;
  }
  if (pendingHeredocs.length > 0) {
    for (const h of pendingHeredocs) tokens[h.index] = { type: 'heredoc', body: '', expand: h.expand };
  }
  return tokens;
}

function readHeredoc(src: string, start: number, delim: string, strip: boolean): { body: string; end: number } {
  let i = start;
  let body = '';
  while (i < src.length) {
    const nl = src.indexOf('\n', i);
    const line = src.slice(i, nl === -1 ? src.length : nl);
    i = nl === -1 ? src.length : nl + 1;
    const text = strip ? line.replace(/^\t+/, '') : line;
    if (text === delim) return { body, end: i };
    body += text + '\n';
  }
  return { body, end: i };
}

/** Scans one word starting at `start` in unquoted context. */
export function scanWord(src: string, start: number): { word: WordPart[]; end: number; quoted: boolean } {
  const parts: WordPart[] = [];
  let lit = '';
  let quoted = false;
  const flush = (q: boolean): void => {
    if (lit) parts.push({ k: 'lit', text: lit, q });
    lit = '';
  };
  let i = start;
  while (i < src.length && !META.has(src[i]!)) {
    const c = src[i]!;
    if (c === '\\') {
      if (src[i + 1] === '\n') { i += 2; continue; }
      flush(false);
      quoted = true;
      if (i + 1 < src.length) parts.push({ k: 'lit', text: src[i + 1]!, q: true });
      i += 2;
    } else if (c === "'") {
      flush(false);
      quoted = true;
      const close = src.indexOf("'", i + 1);
      if (close === -1) throw new ShellSyntaxError('unterminated quoted string');
      parts.push({ k: 'lit', text: src.slice(i + 1, close), q: true });
      i = close + 1;
    } else if (c === '"') {
      flush(false);
      quoted = true;
      i = scanDoubleQuoted(src, i + 1, parts);
    } else if (c === '$' || c === '`') {
      flush(false);
      i = scanDollar(src, i, parts, false);
    } else {
      lit += c;
      i++;
    }
  }
  flush(false);
  return { word: parts, end: i, quoted };
}

/** Scans the inside of "…" from `i` (after the quote); returns the index after the closing quote. */
function scanDoubleQuoted(src: string, i: number, parts: WordPart[]): number {
  let lit = '';
  const flush = (): void => {
    parts.push({ k: 'lit', text: lit, q: true });
    lit = '';
  };
  while (i < src.length && src[i] !== '"') {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1]!)) {
      if (src[i + 1] !== '\n') lit += src[i + 1];
      i += 2;
    } else if (c === '$' || c === '`') {
      if (lit) flush();
      i = scanDollar(src, i, parts, true);
    } else {
      lit += c;
      i++;
    }
  }
  if (i >= src.length) throw new ShellSyntaxError('unterminated quoted string');
  flush();
  return i + 1;
}

/** Scans `$…` or a backquote at `i`; returns the index after it. A lone `$` is literal. */
function scanDollar(src: string, i: number, parts: WordPart[], q: boolean): number {
  if (src[i] === '`') {
    const close = src.indexOf('`', i + 1);
    if (close === -1) throw new ShellSyntaxError('unterminated quoted string');
    parts.push({ k: 'cmd', src: src.slice(i + 1, close).replace(/\\([`$\\])/g, '$1'), q });
    return close + 1;
  }
  const next = src[i + 1];
  if (next === '(' && src[i + 2] === '(') {
    const close = findClose(src, i + 3, '(', ')', 2);
    parts.push({ k: 'arith', src: src.slice(i + 3, close - 1), q });
    return close + 1;
  }
  if (next === '(') {
    const close = findClose(src, i + 2, '(', ')', 1);
    parts.push({ k: 'cmd', src: src.slice(i + 2, close), q });
    return close + 1;
  }
  if (next === '{') {
    const close = findClose(src, i + 2, '{', '}', 1);
    parts.push(parseBraced(src.slice(i + 2, close), q));
    return close + 1;
  }
  const special = next !== undefined && /[?$#@*!0-9-]/.test(next);
  if (special) {
    parts.push({ k: 'param', name: next, q });
    return i + 2;
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1))?.[0];
  if (name) {
    parts.push({ k: 'param', name, q });
    return i + 1 + name.length;
  }
  parts.push({ k: 'lit', text: '$', q });
  return i + 1;
}

/** Index of the closing bracket matching `depth` open ones, skipping quotes. */
function findClose(src: string, i: number, open: string, close: string, depth: number): number {
  let d = depth;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const e = src.indexOf("'", i + 1); i = e === -1 ? src.length : e + 1; continue; }
    if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === open) d++;
    else if (c === close) {
      d--;
      if (d === 0) return i;
    }
    i++;
  }
  throw new ShellSyntaxError(`missing '${close}'`);
}

const BRACED_OPS = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%'];

/** `${…}` contents: `name`, `#name`, `name<op>word`. */
function parseBraced(inner: string, q: boolean): WordPart {
  if (inner.startsWith('#') && inner.length > 1) return { k: 'param', name: inner.slice(1), op: '#len', q };
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])/.exec(inner)?.[0];
  if (!name) throw new ShellSyntaxError(`\${${inner}}: bad substitution`);
  const rest = inner.slice(name.length);
  if (rest === '') return { k: 'param', name, q };
  const op = BRACED_OPS.find((o) => rest.startsWith(o));
  if (!op) throw new ShellSyntaxError(`\${${inner}}: bad substitution`);
  const argSrc = rest.slice(op.length);
  // The word inside keeps the outer quoting; metacharacters in it are plain text.
  const escaped = argSrc.replace(/[ \t\n;&|<>()]/g, (m) => `\\${m}`);
  const arg = scanWord(escaped, 0).word.map((p) => (q && p.k === 'lit' ? { ...p, q: true } : p));
  return { k: 'param', name, op, arg, q };
}
