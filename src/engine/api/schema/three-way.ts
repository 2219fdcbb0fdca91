/**
 * The patch `kubectl apply` sends (strategicpatch.CreateThreeWayMergePatch): changes and
 * additions from live to the new manifest, plus deletions of what the last-applied
 * manifest had and the new one dropped. Fields only the server or other writers set
 * (present live, never in a manifest) are left alone.
 */
import { childSlot, isObj, itemSlot, mergeKeyOf, type Slot } from './strategic.js';

type Obj = Record<string, unknown>;
type Mode = 'changes' | 'deletions';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function diffMaps(from: Obj, to: Obj, slot: Slot, mode: Mode): Obj {
  const patch: Obj = {};
  if (mode === 'deletions') {
    for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
  }
  for (const [k, next] of Object.entries(to)) {
    const prev = from[k];
    if (!(k in from)) {
      if (mode === 'changes') patch[k] = next;
      continue;
    }
    if (same(prev, next)) continue;
    const child = childSlot(slot, k);
    if (isObj(prev) && isObj(next)) {
      const sub = diffMaps(prev, next, child, mode);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (Array.isArray(prev) && Array.isArray(next) && mergeKeyOf(child) !== undefined) {
      diffList(prev, next, child, mode, k, patch);
    } else if (mode === 'changes') {
      patch[k] = next;
    }
  }
  return patch;
}

function diffList(prev: unknown[], next: unknown[], slot: Slot, mode: Mode, field: string, patch: Obj): void {
  const key = mergeKeyOf(slot)!;
  if (key === '') {
    // Merge lists of scalars: additions are sent as a list, removals as a directive.
    if (mode === 'changes') {
      const added = next.filter((n) => !prev.some((p) => same(p, n)));
      if (added.length) patch[field] = added;
    } else {
      const removed = prev.filter((p) => !next.some((n) => same(p, n)));
      if (removed.length) patch[`$deleteFromPrimitiveList/${field}`] = removed;
    }
    return;
  }
  const items = itemSlot(slot);
  const find = (list: unknown[], item: Obj) => list.find((x) => isObj(x) && same(x[key], item[key])) as Obj | undefined;
  const out: Obj[] = [];
  if (mode === 'changes') {
    for (const n of next) {
      if (!isObj(n)) continue;
      const p = find(prev, n);
      if (!p) out.push(n);
      else {
        const sub = diffMaps(p, n, items, mode);
        if (Object.keys(sub).length) out.push({ [key]: n[key], ...sub });
      }
    }
  } else {
    for (const p of prev) {
      if (!isObj(p)) continue;
      const n = find(next, p);
      if (!n) out.push({ $patch: 'delete', [key]: p[key] });
      else {
        const sub = diffMaps(p, n, items, mode);
        if (Object.keys(sub).length) out.push({ [key]: p[key], ...sub });
      }
    }
  }
  if (out.length) patch[field] = out;
}

// Combines the deletions patch with the changes patch (strategicpatch.MergingMapsHaveConflicts aside).
function combine(a: Obj, b: Obj, slot: Slot): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    const child = childSlot(slot, k);
    const key = mergeKeyOf(child);
    if (isObj(prev) && isObj(v)) out[k] = combine(prev, v, child);
    else if (Array.isArray(prev) && Array.isArray(v) && key) {
      const merged = [...prev] as Obj[];
      for (const item of v as Obj[]) {
        const at = merged.findIndex((m) => same(m[key], item[key]));
        if (at >= 0) merged[at] = combine(merged[at], item, itemSlot(child));
        else merged.push(item);
      }
      out[k] = merged;
    } else out[k] = v;
  }
  return out;
}

/**
 * The strategic merge patch kubectl apply sends for `modified` (the new manifest), given
 * `lastApplied` (the kubectl.kubernetes.io/last-applied-configuration of the live object,
 * or undefined) and `live`. `{}` means nothing to change (`unchanged`). Apply it with
 * applyPatch(live, patch, 'strategic').
 */
export function threeWayPatch(lastApplied: Obj | undefined, modified: Obj, live: Obj, slot: Slot): Obj {
  const deletions = lastApplied ? diffMaps(lastApplied, modified, slot, 'deletions') : {};
  const changes = diffMaps(live, modified, slot, 'changes');
  return combine(deletions, changes, slot);
}
