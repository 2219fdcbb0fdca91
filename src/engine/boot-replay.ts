/**
 * Replaying a recorded bootstrap. Every new cluster of one spec and start time gets the
 * same system objects from bootstrapCluster; only the seeded random draws in them (uids,
 * node boot and machine ids) differ from seed to seed. So the first bootstrap of a spec in
 * a process runs through the API server and is recorded (the writes it made, the draws it
 * took), and later ones take the same draws from their own Random and write the recorded
 * objects straight into the store with the new values swapped in: the same objects, the
 * same resourceVersions, the same watch events and the same Random state afterwards, for
 * a fraction of the cost of the request path.
 *
 * A recording is kept only when that swap is exact: every draw is a long hex string or
 * uuid that appears in the objects only as a whole string value, the writes are plain
 * creates and updates, and the objects survive a JSON round trip unchanged. Otherwise the
 * bootstrap always runs through the API.
 */
import type { KubeObject } from './api/types.js';
import type { ClusterInternals } from './cluster.js';
import type { Random } from './random.js';

type DrawMethod = 'uuid' | 'hex';

interface Draw {
  readonly method: DrawMethod;
  readonly args: readonly number[];
  readonly value: string;
}

interface Write {
  readonly resource: string;
  /** The stored object as JSON, cut where draws stand: text, draw index, text, ..., text. */
  readonly pieces: readonly (string | number)[];
  /** Its resourceVersion: a replay from the same revision hands out the same ones. */
  readonly resourceVersion: string;
}

interface Recording {
  readonly draws: readonly Draw[];
  readonly writes: readonly Write[];
}

/** Recordings by spec and start time; `null` marks a bootstrap that cannot be replayed. */
const recordings = new Map<string, Recording | null>();

/** The Random methods a bootstrap may draw with; anything else makes it unreplayable. */
const RECORDED: readonly DrawMethod[] = ['uuid', 'hex'];
const OTHER = ['nextUint32', 'next', 'int', 'between', 'pick', 'string'] as const;

/**
 * Runs `bootstrap` (which writes through the API) or replays its recording for `key`.
 * `key` must name everything the bootstrap's objects depend on besides the Random.
 */
export function replayBootstrap(key: string, internals: ClusterInternals, bootstrap: () => void): void {
  const full = `${key}@${internals.clock.now()}@${internals.store.resourceVersion()}`;
  const recording = recordings.get(full);
  if (recording) return replay(recording, internals);
  if (recording === null) return bootstrap();
  recordings.set(full, record(internals, bootstrap));
}

function record(internals: ClusterInternals, bootstrap: () => void): Recording | null {
  const { store, random } = internals;
  const revision = store.resourceVersion();
  const draws: Draw[] = [];
  const writes: { resource: string; object: KubeObject }[] = [];
  let clean = true;
  const unsubscribe = store.subscribe((e) => {
    if (e.type === 'DELETED') clean = false;
    writes.push({ resource: e.resource, object: e.object });
  });
  const restore = intercept(random, draws, () => (clean = false));
  try {
    bootstrap();
  } finally {
    restore();
    unsubscribe();
  }
  if (!clean) return null;
  const texts: string[] = [];
  for (const [i, w] of writes.entries()) {
    // Every resourceVersion handed out went to a write, so a replay hands out the same ones.
    if (w.object.metadata.resourceVersion !== String(revision + i + 1)) return null;
    const json = JSON.stringify(w.object);
    if (!sameData(JSON.parse(json), w.object)) return null;
    texts.push(json);
  }
  const all = texts.join('\n');
  const index = new Map<string, number>();
  for (const [i, d] of draws.entries()) {
    if (!/^[0-9a-f-]{16,}$/.test(d.value) || index.has(d.value)) return null;
    // The value may only stand as a whole string, so swapping `"old"` for `"new"` is exact.
    if (all.split(d.value).length !== all.split(`"${d.value}"`).length) return null;
    index.set(d.value, i);
  }
  const pattern = draws.length > 0 ? new RegExp(draws.map((d) => `"${d.value}"`).join('|'), 'g') : undefined;
  const cut = (json: string): (string | number)[] => {
    const pieces: (string | number)[] = [];
    let from = 0;
    for (const m of pattern ? json.matchAll(pattern) : []) {
      pieces.push(json.slice(from, m.index + 1), index.get(m[0].slice(1, -1))!);
      from = m.index + m[0].length - 1;
    }
    pieces.push(json.slice(from));
    return pieces;
  };
  return { draws, writes: writes.map((w, i) => ({ resource: w.resource, pieces: cut(texts[i]!), resourceVersion: w.object.metadata.resourceVersion! })) };
}

function replay(recording: Recording, internals: ClusterInternals): void {
  const { store, random } = internals;
  const values = recording.draws.map((d) => (d.method === 'uuid' ? random.uuid() : random.hex(d.args[0]!)));
  for (const w of recording.writes) {
    let text = '';
    for (const p of w.pieces) text += typeof p === 'number' ? values[p] : p;
    const object = JSON.parse(text) as KubeObject;
    if (String(store.nextResourceVersion()) !== w.resourceVersion) throw new Error('bootstrap replay: resourceVersions out of step');
    store.put(w.resource, object);
  }
}

/**
 * Records the top-level draws `random` makes until the returned function is called; calls
 * `unreplayable` for draws that are not uuids or hex strings.
 */
function intercept(random: Random, draws: Draw[], unreplayable: () => void): () => void {
  const target = random as unknown as Record<string, (...args: unknown[]) => unknown>;
  let depth = 0;
  const names = [...RECORDED, ...OTHER];
  for (const name of names) {
    const original = target[name]!;
    target[name] = (...args: unknown[]) => {
      depth++;
      try {
        const value = original.apply(random, args);
        if (depth === 1) {
          if ((RECORDED as readonly string[]).includes(name) && typeof value === 'string') draws.push({ method: name as DrawMethod, args: args as number[], value });
          else unreplayable();
        }
        return value;
      } finally {
        depth--;
      }
    };
  }
  return () => {
    for (const name of names) delete target[name];
  };
}

/** Deep equality that also tells key order and undefined members apart (what a JSON round trip may lose). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(b) !== Object.prototype && !Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!sameData((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  return true;
}

/** Forgets every recording, so the next bootstrap runs through the API again (tests compare the two). */
export function forgetBootstrapRecordings(): void {
  recordings.clear();
}
