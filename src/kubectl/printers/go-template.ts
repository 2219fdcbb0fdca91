/**
 * `-o go-template=...`: the part of Go's text/template that kubectl users write: field
 * chains, `range`/`if`/`with`/`else`/`end`, variables, pipelines and the functions
 * index, len, printf, print, println, eq/ne/lt/le/gt/ge, and/or/not, plus kubectl's
 * base64decode. Missing keys print `<no value>`, as with --allow-missing-template-keys.
 */
import { goQuote, goValue } from './go-format.js';
import type { PrintResult } from './jsonpath.js';

class TemplateError extends Error {}

type Tok = { t: 'text'; v: string } | { t: 'action'; v: string };

// Splits into text and {{ actions }}, applying `{{-` / `-}}` whitespace trimming.
function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) { toks.push({ t: 'text', v: src.slice(i) }); break; }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src.startsWith('- ', start)) { text = text.trimEnd(); start += 1; }
    toks.push({ t: 'text', v: text });
    const close = src.indexOf('}}', start);
    if (close < 0) throw new TemplateError('unclosed action');
    let body = src.slice(start, close);
    i = close + 2;
    if (body.endsWith(' -')) {
      body = body.slice(0, -2);
      while (i < src.length && /\s/.test(src[i]!)) i++;
    }
    if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) toks.push({ t: 'action', v: body.trim() });
  }
  return toks.filter((t) => !(t.t === 'text' && t.v === ''));
}

// Words of an action: strings, parens and bare words.
function words(src: string): string[] {
  const out: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'|\(|\)|\||:=|=|,|[^\s()|,]+)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) out.push(m[1]!);
  return out;
}

type Scope = Map<string, unknown>;
const MISSING = Symbol('missing');

const truthy = (v: unknown): boolean =>
  !(v === MISSING || v === null || v === undefined || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && v !== null && Object.keys(v).length === 0));

// A missing key or a null value prints as text/template's `<no value>`.
const show = (v: unknown): string => (v === MISSING || v === null || v === undefined ? '<no value>' : goValue(v));

