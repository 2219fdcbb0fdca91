/**
 * The small formatting helpers describe.go shares between describers: times, labels,
 * annotations, taints, tolerations, selectors, quantities, booleans.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { fromLabelSelector, type LabelSelector } from '../../../engine/api/selectors.js';
import { formatQuantity, parseQuantity } from '../../../engine/api/quantity.js';
import { humanDuration } from '../duration.js';
import { LEVEL_0, type PrefixWriter } from './tabbed.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Go's zero time.Time in RFC1123Z, printed for an unset metav1.Time. */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** Formats a timestamp as time.RFC1123Z in UTC: `Mon, 01 Jul 2024 10:00:00 +0000`. */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return ZERO_TIME;
  const d = new Date(Date.parse(timestamp));
  if (Number.isNaN(d.getTime())) return ZERO_TIME;
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** Formats a timestamp as Go's time.Time String(): `2024-07-01 10:00:00 +0000 UTC`. */
export function goTimeString(timestamp: string | null | undefined): string {
  if (!timestamp) return '0001-01-01 00:00:00 +0000 UTC';
  const iso = new Date(Date.parse(timestamp)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** translateTimestampSince: the human age of a timestamp, `<unknown>` when unset. */
export function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}

/** printBool: `True` / `False`. */
export const printBool = (value: unknown): string => (value ? 'True' : 'False');

/** printBoolPtr: `True` / `False`, or `<unset>` when nil. */
export const printBoolPtr = (value: unknown): string => (value === undefined || value === null ? '<unset>' : printBool(value));

/** stringOrNone. */
export const stringOrNone = (s: string | undefined | null): string => (s ? s : '<none>');

/** Go's `%v` of a []string: `[a b]`, `[]` when empty or nil. */
export const goList = (items: readonly unknown[] | undefined | null): string => `[${(items ?? []).join(' ')}]`;

/** Sorted map keys, as describe.go sorts before printing. */
export function sortedKeys(map: Readonly<Record<string, unknown>> | undefined | null): string[] {
  return Object.keys(map ?? {}).sort(compareStrings);
}

/** Byte-wise string order (Go's sort.Strings), not locale order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.FormatLabels: `a=1,b=2` sorted, `<none>` when empty. */
export function formatLabels(map: Readonly<Record<string, string>> | undefined | null): string {
  const s = sortedKeys(map).map((k) => `${k}=${map![k]}`).join(',');
  return s === '' ? '<none>' : s;
}

/** A metav1.LabelSelector as labels.Selector String() prints it (`''` when empty). */
export function selectorString(ls: LabelSelector | undefined | null): string {
  const reqs = [...fromLabelSelector(ls)].sort((a, b) => compareStrings(a.key, b.key));
  return reqs
    .map((r) => {
      const values = [...r.values].sort(compareStrings).join(',');
      switch (r.operator) {
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case '=':
          return `${r.key}=${r.values[0] ?? ''}`;
        case '!=':
          return `${r.key}!=${r.values[0] ?? ''}`;
        case 'in':
          return `${r.key} in (${values})`;
        case 'notin':
          return `${r.key} notin (${values})`;
        case 'gt':
          return `${r.key}>${r.values[0] ?? ''}`;
        case 'lt':
          return `${r.key}<${r.values[0] ?? ''}`;
      }
      return r.key;
    })
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty. */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  return selectorString(ls) || '<none>';
}

/** Quantity.String() of a quantity as written in a spec: canonical form (`0.5` -> `500m`). */
export function quantityString(text: string | number | undefined | null): string {
  if (text === undefined || text === null) return '0';
  const q = parseQuantity(text);
  if (!q) return String(text);
  // DecimalExponent quantities keep their exponent form; leave them as written.
  if (q.format === 'DecimalExponent') return String(text);
  return formatQuantity(q.value, q.format);
}

/** printController: `Kind/name` of the controller owner, or ''. */
export function printController(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** printLabelsMultilineWithIndent: one `k=v` per line, aligned in the value column. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined | null,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

const shorten = (s: string, max: number): string => (s.length > max ? s.slice(0, max) + '...' : s);

/** printAnnotationsMultiline: `k: v`, long or multi-line values on their own lines, last-applied hidden. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => k !== LAST_APPLIED);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => compareStrings(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + '\n');
  });
}

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** Taint.ToString(): `key=value:Effect` or `key:Effect`. */
export const taintString = (t: Taint): string => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

/** printNodeTaintsMultiline: one taint a line, sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...taints].sort((a, b) => compareStrings(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, taintString(t) + '\n');
  });
}
