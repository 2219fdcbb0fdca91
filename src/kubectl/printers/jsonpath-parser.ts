/**
 * The parser of kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath/parser.go):
 * text with `{...}` actions holding fields, `[i]`, `[a:b]`, `[*]`, `..`, filters
 * `[?(@.x=="y")]`, unions, quoted text and `range`/`end`. Error texts are Go's.
 */

/** A slice bound: whether it was written, its value, and whether it was derived from `[i]`. */
export interface SliceParam {
  known: boolean;
  value: number;
  derived: boolean;
}

/** The parsed template's nodes (parser.go's Node types). */
export type Node =
  | { readonly type: 'list'; readonly nodes: Node[] }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'array'; readonly params: readonly [SliceParam, SliceParam, SliceParam] }
  | { readonly type: 'filter'; readonly left: ListNode; readonly right: ListNode; readonly operator: string }
  | { readonly type: 'int' | 'float'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'wildcard' }
  | { readonly type: 'recursive' }
  | { readonly type: 'union'; readonly nodes: ListNode[] }
  | { readonly type: 'identifier'; readonly name: string };

/** A sequence of nodes evaluated one after another. */
export type ListNode = Extract<Node, { type: 'list' }>;

/** A parse outcome: the root list, or Go's error text (`unclosed action`). */
export type ParseResult = { readonly ok: true; readonly root: ListNode } | { readonly ok: false; readonly error: string };

class ParseError extends Error {}

const list = (): ListNode => ({ type: 'list', nodes: [] });
const isSpace = (r: string): boolean => r === ' ' || r === '\t';
const isEndOfLine = (r: string): boolean => r === '\r' || r === '\n';
const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string): boolean => r === '' || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(r);
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

// strconv.UnquoteChar-style unquoting for "..." and '...' literals.
function unquote(text: string): string {
  const quote = text[0]!;
  const body = text.slice(1, -1);
  if (!body.includes('\\')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    if (e in simple) {
      if ((e === "'" || e === '"') && e !== quote) throw new ParseError(`unquote string ${text} error invalid syntax`);
      return simple[e]!;
    }
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    throw new ParseError(`unquote string ${text} error invalid syntax`);
  });
}

class Parser {
  private pos = 0;
  private start = 0;
  readonly root = list();

  constructor(private readonly input: string) {}

  private next(): string {
    if (this.pos >= this.input.length) return '';
    return this.input[this.pos++]!;
  }
  private peek(): string {
    return this.input[this.pos] ?? '';
  }
  private consume(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }
  private rest(): string {
    return this.input.slice(this.pos);
  }

  parseText(): void {
    while (this.pos < this.input.length) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const action = list();
        this.root.nodes.push(action);
        this.parseInsideAction(action);
        continue;
      }
      this.pos++;
    }
    if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
  }

  // Returns when the action's closing `}` has been consumed.
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        return;
      }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue; }
      if (rest.startsWith('..')) { this.parseRecursive(cur); continue; }
      const r = this.next();
      if (r === '' || isEndOfLine(r)) throw new ParseError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || isDigit(r)) { this.pos--; this.parseNumber(cur); }
      else if (isAlphaNumeric(r)) { this.pos--; this.parseIdentifier(cur); }
      else {
        const cp = r.codePointAt(0)!;
        throw new ParseError(`unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.peek())) this.pos++;
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.type === 'recursive') throw new ParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    if (this.peek() === '+' || this.peek() === '-') this.pos++;
    while (this.peek() === '.' || (this.peek() !== '' && isDigit(this.peek()))) this.pos++;
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new ParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new ParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      const nodes = parts.map((p) => parseAction(`[${p.trim()}]`));
      cur.nodes.push({ type: 'union', nodes });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new ParseError(`invalid array index ${text}`);
    const params: [SliceParam, SliceParam, SliceParam] = [
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') continue;
        if (!/^-?\d+$/.test(v)) throw new ParseError(`array index ${v} is not a number`);
        params[i] = { known: true, value: Number(v), derived: false };
      } else if (i === 1) {
        // `[i]` selects one element: the end is derived from the start.
        params[1] = { known: true, value: params[0].value + 1, derived: true };
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new ParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue; }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) {
        break;
      }
    }
    if (this.next() !== ']') throw new ParseError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: list(), operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
    }
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new ParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    cur.nodes.push({ type: 'text', text: unquote(this.consume()) });
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') { this.next(); continue; }
      if (isTerminator(r)) { if (r !== '') this.pos--; break; }
    }
    const value = this.consume();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replaceAll('\\', '') });
  }
}

// parseAction: parses `{text}` and returns the action's list (used for unions and filters).
function parseAction(text: string): ListNode {
  const p = new Parser(`{${text}}`);
  p.parseText();
  return p.root.nodes[0] as ListNode;
}

/** Parses a JSONPath template; on failure returns Go's error text, e.g. `unclosed action`. */
export function parseJsonPath(template: string): ParseResult {
  try {
    const p = new Parser(template);
    p.parseText();
    return { ok: true, root: p.root };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}
