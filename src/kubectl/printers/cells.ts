/**
 * Cell formatting shared by the kind printers: the helpers printers.go and apimachinery
 * use (labels.FormatLabels, metav1.FormatLabelSelector, layoutContainerCells, ...).
 */
import type { KubeObject } from '../../engine/api/types.js';
import { age as ageOf } from './duration.js';

/** AGE: human duration since creationTimestamp, `<unknown>` when unset. */
export function age(obj: KubeObject, now: number): string {
  return ageOf(obj.metadata.creationTimestamp, now);
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

interface LabelSelectorShape {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * labels.Selector.String() of metav1.LabelSelectorAsSelector: requirements sorted by key,
 * `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`. A nil selector selects nothing and an
 * empty one everything; both print as ''.
 */
export function selectorString(selector: LabelSelectorShape | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(byteOrder).join(',');
    const op = e.operator;
    const text =
      op === 'In' ? `${e.key} in (${values})`
      : op === 'NotIn' ? `${e.key} notin (${values})`
      : op === 'Exists' ? e.key
      : op === 'DoesNotExist' ? `!${e.key}`
      : `${e.key} ${op} (${values})`;
    reqs.push({ key: e.key, text });
  }
  // The internal selector keeps requirements sorted by key (stable for equal keys).
  return reqs.sort((a, b) => byteOrder(a.key, b.key)).map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, or `<none>` when it is empty. */
export function formatLabelSelector(selector: LabelSelectorShape | undefined | null): string {
  return selectorString(selector) || '<none>';
}

/** layoutContainerCells: container names and images, each comma-joined without spaces. */
export function containerCells(containers: readonly { name?: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

/** The pod template's containers of a workload (`spec.template.spec.containers`). */
export function templateContainers(obj: KubeObject): { name?: string; image?: string }[] {
  return obj.spec?.template?.spec?.containers ?? [];
}

/** printBoolPtr: `True`, `False`, or `<unset>` for a nil pointer. */
export function boolPtr(value: boolean | undefined | null): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

/** listWithMoreString: at most `max` items, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

/** A number-ish field as the server prints an int64: missing is 0. */
export function int(value: unknown): string {
  return typeof value === 'number' ? String(Math.trunc(value)) : '0';
}

/** An intstr.IntOrString as String() prints it: the number or the string. */
export function intOrString(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A Quantity field as Quantity.String() prints it; the store keeps the canonical text. */
export function quantity(value: unknown): string {
  if (value === undefined || value === null || value === '') return '0';
  return String(value);
}

/** RFC 3339 in UTC, second precision, as metav1.Time marshals: `2024-05-01T10:00:00Z`. */
export function rfc3339(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return timestamp;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
