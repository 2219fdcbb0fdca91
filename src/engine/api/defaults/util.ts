/**
 * Small helpers the defaulters share. Defaulters work on a private deep copy, so they may
 * assign in place; callers never see their input change.
 */

/** A JSON object as the defaulters see it: any field may be missing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/**
 * A deep copy of plain JSON data (objects from the store are always plain JSON), exactly as
 * a JSON round trip makes it — undefined fields dropped, undefined list items and
 * non-finite numbers become null — without building the text.
 */
export function deepCopy<T>(value: T): T {
  return value === undefined ? value : (jsonCopy(value) as T);
}

function jsonCopy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // -0 reads back as 0
  if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? JSON.stringify(value) : value; // a bigint throws, as in JSON
  const proto = Object.getPrototypeOf(value);
  // Dates, boxed values and anything with toJSON: let JSON itself say what they become.
  if ((proto !== Object.prototype && proto !== Array.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.parse(JSON.stringify(value));
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      out[i] = v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : jsonCopy(v);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: jsonCopy(v), enumerable: true, writable: true, configurable: true });
    else out[k] = jsonCopy(v);
  }
  return out;
}

/** Sets `obj[key]` when it is unset (undefined or null), as `if x == nil { x = ... }` does. */
export function setDefault(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

/** Sets `obj[key]` when it is unset or the empty string, as `if x == "" { x = ... }` does. */
export function setDefaultString(obj: Obj, key: string, value: string): void {
  if (obj[key] === undefined || obj[key] === null || obj[key] === '') obj[key] = value;
}

/** Sets `obj[key]` when it is unset or 0, as defaulting a non-pointer int32 does. */
export function setDefaultNumber(obj: Obj, key: string, value: number): void {
  if (obj[key] === undefined || obj[key] === null || obj[key] === 0) obj[key] = value;
}

/** The object at `obj[key]`, created (as `{}`) when missing, for nested defaults. */
export function child(obj: Obj, key: string): Obj {
  const v = obj[key];
  if (v === undefined || v === null || typeof v !== 'object') obj[key] = {};
  return obj[key] as Obj;
}

/** The array at `obj[key]` if it is one, else an empty array (never stored). */
export function items(obj: Obj | undefined, key: string): Obj[] {
  const v = obj?.[key];
  return Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === 'object') as Obj[]) : [];
}

/** The object at `obj[key]` if it is one. */
export function objectAt(obj: Obj | undefined, key: string): Obj | undefined {
  const v = obj?.[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}
