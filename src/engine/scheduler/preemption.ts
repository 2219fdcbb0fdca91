/**
 * DefaultPreemption (framework/preemption): when no node fits, look for a node where
 * evicting lower-priority pods would make room. Nodes rejected for reasons eviction
 * cannot fix are "not helpful"; nodes without lower-priority pods have "no victims".
 * The result is either a candidate (node and victims) or the message that FailedScheduling
 * appends after `preemption:`.
 */
import type { KubeObject } from '../api/types.js';
import type { Diagnosis } from './framework.js';
import { newCycleState, runFilters, runPreFilter } from './framework.js';
import { fitErrorMessage } from './fit-error.js';
import type { NodeInfo, PodInfo } from './node-info.js';
import type { Profile } from './registry.js';
import { isSuccess, podPriority, unresolvable, type Status } from './types.js';
import type { StoreReader } from '../api/store.js';

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** A node where preemption would let the pod in. */
export interface Candidate {
  readonly node: string;
  readonly victims: readonly PodInfo[];
}

export type PreemptionResult = { readonly candidate: Candidate } | { readonly message: string };

function startTime(p: PodInfo): string {
  return p.pod.status?.startTime ?? p.pod.metadata.creationTimestamp ?? '';
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits, add them
 * back highest priority first while it still fits. What could not be added back is the
 * victim set.
 */
function selectVictims(profile: Profile, pod: KubeObject, node: NodeInfo, nodes: readonly NodeInfo[], store: StoreReader): Status | PodInfo[] {
  const prio = podPriority(pod);
  const lower = [...node.pods.values()].filter((p) => podPriority(p.pod) < prio);
  if (lower.length === 0) return unresolvable(NO_VICTIMS);
  const trial = node.clone();
  for (const p of lower) trial.removePod(p.key);
  const view = nodes.map((n) => (n.name === node.name ? trial : n));
  const fits = (): Status => {
    const state = newCycleState(store, view);
    const pre = runPreFilter(profile, pod, state);
    return isSuccess(pre) ? runFilters(profile, pod, trial, state) : pre;
  };
  const first = fits();
  if (!isSuccess(first)) return first;
  lower.sort((a, b) => podPriority(b.pod) - podPriority(a.pod) || (startTime(a) < startTime(b) ? -1 : startTime(a) > startTime(b) ? 1 : 0));
  const victims: PodInfo[] = [];
  for (const p of lower) {
    trial.addPod(p);
    if (!isSuccess(fits())) {
      trial.removePod(p.key);
      victims.push(p);
    }
  }
  return victims;
}

/** pickOneNodeForPreemption, without PDBs: lowest top victim priority, lowest sum, fewest victims. */
function pickBest(candidates: Candidate[]): Candidate {
  const key = (c: Candidate) => {
    const prios = c.victims.map((v) => podPriority(v.pod));
    return [Math.max(-Infinity, ...prios), prios.reduce((a, b) => a + b, 0), c.victims.length];
  };
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) {
    const [a, b] = [key(c), key(best)];
    for (let i = 0; i < a.length; i++) {
      if (a[i]! < b[i]!) {
        best = c;
        break;
      }
      if (a[i]! > b[i]!) break;
    }
  }
  return best;
}

/** Runs DefaultPreemption's PostFilter for a pod no node accepted. */
export function preempt(profile: Profile, pod: KubeObject, diagnosis: Diagnosis, nodes: readonly NodeInfo[], store: StoreReader): PreemptionResult {
  if (pod.spec?.preemptionPolicy === 'Never') return { message: 'preemption: not eligible due to preemptionPolicy=Never.' };
  const statuses = new Map<string, Status>();
  const candidates: Candidate[] = [];
  for (const node of nodes) {
    const s = diagnosis.statuses.get(node.name);
    if (!s || s.code === 'UnschedulableAndUnresolvable') {
      statuses.set(node.name, unresolvable(NOT_HELPFUL));
      continue;
    }
    const victims = selectVictims(profile, pod, node, nodes, store);
    if (Array.isArray(victims)) candidates.push({ node: node.name, victims });
    else statuses.set(node.name, victims);
  }
  if (candidates.length > 0) return { candidate: pickBest(candidates) };
  return { message: `preemption: ${fitErrorMessage(nodes.length, statuses.values())}` };
}
