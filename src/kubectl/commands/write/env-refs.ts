/**
 * `kubectl set env --list --resolve` (cmd/set/env/env_resolve.go): the value a valueFrom
 * reference gives — a Secret or ConfigMap key (each object read once), a metadata field
 * of the listed object, or a container resource — or the error kubectl reports for it.
 */
import type { ApiClient } from '../../../engine/api/client.js';
import { milliValue, parseQuantity } from '../../../engine/api/quantity.js';
import type { KubeObject } from '../../../engine/api/types.js';

type Obj = Record<string, any>;

/** ResourceStore: Secrets and ConfigMaps already read, by name. */
export type RefStore = Map<string, KubeObject>;

/** formatMap: `key="value"` lines in key order. */
const formatMap = (m: Record<string, string> | undefined): string =>
  Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');

function keyRef(client: ApiClient, namespace: string, store: RefStore, resource: 'secrets' | 'configmaps', ref: Obj): { value: string } | { error: string } {
  const cacheKey = `${resource}/${ref.name}`;
  let obj = store.get(cacheKey);
  if (!obj) {
    const r = client.get(resource, namespace, ref.name);
    if (!r.ok) return { error: r.error.message };
    obj = r.value;
    store.set(cacheKey, obj);
  }
  const data = (obj as Obj).data ?? {};
  if (ref.key in data) return { value: resource === 'secrets' ? Buffer.from(data[ref.key], 'base64').toString('utf8') : data[ref.key] };
  return { error: `key ${ref.key} not found in ${resource === 'secrets' ? 'secret' : 'config map'} ${ref.name}` };
}

/** extractFieldPathAsString on the listed object (the workload, not a pod). */
function fieldRef(obj: KubeObject, path: string): { value: string } | { error: string } {
  const sub = /^(.*)\['(.*)'\]$/.exec(path);
  if (sub) {
    if (sub[1] === 'metadata.annotations') return { value: obj.metadata.annotations?.[sub[2]!] ?? '' };
    if (sub[1] === 'metadata.labels') return { value: obj.metadata.labels?.[sub[2]!] ?? '' };
    return { error: `fieldPath "${path}" does not support subscript` };
  }
  switch (path) {
    case 'metadata.annotations':
      return { value: formatMap(obj.metadata.annotations) };
    case 'metadata.labels':
      return { value: formatMap(obj.metadata.labels) };
    case 'metadata.name':
      return { value: obj.metadata.name ?? '' };
    case 'metadata.namespace':
      return { value: obj.metadata.namespace ?? '' };
    case 'metadata.uid':
      return { value: obj.metadata.uid ?? '' };
  }
  return { error: `unsupported fieldPath: ${path}` };
}

/** extractContainerResourceValue: the container's request or limit over the divisor, rounded up. */
function resourceRef(ref: Obj, container: Obj): { value: string } | { error: string } {
  const m = /^(limits|requests)\.(cpu|memory|ephemeral-storage)$/.exec(ref.resource ?? '');
  if (!m) return { error: `Unsupported container resource : ${ref.resource}` };
  const q = parseQuantity(container.resources?.[m[1]!]?.[m[2]!] ?? '0');
  const divisor = parseQuantity(ref.divisor ?? '1') ?? { value: 1, format: 'DecimalSI' as const };
  const value = m[2] === 'cpu' ? Math.ceil(milliValue(q) / (milliValue(divisor) || 1)) : Math.ceil(Math.ceil(q?.value ?? 0) / (Math.ceil(divisor.value) || 1));
  return { value: String(value) };
}

/** GetEnvVarRefValue for one variable of a container of `obj`. */
export function resolveEnvRef(client: ApiClient, namespace: string, store: RefStore, from: Obj, obj: KubeObject, container: Obj): { value: string } | { error: string } {
  if (from.secretKeyRef) return keyRef(client, namespace, store, 'secrets', from.secretKeyRef);
  if (from.configMapKeyRef) return keyRef(client, namespace, store, 'configmaps', from.configMapKeyRef);
  if (from.fieldRef) return fieldRef(obj, from.fieldRef.fieldPath ?? '');
  if (from.resourceFieldRef) return resourceRef(from.resourceFieldRef, container);
  return { error: 'invalid valueFrom' };
}
