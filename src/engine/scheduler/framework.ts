/**
 * One scheduling attempt for one pod (schedule_one.go schedulePod): PreFilter, Filter over
 * every node, Score and normalise the feasible ones, pick the best. Pure: it reads the
 * cache and the store and returns a decision; the cycle in index.ts acts on it.
 */
import type { KubeObject } from '../api/types.js';
import type { StoreReader } from '../api/store.js';
import type { NodeInfo } from './node-info.js';
import type { Profile } from './registry.js';
import { isSuccess, SUCCESS, type CycleState, type Status } from './types.js';

/** Why no node fits (framework.Diagnosis). */
export interface Diagnosis {
  readonly numAllNodes: number;
  /** Each node's rejecting status, with the plugin that gave it. */
  readonly statuses: ReadonlyMap<string, Status>;
  /** Set when a PreFilter plugin rejected the pod outright. */
  readonly preFilterMsg?: string;
}

export type Decision = { readonly ok: true; readonly node: string; readonly scores: ReadonlyMap<string, number> } | { readonly ok: false; readonly diagnosis: Diagnosis };

/** A fresh CycleState for one attempt. */
export function newCycleState(store: StoreReader, nodes: readonly NodeInfo[]): CycleState {
  return { store, nodes, data: new Map() };
}

/** Runs PreFilter plugins; the first rejection wins. */
export function runPreFilter(profile: Profile, pod: KubeObject, state: CycleState): Status {
  for (const p of profile.preFilter) {
    const s = p.preFilter(pod, state);
    if (!isSuccess(s)) return { ...s, plugin: p.name };
  }
  return SUCCESS;
}

/** Runs the filters on one node; the first rejecting plugin decides its reason. */
export function runFilters(profile: Profile, pod: KubeObject, node: NodeInfo, state: CycleState): Status {
  for (const p of profile.filter) {
    const s = p.filter(pod, node, state);
    if (!isSuccess(s)) return { ...s, plugin: p.name };
  }
  return SUCCESS;
}

/** Weighted, normalised scores of the feasible nodes (prioritizeNodes). */
export function prioritize(profile: Profile, pod: KubeObject, feasible: readonly NodeInfo[], state: CycleState): Map<string, number> {
  const totals = new Map<string, number>(feasible.map((n) => [n.name, 0]));
  for (const { plugin, weight } of profile.score) {
    if (plugin.preScore && !plugin.preScore(pod, feasible, state)) continue;
    const scores = feasible.map((n) => plugin.score(pod, n, state));
    plugin.normalize?.(scores, feasible, state);
    feasible.forEach((n, i) => totals.set(n.name, totals.get(n.name)! + scores[i]! * weight));
  }
  return totals;
}

/** Schedules one pod against the given nodes. */
export function schedulePod(profile: Profile, pod: KubeObject, nodes: readonly NodeInfo[], store: StoreReader): Decision {
  const state = newCycleState(store, nodes);
  const pre = runPreFilter(profile, pod, state);
  if (!isSuccess(pre)) {
    // Every node gets the PreFilter status, so that preemption sees it as unresolvable.
    return { ok: false, diagnosis: { numAllNodes: nodes.length, statuses: new Map(nodes.map((n) => [n.name, pre])), preFilterMsg: pre.reasons.join(', ') } };
  }
  const feasible: NodeInfo[] = [];
  const statuses = new Map<string, Status>();
  for (const node of nodes) {
    const s = runFilters(profile, pod, node, state);
    if (isSuccess(s)) feasible.push(node);
    else statuses.set(node.name, s);
  }
  if (feasible.length === 0) return { ok: false, diagnosis: { numAllNodes: nodes.length, statuses } };
  // One feasible node needs no scoring (schedulePod's shortcut).
  if (feasible.length === 1) return { ok: true, node: feasible[0]!.name, scores: new Map() };
  const scores = prioritize(profile, pod, feasible, state);
  // selectHost: the highest total; ties go to the first node in name order, which keeps
  // the embedded cluster's placement predictable for lessons.
  let best = feasible[0]!;
  for (const n of feasible) if (scores.get(n.name)! > scores.get(best.name)!) best = n;
  return { ok: true, node: best.name, scores };
}
