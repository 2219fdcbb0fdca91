/**
 * FieldError constructors in the shape of k8s.io/apimachinery/pkg/util/validation/field,
 * and Go renderings of the values the server prints with `%#v`.
 */
import type { FieldError } from '../types.js';

/** Marks a value already rendered as Go prints it (see goValue); keyed by a global symbol. */
export const GO_SYNTAX: unique symbol = Symbol.for('kubetutor.go-syntax') as never;

/** A field value whose printed form is given verbatim, e.g. `v1.LabelSelector{...}`. */
export interface GoValue {
  readonly [GO_SYNTAX]: string;
}

/** Wraps pre-rendered Go syntax so the error renderer prints it unquoted. */
export function goValue(text: string): GoValue {
  return { [GO_SYNTAX]: text };
}

/** field.Required. */
export const required = (field: string, detail = ''): FieldError => ({ type: 'Required', field, ...(detail ? { detail } : {}) });
/** field.Invalid. */
export const invalidField = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail });
/** field.Forbidden. */
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
/** field.Duplicate. */
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value });
/** field.NotFound. */
export const notFoundField = (field: string, value: unknown): FieldError => ({ type: 'NotFound', field, value });
/** field.NotSupported with its `supported values: "a", "b"` detail. */
export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  type: 'NotSupported',
  field,
  value,
  detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
});

/** One Invalid error per message, as the server loops over a checker's messages. */
export function eachInvalid(field: string, value: unknown, messages: readonly string[]): FieldError[] {
  return messages.map((m) => invalidField(field, value, m));
}

/** `must be greater than or equal to 0` (ValidateNonnegativeField). */
export function nonNegative(field: string, value: unknown): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalidField(field, value, 'must be greater than or equal to 0')] : [];
}

const goString = (s: string): string => JSON.stringify(s);

/** `map[string]string{"a":"1", "b":"2"}`, or `map[string]string(nil)` for a missing map. */
export function goStringMap(map: Readonly<Record<string, string>> | undefined | null): string {
  if (map === undefined || map === null) return 'map[string]string(nil)';
  const entries = Object.keys(map).sort().map((k) => `${goString(k)}:${goString(String(map[k]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** `[]string{"a", "b"}`, or `[]string(nil)`. */
export function goStringSlice(list: readonly string[] | undefined | null): string {
  return list ? `[]string{${list.map(goString).join(', ')}}` : '[]string(nil)';
}

interface Requirement {
  key?: string;
  operator?: string;
  values?: string[];
}

/** A metav1.LabelSelector as `%#v` prints it in `field is immutable` errors. */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: Requirement[] } | undefined | null): GoValue | null {
  if (!sel) return null;
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((r) => `v1.LabelSelectorRequirement{Key:${goString(r.key ?? '')}, Operator:${goString(r.operator ?? '')}, Values:${goStringSlice(r.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return goValue(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`);
}

/** Joins field path segments: `child(p, 'spec')`, `index(p, 0)`, `key(p, 'cpu')`. */
export const child = (path: string, name: string): string => (path ? `${path}.${name}` : name);
export const index = (path: string, i: number): string => `${path}[${i}]`;
export const key = (path: string, k: string): string => `${path}[${k}]`;
