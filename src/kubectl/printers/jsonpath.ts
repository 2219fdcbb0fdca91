/**
 * kubectl's JSONPath evaluation and `-o jsonpath=` output (client-go util/jsonpath and
 * cli-runtime's JSONPathPrinter) over plain decoded JSON: results of each action joined
 * by spaces, maps and lists printed as compact JSON, kubectl's error texts.
 */
import { byteOrder, formatGoNumber, goJson, goQuote, goSyntax, goTypeName } from './go-format.js';
import { parseJsonPath, type ListNode, type Node } from './jsonpath-parser.js';

export { parseJsonPath } from './jsonpath-parser.js';

/** Evaluation options; kubectl's `--allow-missing-template-keys` defaults to true. */
export interface JsonPathOptions {
  readonly allowMissingKeys?: boolean;
}

class EvalError extends Error {}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Map values in key order: Go ranges maps randomly; sorted is the deterministic choice.
const children = (v: unknown): unknown[] => {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).sort(byteOrder).map((k) => v[k]);
  // A Go string indexes to its bytes (uint8).
  if (typeof v === 'string') return [...Buffer.from(v, 'utf8')];
  return [];
};

function compare(left: unknown, right: unknown, op: string): boolean {
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  const bothStrings = typeof left === 'string' && typeof right === 'string';
  if (op === '==' || op === '!=') {
    if (!bothNumbers && !bothStrings && !(typeof left === 'boolean' && typeof right === 'boolean')) {
      throw new EvalError('incompatible types for comparison');
    }
    return (left === right) === (op === '==');
  }
  if (!bothNumbers && !bothStrings) throw new EvalError('incompatible types for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case '<': return l < r;
    case '>': return l > r;
    case '<=': return l <= r;
    case '>=': return l >= r;
    default: throw new EvalError(`unrecognized filter operator ${op}`);
  }
}

class Evaluator {
  constructor(private readonly allowMissingKeys: boolean) {}

  walk(values: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list': return this.list(values, node);
      case 'text': return [node.text];
      case 'int':
      case 'float':
      case 'bool': return values.map(() => node.value);
      case 'field': return this.field(values, node.name);
      case 'array': return this.array(values, node);
      case 'filter': return this.filter(values, node);
      case 'wildcard': return values.filter((v) => v !== null && v !== undefined).flatMap(children);
      case 'recursive': return this.recursive(values);
      case 'union': return node.nodes.flatMap((n) => this.list(values, n));
      case 'identifier':
        if (node.name === 'range') return values;
        if (node.name === 'end') return [];
        throw new EvalError(`unrecognized identifier ${node.name}`);
    }
  }

  list(values: unknown[], node: ListNode): unknown[] {
    return node.nodes.reduce((cur, n) => this.walk(cur, n), values);
  }

  private field(values: unknown[], name: string): unknown[] {
    const out: unknown[] = [];
    for (const v of values) if (isMap(v) && Object.hasOwn(v, name)) out.push(v[name]);
    if (out.length === 0 && !this.allowMissingKeys && values.length > 0) throw new EvalError(`${name} is not found`);
    return out;
  }

  private array(values: unknown[], node: Extract<Node, { type: 'array' }>): unknown[] {
    const out: unknown[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new EvalError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      const [p0, p1] = node.params;
      let start = p0.known ? p0.value : 0;
      if (start < 0) start += len;
      let end = p1.known ? p1.value : len;
      if (end < 0 || (end === 0 && p1.derived)) end += len;
      if (end !== start) {
        if (start >= len) throw new EvalError(`array index out of bounds: index ${start}, length ${len}`);
        if (end > len) throw new EvalError(`array index out of bounds: index ${end - 1}, length ${len}`);
      }
      out.push(...v.slice(Math.max(start, 0), Math.max(end, 0)));
    }
    return out;
  }

  private filter(values: unknown[], node: Extract<Node, { type: 'filter' }>): unknown[] {
    const out: unknown[] = [];
    for (const v of values) {
      if (!Array.isArray(v)) throw new EvalError(`${goValueForError(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: unknown[];
        try {
          lefts = this.list([item], node.left);
        } catch (e) {
          if (node.operator === 'exists') continue;
          throw e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        // An item without the field is skipped rather than compared.
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new EvalError('can only compare one element at a time');
        const rights = this.list([item], node.right);
        if (rights.length !== 1) throw new EvalError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.operator)) out.push(item);
      }
    }
    return out;
  }

  private recursive(values: unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length > 0) {
        out.push(v);
        out.push(...this.recursive(kids));
      }
    }
    return out;
  }
}

const goValueForError = (v: unknown): string => (isMap(v) || Array.isArray(v) ? goJson(v) : String(v));

const isRange = (n: Node): boolean => n.type === 'list' && n.nodes[0]?.type === 'identifier' && n.nodes[0].name === 'range';
const isEnd = (n: Node): boolean => n.type === 'list' && n.nodes[0]?.type === 'identifier' && n.nodes[0].name === 'end';

// FindResults: one result list per top-level node; `range` repeats its body per value.
function findResults(ev: Evaluator, nodes: readonly Node[], data: unknown): { results: unknown[][]; stopped: boolean } {
  const out: unknown[][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (isEnd(node)) throw new EvalError('not in range, nothing to end');
    if (!isRange(node)) {
      out.push(ev.walk([data], node));
      continue;
    }
    // Find the matching {end}; without one the body runs to the template's end.
    let depth = 0;
    let j = i + 1;
    for (; j < nodes.length; j++) {
      if (isRange(nodes[j]!)) depth++;
      else if (isEnd(nodes[j]!) && depth-- === 0) break;
    }
    const values = ev.walk([data], node);
    // kubectl's range with nothing to iterate also skips everything after its {end}.
    if (values.length === 0) return { results: out, stopped: true };
    for (const value of values) {
      const inner = findResults(ev, nodes.slice(i + 1, j), value);
      out.push(...inner.results);
      if (inner.stopped) return { results: out, stopped: true };
    }
    i = j;
  }
  return { results: out, stopped: false };
}

// PrintResults: maps and lists as compact JSON, scalars as fmt.Fprint, nil as `null`.
function text(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return goJson(v);
  if (typeof v === 'number') return formatGoNumber(v);
  return String(v);
}

/** Evaluates a parsed template: the values of each top-level node. Throws nothing; errors are Go's text. */
export function findJsonPathResults(root: ListNode, data: unknown, opts: JsonPathOptions = {}): { ok: true; results: unknown[][] } | { ok: false; error: string } {
  try {
    return { ok: true, results: findResults(new Evaluator(opts.allowMissingKeys ?? true), root.nodes, data).results };
  } catch (e) {
    if (e instanceof EvalError) return { ok: false, error: e.message };
    throw e;
  }
}

/** What a printer produced: stdout text, or the exact stderr kubectl prints (with `error: `). */
export type PrintResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly stderr: string };

/**
 * `kubectl ... -o jsonpath=TEMPLATE` on one decoded object (or a List wrapper). Errors are
 * the full stderr text, e.g. `error: error executing jsonpath "{.x}": Error executing
 * template: x is not found. Printing more information...`.
 */
export function printJsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): PrintResult {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) return { ok: false, stderr: `error: error parsing jsonpath ${template}, ${parsed.error}\n` };
  const found = findJsonPathResults(parsed.root, data, opts);
  if (!found.ok) {
    const detail =
      `Error executing template: ${found.error}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
    return { ok: false, stderr: `error: error executing jsonpath ${goQuote(template)}: ${detail}\n` };
  }
  return { ok: true, text: found.results.map((values) => values.map(text).join(' ')).join('') };
}
