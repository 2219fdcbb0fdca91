/**
 * How Go prints the plain JSON values kubectl's printers hand to fmt and encoding/json:
 * `%v`, `%#v`, `%q`, float formatting and json.Marshal with its HTML escaping. The
 * jsonpath, custom-columns, go-template and json printers share these so that their
 * text matches the real binary byte for byte.
 */

/** Go's byte-wise string order, as sort.Strings and encoding/json's map keys use. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * strconv.FormatFloat(f, 'g', -1, 64), which `%v` and go-yaml use for float64: shortest
 * digits, exponent form when the exponent is < -4 or >= 6 (`1.5e+06`, `1e-05`).
 * Integral numbers print as integers, since JSON integers decode to int64.
 */
export function formatGoNumber(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

// Characters strconv.Quote leaves as they are.
const printable = (c: string): boolean => /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(c);

/** strconv.Quote / `%q` of a string: Go escapes in double quotes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (c === '\x07') out += '\\a';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\v') out += '\\v';
    else if (printable(c)) out += c;
    else {
      const cp = c.codePointAt(0)!;
      out += cp < 0x80 ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

/** fmt's `%v` of a decoded JSON value: `map[a:1 b:x]`, `[a b]`, `<nil>`, raw strings. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort(byteOrder).map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  return String(v);
}

/** fmt's `%#v` of a decoded JSON value, as kubectl's jsonpath errors dump the object. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isMap(v)) {
    return `map[string]interface {}{${Object.keys(v).sort(byteOrder).map((k) => `${goQuote(k)}:${goSyntax(v[k])}`).join(', ')}}`;
  }
  return String(v);
}

/** The Go type name errors use for a decoded JSON value (`map[string]interface {}`, `string`, ...). */
export function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

// encoding/json escapes these even inside strings (HTML safety, JS line separators).
const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

// A deep copy with map keys in byte order; JSON.stringify then keeps that order.
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(byteOrder)) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

/**
 * json.Marshal (indent undefined) or json.MarshalIndent(v, "", indent) of a decoded JSON
 * value: map keys sorted (unless `keepOrder`), `<`, `>`, `&` escaped as `\u003c`...
 */
export function goJson(v: unknown, indent?: string, keepOrder = false): string {
  const text = JSON.stringify(keepOrder ? v : sortKeys(v), (_k, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), indent);
  return (text ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]!);
}
