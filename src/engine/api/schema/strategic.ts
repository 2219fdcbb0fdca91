/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) over the schema's
 * x-kubernetes-patch-merge-key / patch-strategy metadata: lists of containers merge by
 * name, ports by containerPort, volumeMounts by mountPath; `$patch: delete|replace`,
 * `$retainKeys`, `$deleteFromPrimitiveList/<field>` work; `$setElementOrder/<field>` is
 * accepted and ignored (merged lists keep the live order, new items appended).
 */
import { definition, typeNode, type PropSchema, type TypeNode } from './model.js';

type Obj = Record<string, unknown>;

/** A patch the strategic merge cannot apply, with the apimachinery wording. */
export class StrategicMergeError extends Error {}

/** Where a value sits in the schema: its type and, for a field, the field's metadata. */
export interface Slot {
  readonly node?: TypeNode;
  readonly prop?: PropSchema;
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The slot of key `k` inside an object or map slot. */
export function childSlot(slot: Slot, k: string): Slot {
  const node = slot.node;
  if (!node) return {};
  if (node.kind === 'map') return { node: node.of };
  if (node.kind !== 'ref') return {};
  const prop = definition(node.name)?.p?.[k];
  return prop ? { node: typeNode(prop.t), prop } : {};
}

/** The slot of the items of a list slot. */
export function itemSlot(slot: Slot): Slot {
  return slot.node?.kind === 'array' ? { node: slot.node.of } : {};
}

/** Merge key of a list field whose strategy is merge (`name` for containers), '' for merge lists of scalars. */
export function mergeKeyOf(slot: Slot): string | undefined {
  const strategy = slot.prop?.ps?.split(',') ?? [];
  if (!strategy.includes('merge')) return undefined;
  return slot.prop?.pk ?? '';
}

/** Go's %v rendering of a small map, for error messages: `map[name:x port:80]`. */
export function goMap(m: Obj): string {
  return `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${isObj(m[k]) ? goMap(m[k] as Obj) : String(m[k])}`)
    .join(' ')}]`;
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Removes directives and nulls from a value that is added as is (not merged). */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isObj(x) && x.$patch === 'delete')).map(clean);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$') || x === null) continue;
    out[k] = clean(x);
  }
  return out;
}

/** Applies a strategic merge patch map to an original map (neither is modified). */
export function mergeMap(original: Obj, patch: Obj, slot: Slot): Obj {
  if (patch.$patch === 'replace') return clean(patch) as Obj;
  let out: Obj = clone(original);
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set((value as unknown[]).map((x) => JSON.stringify(x)));
      if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((x) => !drop.has(JSON.stringify(x)));
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    const child = childSlot(slot, key);
    const current = out[key];
    if (isObj(value) && value.$patch === 'delete') delete out[key];
    else if (isObj(value) && isObj(current)) out[key] = mergeMap(current, value, child);
    else if (Array.isArray(value) && Array.isArray(current)) out[key] = mergeList(current, value, child);
    else out[key] = clean(value);
  }
  return out;
}

/** Merges a patch list into an original list as the field's patch strategy says. */
export function mergeList(original: unknown[], patch: unknown[], slot: Slot): unknown[] {
  const key = mergeKeyOf(slot);
  if (key === undefined) return clean(patch) as unknown[]; // atomic lists are replaced
  if (patch.some((p) => isObj(p) && p.$patch === 'replace')) return clean(patch.filter((p) => !(isObj(p) && p.$patch === 'replace'))) as unknown[];
  if (key === '') {
    // A merge list of scalars (finalizers): union, keeping the original order.
    const out = [...original];
    for (const p of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(p))) out.push(p);
    return out;
  }
  const items = itemSlot(slot);
  let out = clone(original);
  for (const p of patch) {
    if (!isObj(p)) throw new StrategicMergeError(`invalid list element for merge key ${key}`);
    if (!(key in p)) throw new StrategicMergeError(`map: ${goMap(p)} does not contain declared merge key: ${key}`);
    const at = out.findIndex((o) => isObj(o) && JSON.stringify(o[key]) === JSON.stringify(p[key]));
    if (p.$patch === 'delete') {
      out = out.filter((o) => !(isObj(o) && JSON.stringify(o[key]) === JSON.stringify(p[key])));
    } else if (at >= 0) {
      out[at] = mergeMap(out[at] as Obj, p, items);
    } else {
      out.push(clean(p));
    }
  }
  return out;
}
