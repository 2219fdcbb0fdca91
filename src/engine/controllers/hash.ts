/**
 * ComputeHash / HashControllerRevision: FNV-32a of an object (and the collision count),
 * written with rand.SafeEncodeString over its decimal digits — why ReplicaSet and
 * ControllerRevision hashes look like `7d4b9c8f6d`.
 */
import { stableJson } from '../api/server.js';
import { NAME_ALPHABET } from '../random.js';

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Hashes of frozen data (a stored object's template, which controllers hash on every sync),
 * by collision count: frozen data cannot change, so neither can its hash.
 */
const memo = new WeakMap<object, Map<number, string>>();

/** The hash of `data` for `collisionCount`, as the controllers name their children with it. */
export function computeHash(data: unknown, collisionCount = 0): string {
  const frozen = typeof data === 'object' && data !== null && Object.isFrozen(data);
  const known = frozen ? memo.get(data) : undefined;
  const hit = known?.get(collisionCount);
  if (hit !== undefined) return hit;
  const h = fnv32a(stableJson(data) + (collisionCount ? String(collisionCount) : ''));
  const hash = String(h)
    .split('')
    .map((d) => NAME_ALPHABET[d.charCodeAt(0) % NAME_ALPHABET.length])
    .join('');
  if (frozen) {
    if (known) known.set(collisionCount, hash);
    else memo.set(data, new Map([[collisionCount, hash]]));
  }
  return hash;
}
