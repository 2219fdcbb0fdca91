/**
 * apiequality.Semantic.DeepEqual for JSON objects: like a deep comparison, but a missing
 * field, null, and an empty list or map are the same thing, as they are in Go structs.
 */

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** Whether two JSON values are semantically equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a && b) {
    const ka = a as Record<string, unknown>;
    const kb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ka), ...Object.keys(kb)]);
    for (const k of keys) if (!semanticEqual(ka[k], kb[k])) return false;
    return true;
  }
  return a === b;
}
