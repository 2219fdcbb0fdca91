/**
 * Word expansion as the shell does it: parameters (`$X`, `${X:-d}`, `${#X}`, `$?`),
 * command substitution, arithmetic, then field splitting of unquoted results and
 * pathname globbing of unquoted `*` and `?` against the container filesystem.
 */
import type { Word, WordPart } from './ast.js';
import type { Yield } from '../io.js';
import type { ContainerFs } from '../types.js';
import { normalizePath } from '../memory-fs.js';

/** What expansion needs from the shell. */
export interface ExpandHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Runs a command substitution and returns its stdout (trailing newlines are trimmed by the caller). */
  substitute(src: string): Generator<Yield, string, void>;
  arithmetic(src: string): number;
  /** Reports `${X:?msg}` and bad substitutions; throws to abort the command. */
  fail(message: string): never;
  readonly fs: ContainerFs;
  readonly cwd: string;
}

/** A run of expanded text and whether it may be split and globbed. */
interface Segment {
  readonly text: string;
  readonly split: boolean;
  /** Unquoted literal text, where `*` and `?` glob. */
  readonly glob?: boolean;
}

/** Expands a word to fields (a command's argv entries). */
export function* expandFields(host: ExpandHost, word: Word): Generator<Yield, string[], void> {
  const segments = yield* expandSegments(host, word);
  const fields = splitFields(segments);
  const out: string[] = [];
  for (const f of fields) out.push(...(f.glob ? glob(host, f.text) : [f.text]));
  return out;
}

/** Expands a word to one string without splitting (assignments, redirection targets, case words). */
export function* expandString(host: ExpandHost, word: Word): Generator<Yield, string, void> {
  const segments = yield* expandSegments(host, word);
  return segments.map((s) => s.text).join('');
}

function* expandSegments(host: ExpandHost, word: Word): Generator<Yield, Segment[], void> {
  const out: Segment[] = [];
  for (const part of word) out.push(yield* expandPart(host, part));
  return out;
}

function* expandPart(host: ExpandHost, part: WordPart): Generator<Yield, Segment, void> {
  switch (part.k) {
    case 'lit':
      return { text: part.text, split: false, glob: !part.q };
    case 'cmd': {
      const text = (yield* host.substitute(part.src)).replace(/\n+$/, '');
      return { text, split: !part.q };
    }
    case 'arith':
      return { text: String(host.arithmetic(part.src)), split: !part.q };
    case 'param':
      return { text: yield* expandParam(host, part), split: !part.q };
  }
}

function* expandParam(host: ExpandHost, part: Extract<WordPart, { k: 'param' }>): Generator<Yield, string, void> {
  const value = host.getVar(part.name);
  const op = part.op;
  if (!op) return value ?? '';
  if (op === '#len') return String((value ?? '').length);
  const arg = function* (): Generator<Yield, string, void> {
    return yield* expandString(host, part.arg ?? []);
  };
  const unsetOrEmpty = value === undefined || (op.startsWith(':') && value === '');
  switch (op) {
    case ':-': case '-':
      return unsetOrEmpty ? yield* arg() : value!;
    case ':=': case '=': {
      if (!unsetOrEmpty) return value!;
      const v = yield* arg();
      host.setVar(part.name, v);
      return v;
    }
    case ':+': case '+':
      return unsetOrEmpty ? '' : yield* arg();
    case ':?': case '?': {
      if (!unsetOrEmpty) return value!;
      const msg = yield* arg();
      return host.fail(`${part.name}: ${msg || 'parameter not set'}`);
    }
    case '#': case '##': case '%': case '%%': {
      const v = value ?? '';
      const pattern = yield* arg();
      return trimPattern(v, pattern, op);
    }
    default:
      return host.fail(`\${${part.name}${op}}: bad substitution`);
  }
}

/** `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}` with glob patterns. */
function trimPattern(value: string, pattern: string, op: string): string {
  const re = globToRegExp(pattern);
  if (op === '#' || op === '##') {
    const lengths = [...Array(value.length + 1).keys()];
    if (op === '##') lengths.reverse();
    for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === '%') starts.reverse();
  for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  return value;
}

/** A shell glob (`*`, `?`, `[…]`) as an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

interface Field {
  text: string;
  glob: boolean;
  quotedAny: boolean;
}

/** Splits unquoted expansion results on IFS whitespace; quoted empties stay as fields. */
function splitFields(segments: readonly Segment[]): Field[] {
  const fields: Field[] = [];
  let current: Field | undefined;
  for (const seg of segments) {
    const globbable = seg.glob === true;
    if (!seg.split) {
      current ??= { text: '', glob: false, quotedAny: false };
      current.text += seg.text;
      if (globbable && /[*?[]/.test(seg.text)) current.glob = true;
      if (!globbable) current.quotedAny = true;
      continue;
    }
    const pieces = seg.text.split(/[ \t\n]+/);
    pieces.forEach((piece, idx) => {
      if (idx > 0) {
        if (current && (current.text !== '' || current.quotedAny)) fields.push(current);
        current = undefined;
      }
      if (piece !== '') {
        current ??= { text: '', glob: false, quotedAny: false };
        current.text += piece;
      }
    });
  }
  if (current && (current.text !== '' || current.quotedAny)) fields.push(current);
  return fields;
}

/** Expands a pattern against the filesystem; no match leaves the pattern as it is (POSIX). */
function glob(host: ExpandHost, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let paths = [absolute ? '/' : host.cwd];
  let shown = [absolute ? '/' : ''];
  for (const part of parts) {
    const nextPaths: string[] = [];
    const nextShown: string[] = [];
    paths.forEach((dir, idx) => {
      const prefix = shown[idx]!;
      const join = (name: string): string => (prefix === '' ? name : prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`);
      if (!/[*?[]/.test(part)) {
        const p = normalizePath(`${dir}/${part}`);
        if (host.fs.exists(p)) {
          nextPaths.push(p);
          nextShown.push(join(part));
        }
        return;
      }
      const re = globToRegExp(part);
      for (const name of host.fs.list(dir) ?? []) {
        if (name.startsWith('.') && !part.startsWith('.')) continue;
        if (re.test(name)) {
          nextPaths.push(normalizePath(`${dir}/${name}`));
          nextShown.push(join(name));
        }
      }
    });
    paths = nextPaths;
    shown = nextShown;
  }
  return shown.length > 0 ? shown : [pattern];
}

