/**
 * Replaying a recorded bootstrap. Every new cluster of one spec and start time gets the
 * same system objects from bootstrapCluster; only the seeded random draws in them (uids,
 * node boot and machine ids) differ from seed to seed. So the first bootstrap of a spec in
 * a process runs through the API server and is recorded (the writes it made, the draws it
 * took), and later ones take the same draws from their own Random and write the recorded
 * objects straight into the store with the new values swapped in: the same objects, the
 * same resourceVersions, the same watch events and the same Random state afterwards, for
 * a fraction of the cost of the request path. The parts of the objects without a draw
 * (RBAC rules, pod specs, ...) are frozen and shared between clusters, not copied.
 *
 * A recording is kept only when that swap is exact: every draw is a long hex string or
 * uuid that appears in the objects only as a whole string value, the writes are plain
 * creates and updates of plain data. Otherwise the bootstrap always runs through the API.
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

/**
 * Where the draws stand in a recorded object: a draw's index, or the members (by key or
 * position) under which some draw stands. Parts without a draw are shared, not copied:
 * stored objects are frozen, so clusters can hold the same ones.
 */
type Plan = number | { readonly members: ReadonlyMap<string, Plan> };

interface Write {
  readonly resource: string;
  /** The stored object, frozen, as the recording cluster's store holds it. */
  readonly object: KubeObject;
  readonly plan: Plan | undefined;
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
  const index = new Map<string, number>();
  for (const [i, d] of draws.entries()) {
    if (!/^[0-9a-f-]{16,}$/.test(d.value) || index.has(d.value)) return null;
    index.set(d.value, i);
  }
  const within = draws.length > 0 ? new RegExp(draws.map((d) => d.value).join('|')) : undefined;
  const planned: Write[] = [];
  for (const [i, w] of writes.entries()) {
    // Every resourceVersion handed out went to a write, so a replay hands out the same ones.
    if (w.object.metadata.resourceVersion !== String(revision + i + 1) || !Object.isFrozen(w.object)) return null;
    const plan = planOf(w.object, index, within);
    if (plan === null) return null;
    planned.push({ resource: w.resource, object: w.object, plan });
  }
  return { draws, writes: planned };
}

/**
 * Where the draws stand in `value`; undefined when nowhere, null when one stands inside a
 * longer string or a key, or the value is not plain data (then swapping is not exact).
 */
function planOf(value: unknown, index: ReadonlyMap<string, number>, within: RegExp | undefined): Plan | undefined | null {
  if (typeof value === 'string') {
    const at = index.get(value);
    if (at !== undefined) return at;
    return within?.test(value) ? null : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return null;
  const members = new Map<string, Plan>();
  for (const key of Object.keys(value)) {
    if (within?.test(key)) return null;
    const plan = planOf((value as Record<string, unknown>)[key], index, within);
    if (plan === null) return null;
    if (plan !== undefined) members.set(key, plan);
  }
  return members.size > 0 ? { members } : undefined;
}

function replay(recording: Recording, internals: ClusterInternals): void {
  const { store, random } = internals;
  const values = recording.draws.map((d) => (d.method === 'uuid' ? random.uuid() : random.hex(d.args[0]!)));
  for (const w of recording.writes) {
    const object = w.plan === undefined ? w.object : (rebuild(w.object, w.plan, values) as KubeObject);
    if (String(store.nextResourceVersion()) !== w.object.metadata.resourceVersion) throw new Error('bootstrap replay: resourceVersions out of step');
    store.put(w.resource, object);
  }
}

/** A copy of `value` along the plan's paths with the new draws in, sharing everything else. */
function rebuild(value: unknown, plan: Plan, values: readonly string[]): unknown {
  if (typeof plan === 'number') return values[plan];
  if (Array.isArray(value)) return value.map((v, i) => (plan.members.has(String(i)) ? rebuild(v, plan.members.get(String(i))!, values) : v));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    const member = plan.members.get(key);
    const v = (value as Record<string, unknown>)[key];
    out[key] = member === undefined ? v : rebuild(v, member, values);
  }
  return out;
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

/** Forgets every recording, so the next bootstrap runs through the API again (tests compare the two). */
export function forgetBootstrapRecordings(): void {
  recordings.clear();
}