function printf(format: string, args: unknown[]): string {
  let n = 0;
  return format.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([svdqtf%])/g, (_m, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    const a = args[n++];
    if (verb === 'q') return goQuote(show(a));
    return show(a);
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new TemplateError('incompatible types for comparison');
}

const FUNCS: Record<string, (...args: unknown[]) => unknown> = {
  index: (v, ...keys) => keys.reduce<unknown>((cur, k) => {
    if (cur === null || cur === undefined || cur === MISSING) throw new TemplateError('index of untyped nil');
    const next = (cur as Record<string, unknown>)[String(k)];
    return next === undefined ? MISSING : next;
  }, v),
  len: (v) => (typeof v === 'string' ? Buffer.byteLength(v) : Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  printf: (format, ...args) => printf(String(format), args),
  print: (...args) => args.map(show).join(''),
  println: (...args) => `${args.map(show).join(' ')}\n`,
  eq: (a, ...bs) => bs.some((b) => a === b),
  ne: (a, b) => a !== b,
  lt: (a, b) => compareValues(a, b) < 0,
  le: (a, b) => compareValues(a, b) <= 0,
  gt: (a, b) => compareValues(a, b) > 0,
  ge: (a, b) => compareValues(a, b) >= 0,
  and: (...args) => args.find((a) => !truthy(a)) ?? args.at(-1),
  or: (...args) => args.find((a) => truthy(a)) ?? args.at(-1),
  not: (a) => !truthy(a),
  base64decode: (s) => Buffer.from(String(s), 'base64').toString('utf8'),
};

class Exec {
  constructor(private readonly root: unknown) {}

  private field(value: unknown, path: string[]): unknown {
    let cur = value;
    for (const name of path) {
      if (cur === MISSING || cur === null || cur === undefined) return MISSING;
      if (typeof cur !== 'object' || Array.isArray(cur)) throw new TemplateError(`can't evaluate field ${name} in type ${Array.isArray(cur) ? '[]interface {}' : typeof cur}`);
      const next = (cur as Record<string, unknown>)[name];
      cur = next === undefined ? MISSING : next;
    }
    return cur;
  }

  private operand(w: string, dot: unknown, scope: Scope): unknown {
    if (w === '.') return dot;
    if (w.startsWith('.')) return this.field(dot, w.slice(1).split('.'));
    if (w.startsWith('$')) {
      const [name, ...rest] = w.split('.');
      const base = name === '$' ? this.root : scope.get(name!);
      if (base === undefined && name !== '$') throw new TemplateError(`undefined variable "${name}"`);
      return this.field(base, rest);
    }
    if (w.startsWith('"')) return JSON.parse(w);
    if (w.startsWith('`')) return w.slice(1, -1);
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'nil') return null;
    if (/^[-+]?\d/.test(w)) return Number(w);
    throw new TemplateError(`function "${w}" not defined`);
  }

  // A pipeline of `|`-separated commands; each command's result is the next one's last argument.
  pipeline(ws: string[], dot: unknown, scope: Scope): unknown {
    const commands: string[][] = [[]];
    let depth = 0;
    for (const w of ws) {
      if (w === '(') depth++;
      if (w === ')') depth--;
      if (w === '|' && depth === 0) commands.push([]);
      else commands.at(-1)!.push(w);
    }
    let prev: unknown = undefined;
    commands.forEach((cmd, i) => {
      prev = this.command(cmd, dot, scope, i > 0 ? [prev] : []);
    });
    return prev;
  }

  private command(ws: string[], dot: unknown, scope: Scope, piped: unknown[]): unknown {
    const args: unknown[] = [];
    for (let i = 1; i < ws.length; i++) {
      if (ws[i] === '(') {
        let depth = 1;
        let j = i + 1;
        for (; j < ws.length && depth > 0; j++) depth += ws[j] === '(' ? 1 : ws[j] === ')' ? -1 : 0;
        args.push(this.pipeline(ws.slice(i + 1, j - 1), dot, scope));
        i = j - 1;
      } else {
        args.push(this.operand(ws[i]!, dot, scope));
      }
    }
    const head = ws[0]!;
    if (head === '(') return this.pipeline(ws.slice(1, -1), dot, scope);
    const fn = FUNCS[head];
    if (fn) return fn(...args, ...piped);
    return this.operand(head, dot, scope);
  }
}

type Block = { kind: 'text'; text: string } | { kind: 'action'; words: string[] } | { kind: 'control'; name: string; words: string[]; body: Block[]; elseBody: Block[] };

// Builds the block tree of range/if/with ... else ... end.
function build(toks: Tok[], pos: { i: number }, stopAt: string[]): { blocks: Block[]; stop: string; stopWords: string[] } {
  const blocks: Block[] = [];
  while (pos.i < toks.length) {
    const tok = toks[pos.i++]!;
    if (tok.t === 'text') { blocks.push({ kind: 'text', text: tok.v }); continue; }
    const ws = words(tok.v);
    const head = ws[0] ?? '';
    if (stopAt.includes(head)) return { blocks, stop: head, stopWords: ws.slice(1) };
    if (head === 'range' || head === 'if' || head === 'with') {
      const body = build(toks, pos, ['else', 'end']);
      let elseBody: Block[] = [];
      if (body.stop === 'else') {
        if (body.stopWords[0] === 'if') {
          // `else if` chains become a nested if in the else branch.
          const nested = build(toks, pos, ['else', 'end']);
          const nestedElse = nested.stop === 'else' ? build(toks, pos, ['end']).blocks : [];
          elseBody = [{ kind: 'control', name: 'if', words: body.stopWords.slice(1), body: nested.blocks, elseBody: nestedElse }];
        } else {
          elseBody = build(toks, pos, ['end']).blocks;
        }
      } else if (body.stop !== 'end') {
        throw new TemplateError(`unexpected EOF`);
      }
      blocks.push({ kind: 'control', name: head, words: ws.slice(1), body: body.blocks, elseBody });
      continue;
    }
    if (head === 'end' || head === 'else') throw new TemplateError(`unexpected {{${head}}}`);
    blocks.push({ kind: 'action', words: ws });
  }
  return { blocks, stop: '', stopWords: [] };
}

function run(exec: Exec, blocks: Block[], dot: unknown, scope: Scope): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'text') { out += b.text; continue; }
    if (b.kind === 'action') {
      const decl = b.words.indexOf(':=') === 1 || b.words.indexOf('=') === 1;
      if (decl) { scope.set(b.words[0]!, exec.pipeline(b.words.slice(2), dot, scope)); continue; }
      out += show(exec.pipeline(b.words, dot, scope));
      continue;
    }
    let ws = b.words;
    let vars: string[] = [];
    const assign = ws.indexOf(':=');
    if (assign > 0) { vars = ws.slice(0, assign).filter((w) => w !== ','); ws = ws.slice(assign + 1); }
    const value = exec.pipeline(ws, dot, scope);
    if (b.name === 'if') { out += run(exec, truthy(value) ? b.body : b.elseBody, dot, new Map(scope)); continue; }
    if (b.name === 'with') { out += truthy(value) ? run(exec, b.body, value, new Map(scope)) : run(exec, b.elseBody, dot, new Map(scope)); continue; }
    const entries: [unknown, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : value && typeof value === 'object' ? Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]) : [];
    if (entries.length === 0) { out += run(exec, b.elseBody, dot, new Map(scope)); continue; }
    for (const [k, v] of entries) {
      const inner = new Map(scope);
      if (vars.length === 1) inner.set(vars[0]!, v);
      if (vars.length === 2) { inner.set(vars[0]!, k); inner.set(vars[1]!, v); }
      out += run(exec, b.body, v, inner);
    }
  }
  return out;
}

/** `kubectl -o go-template=TEMPLATE` on a decoded object (or List); errors are kubectl's stderr. */
export function printGoTemplate(template: string, data: unknown): PrintResult {
  try {
    const toks = lex(template);
    const tree = build(toks, { i: 0 }, []);
    return { ok: true, text: run(new Exec(data), tree.blocks, data, new Map([['$', data]])) };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, stderr: `error: error executing template ${goQuote(template)}: ${e.message}\n` };
    throw e;
  }
}
