/**
 * The cells of a `kubectl get pods` row (printPod): NAME, READY, STATUS, RESTARTS, AGE,
 * then the wide IP, NODE, NOMINATED NODE and READINESS GATES.
 *
 * `get pods -A` on thousands of pods spent most of its time reading each pod's scattered
 * status fields. The store deep-freezes what it holds and replaces an object on every
 * write instead of changing it, so everything a stored pod fixes (all but AGE and a
 * restart's "(45s ago)") is worked out once per stored object and remembered by identity.
 * A changed pod is a new object and misses; objects that are not frozen (built by a
 * caller, who may still change them) are never remembered.
 */
import type { KubeObject } from '../../engine/api/types.js';
import { humanDuration } from './duration.js';
import { podState, restartsCell } from './pod-status.js';

// What a pod fixes: its cells but RESTARTS and AGE, and what those two are computed from.
interface PodFacts {
  readonly name: string;
  readonly ready: string;
  readonly status: string;
  readonly restarts: number;
  readonly lastRestart: number;
  /** creationTimestamp in epoch ms; undefined when unset (AGE `<unknown>`). */
  readonly created: number | undefined;
  readonly ip: string;
  readonly node: string;
  readonly nominated: string;
  readonly readinessGates: string;
}

// Keyed weakly: a pod's entry goes when the store (and every list) lets go of the object.
const remembered = new WeakMap<KubeObject, PodFacts>();

/** The row's cells at `now` (epoch ms), one per column of the pods table. */
export function podRow(pod: KubeObject, now: number): string[] {
  const f = factsOf(pod);
  return [
    f.name, f.ready, f.status, restartsCell(f.restarts, f.lastRestart, now), f.created === undefined ? '<unknown>' : humanDuration(now - f.created),
    f.ip, f.node, f.nominated, f.readinessGates,
  ];
}

function factsOf(pod: KubeObject): PodFacts {
  if (!Object.isFrozen(pod)) return podFacts(pod);
  let facts = remembered.get(pod);
  if (facts === undefined) {
    facts = podFacts(pod);
    remembered.set(pod, facts);
  }
  return facts;
}

function podFacts(pod: KubeObject): PodFacts {
  const state = podState(pod);
  const status = pod.status ?? {};
  const timestamp = pod.metadata.creationTimestamp;
  return {
    name: pod.metadata.name ?? '',
    ready: state.ready,
    status: state.status,
    restarts: state.restarts,
    lastRestart: state.lastRestart,
    created: timestamp ? Date.parse(timestamp) : undefined,
    ip: status.podIPs?.[0]?.ip || '<none>',
    node: pod.spec?.nodeName || '<none>',
    nominated: status.nominatedNodeName || '<none>',
    readinessGates: readinessGates(pod),
  };
}

// `met/total` over spec.readinessGates, `<none>` without gates.
function readinessGates(pod: KubeObject): string {
  const gates: { conditionType: string }[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions: { type: string; status: string }[] = pod.status?.conditions ?? [];
  const met = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}
