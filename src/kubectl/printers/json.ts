/**
 * `kubectl -o json`: json.MarshalIndent with 4 spaces. Objects from get are unstructured
 * maps, so keys come out sorted; `<`, `>` and `&` are escaped as Go does.
 */
import type { KubeObject } from '../../engine/api/types.js';
import { goJson } from './go-format.js';
import { forOutput, listOf } from './yaml.js';

/** json.MarshalIndent(v, "", "    ") plus a newline. `keepOrder` keeps insertion order (typed objects). */
export function toJson(value: unknown, opts: { keepOrder?: boolean } = {}): string {
  return `${goJson(value, '    ', opts.keepOrder ?? false)}\n`;
}

/** `kubectl get -o json`: one object, or a List wrapper for an array; managedFields dropped. */
export function printJson(objects: KubeObject | readonly KubeObject[], opts: { showManagedFields?: boolean; keepOrder?: boolean } = {}): string {
  if (!Array.isArray(objects)) return toJson(forOutput(objects as KubeObject, opts.showManagedFields), opts);
  return toJson(listOf((objects as readonly KubeObject[]).map((o) => forOutput(o, opts.showManagedFields))), opts);
}
