/**
 * `kubectl get --sort-by=<jsonpath>`: kubectl's TableSorter (`kubectl/pkg/cmd/get/sorter.go`)
 * over plain objects. Values compare as numbers, as quantities when both parse, else in
 * natural order; objects without the field sort first.
 */
import { parseQuantity } from '../../engine/api/quantity.js';
import type { KubeObject } from '../../engine/api/types.js';
import { findJsonPathResults, parseJsonPath } from './jsonpath.js';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * RelaxedJSONPathExpression: accepts `metadata.name`, `.metadata.name`, `{metadata.name}`
 * or `{.metadata.name}` and returns `{.metadata.name}`; undefined when it fits none.
 */
export function relaxedJsonPath(expression: string): string | undefined {
  if (expression === '') return expression;
  const m = RELAXED.exec(expression);
  if (!m) return undefined;
  return `{.${m[1] || m[2]}}`;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** sortorder.NaturalLess: digit runs compare as numbers, and digits sort before other characters. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i]!;
    const cb = b[j]!;
    const da = isDigit(ca);
    const db = isDigit(cb);
    if (da !== db) return da;
    if (!da) {
      if (ca !== cb) return ca < cb;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const si = i;
    const sj = j;
    while (i < a.length && isDigit(a[i]!)) i++;
    while (j < b.length && isDigit(b[j]!)) j++;
    if (i - si !== j - sj) return i - si < j - sj;
    const na = a.slice(si, i);
    const nb = b.slice(sj, j);
    if (na !== nb) return na < nb;
    if (si !== sj) return si < sj;
  }
  return a.length < b.length;
}

// isLess for the first value found in each row.
function less(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa && qb) return qa.value < qb.value;
    return naturalLess(a, b);
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  if (a === null || a === undefined) return b !== null && b !== undefined;
  return false;
}

/** The objects sorted by a --sort-by expression, or kubectl's error text (without `error: `). */
export function sortObjects(objects: readonly KubeObject[], sortBy: string): { ok: true; objects: KubeObject[] } | { ok: false; error: string } {
  const field = relaxedJsonPath(sortBy) ?? sortBy;
  const parsed = parseJsonPath(field);
  if (!parsed.ok) return { ok: false, error: `sorting error: ${parsed.error}` };
  let foundOnce = false;
  const keyed = objects.map((obj) => {
    const found = findJsonPathResults(parsed.root, obj, { allowMissingKeys: true });
    const values = found.ok ? found.results[0] ?? [] : [];
    if (values.length > 0) foundOnce = true;
    return { obj, has: values.length > 0, value: values[0] };
  });
  if (objects.length > 0 && !foundOnce) return { ok: false, error: `couldn't find any field with path ${JSON.stringify(field)} in the list of objects` };
  keyed.sort((x, y) => {
    if (!x.has || !y.has) return x.has === y.has ? 0 : x.has ? 1 : -1;
    return less(x.value, y.value) ? -1 : less(y.value, x.value) ? 1 : 0;
  });
  return { ok: true, objects: keyed.map((k) => k.obj) };
}
