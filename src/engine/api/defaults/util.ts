/**
 * Small helpers the defaulters share. Defaulters work on a private deep copy, so they may
 * assign in place; callers never see their input change.
 */

/** A JSON object as the defaulters see it: any field may be missing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** A deep copy of plain JSON data (objects from the store are always plain JSON). */
export function deepCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
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
