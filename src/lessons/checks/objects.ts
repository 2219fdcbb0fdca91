/**
 * Object checks: `exists`, `absent` and `field` (a JSONPath value compared with equals,
 * matches, contains, gte, lte or in). The path uses kubectl's JSONPath, so a lesson can
 * quote the same expression the learner types after `-o jsonpath=`.
 */
import type { ApiClient } from '../../engine/api/client.js';
import { parseQuantity } from '../../engine/api/quantity.js';
import { findJsonPathResults, parseJsonPath } from '../../kubectl/printers/jsonpath.js';
import type { ListNode } from '../../kubectl/printers/jsonpath-parser.js';
import { fetch, label, resolveKind } from './refs.js';
import type { CheckResult, FieldExpectation, ObjectRef } from './types.js';

/** `exists`: the object is there (and not being deleted counts as there, as kubectl get shows it). */
export function existsCheck(api: ApiClient, ref: ObjectRef): CheckResult {
  const t = resolveKind(ref.kind)!;
  const what = label(t, ref.name, ref.namespace);
  return fetch(api, t, ref.namespace, ref.name) ? { ok: true, message: `${what} exists` } : { ok: false, message: `${what} does not exist yet` };
}

/** `absent`: the object is gone (a Terminating object still counts as present). */
export function absentCheck(api: ApiClient, ref: ObjectRef): CheckResult {
  const t = resolveKind(ref.kind)!;
  const what = label(t, ref.name, ref.namespace);
  return fetch(api, t, ref.namespace, ref.name) ? { ok: false, message: `${what} still exists` } : { ok: true, message: `${what} is gone` };
}

/** `{.spec.replicas}` for `.spec.replicas`: lessons may leave the braces out. */
export function jsonPathTemplate(path: string): string {
  return path.includes('{') ? path : `{${path}}`;
}

/** The path as shown to the learner, without braces. */
function shownPath(path: string): string {
  return path.replace(/^\{(.*)\}$/, '$1');
}

/** Parses a field check's path once (the loader reports a bad one). */
export function compileJsonPath(path: string): { ok: true; root: ListNode } | { ok: false; error: string } {
  return parseJsonPath(jsonPathTemplate(path));
}

/** `field`: the value at a JSONPath of an object meets one expectation. */
export function fieldCheck(api: ApiClient, spec: ObjectRef & FieldExpectation & { path: string }, root: ListNode): CheckResult {
  const t = resolveKind(spec.kind)!;
  const what = label(t, spec.name, spec.namespace);
  const obj = fetch(api, t, spec.namespace, spec.name);
  if (!obj) return { ok: false, message: `${what} does not exist yet` };
  const found = findJsonPathResults(root, obj, { allowMissingKeys: true });
  const values = found.ok ? found.results.flat() : [];
  const path = shownPath(spec.path);
  if (values.length === 0) {
    // A missing field can still satisfy "not in" style expectations only via `not`; here it fails.
    return { ok: false, message: `${what} has no ${path}${expectationText(spec)}` };
  }
  const value = values.length === 1 ? values[0] : values;
  const ok = meets(value, spec);
  return ok
    ? { ok: true, message: `${what} ${path} is ${show(value)}` }
    : { ok: false, message: `${what} ${path} is ${show(value)}${expectationText(spec)}` };
}

function meets(value: unknown, e: FieldExpectation): boolean {
  if (e.equals !== undefined) return same(value, e.equals);
  if (e.matches !== undefined) return new RegExp(e.matches).test(asText(value));
  if (e.contains !== undefined) {
    if (Array.isArray(value)) return value.some((v) => same(v, e.contains) || subset(v, e.contains));
    if (typeof value === 'object' && value !== null) return subset(value, e.contains);
    return asText(value).includes(asText(e.contains));
  }
  if (e.in !== undefined) return e.in.some((v) => same(value, v));
  const n = amount(value);
  if (n === undefined) return false;
  if (e.gte !== undefined && !(n >= (amount(e.gte) ?? Infinity))) return false;
  if (e.lte !== undefined && !(n <= (amount(e.lte) ?? -Infinity))) return false;
  return true;
}

function expectationText(e: FieldExpectation): string {
  if (e.equals !== undefined) return `, expected ${show(e.equals)}`;
  if (e.matches !== undefined) return `, expected to match /${e.matches}/`;
  if (e.contains !== undefined) return `, expected it to contain ${show(e.contains)}`;
  if (e.in !== undefined) return `, expected one of ${e.in.map(show).join(', ')}`;
  const bounds = [e.gte !== undefined ? `at least ${show(e.gte)}` : '', e.lte !== undefined ? `at most ${show(e.lte)}` : ''].filter(Boolean);
  return bounds.length ? `, expected ${bounds.join(' and ')}` : '';
}

// Scalars compare by text so that YAML's `3` matches a JSONPath string "3" and vice versa.
function same(a: unknown, b: unknown): boolean {
  const scalar = (v: unknown) => v === null || typeof v !== 'object';
  if (scalar(a) && scalar(b)) return asText(a) === asText(b);
  return canonical(a) === canonical(b);
}

// JSON with sorted keys: objects compare by content, not by the order fields were written.
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

// Whether every key of `part` is in `whole` with the same value (for lists of objects: env, ports).
function subset(whole: unknown, part: unknown): boolean {
  if (typeof whole !== 'object' || whole === null || typeof part !== 'object' || part === null || Array.isArray(part)) return false;
  return Object.entries(part).every(([k, v]) => {
    const w = (whole as Record<string, unknown>)[k];
    return typeof v === 'object' && v !== null ? subset(w, v) : same(w, v);
  });
}

// Numbers, numeric strings and quantities (`256Mi`, `500m`) in base units.
function amount(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseQuantity(v)?.value;
  return undefined;
}

function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return 'null';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function show(v: unknown): string {
  return asText(v);
}
