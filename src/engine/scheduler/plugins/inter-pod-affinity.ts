/**
 * InterPodAffinity: required pod affinity (the node's topology domain must already hold a
 * matching pod), required anti-affinity (it must hold none), and the anti-affinity of
 * pods already placed against the incoming one. Preferred terms score domains.
 */
import type { KubeObject } from '../../api/types.js';
import type { NodeInfo } from '../node-info.js';
import { SUCCESS, unresolvable, unschedulable, type CycleState, type FilterPlugin, type PreFilterPlugin, type ScorePlugin } from '../types.js';
import { pairKey, preferredTerms, requiredTerms, termSelects, type AffinityTerm } from './affinity-terms.js';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

interface FilterState {
  readonly affinity: AffinityTerm[];
  readonly antiAffinity: AffinityTerm[];
  readonly affinityCounts: Map<string, number>;
  readonly antiAffinityCounts: Map<string, number>;
  readonly existingAntiAffinityCounts: Map<string, number>;
}

const KEY = 'InterPodAffinity';

function bump(m: Map<string, number>, node: NodeInfo, topologyKey: string, by: number): void {
  const v = node.labels[topologyKey];
  if (v === undefined) return;
  const k = pairKey(topologyKey, v);
  m.set(k, (m.get(k) ?? 0) + by);
}

export const interPodAffinityPreFilter: PreFilterPlugin = {
  name: 'InterPodAffinity',
  preFilter(pod, state) {
    const s: FilterState = {
      affinity: requiredTerms(pod, 'podAffinity'),
      antiAffinity: requiredTerms(pod, 'podAntiAffinity'),
      affinityCounts: new Map(),
      antiAffinityCounts: new Map(),
      existingAntiAffinityCounts: new Map(),
    };
    for (const node of state.nodes) {
      // Existing pods whose required anti-affinity selects the incoming pod.
      for (const other of node.podsWithAffinity) {
        if (!other.hasRequiredAntiAffinity) continue;
        for (const t of requiredTerms(other.pod, 'podAntiAffinity')) if (termSelects(t, pod, state.store)) bump(s.existingAntiAffinityCounts, node, t.term.topologyKey, 1);
      }
      if (s.affinity.length === 0 && s.antiAffinity.length === 0) continue;
      for (const other of node.pods.values()) {
        // A pod counts for affinity only when it matches every term (updateWithAffinityTerms).
        if (s.affinity.length > 0 && s.affinity.every((t) => termSelects(t, other.pod, state.store))) for (const t of s.affinity) bump(s.affinityCounts, node, t.term.topologyKey, 1);
        for (const t of s.antiAffinity) if (termSelects(t, other.pod, state.store)) bump(s.antiAffinityCounts, node, t.term.topologyKey, 1);
      }
    }
    state.data.set(KEY, s);
    return SUCCESS;
  },
};

function satisfiesAffinity(s: FilterState, pod: KubeObject, node: NodeInfo, state: CycleState): boolean {
  let podsExist = true;
  for (const t of s.affinity) {
    const v = node.labels[t.term.topologyKey];
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pairKey(t.term.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group with affinity to itself may go anywhere its topology exists.
  if (!podsExist) return s.affinityCounts.size === 0 && s.affinity.every((t) => termSelects(t, pod, state.store));
  return true;
}

function satisfiesAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  for (const t of s.antiAffinity) {
    const v = node.labels[t.term.topologyKey];
    if (v !== undefined && (s.antiAffinityCounts.get(pairKey(t.term.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesExistingAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const [k, v] of Object.entries(node.labels)) if ((s.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0) return false;
  return true;
}

export const interPodAffinityFilter: FilterPlugin = {
  name: 'InterPodAffinity',
  filter(pod, node, state) {
    const s = state.data.get(KEY) as FilterState | undefined;
    if (!s) return SUCCESS;
    if (!satisfiesAffinity(s, pod, node, state)) return unresolvable(ERR_REASON_AFFINITY);
    if (!satisfiesAntiAffinity(s, node)) return unschedulable(ERR_REASON_ANTI_AFFINITY);
    if (!satisfiesExistingAntiAffinity(s, node)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
    return SUCCESS;
  },
};

const SCORE_KEY = 'InterPodAffinity/score';

/**
 * Preferred terms of the incoming pod (anti-affinity counts negative), and the preferred
 * and required affinity of placed pods towards it (symmetry, hard weight 1), summed per
 * topology domain.
 */
export const interPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  preScore(pod, _nodes, state) {
    const affinity = preferredTerms(pod, 'podAffinity');
    const anti = preferredTerms(pod, 'podAntiAffinity');
    const mine = affinity.length + anti.length > 0;
    const domains = new Map<string, number>();
    let any = false;
    for (const node of state.nodes) {
      const candidates = mine ? node.pods.values() : node.podsWithAffinity.values();
      for (const other of candidates) {
        for (const t of affinity) if (termSelects(t, other.pod, state.store)) bump(domains, node, t.term.topologyKey, t.weight);
        for (const t of anti) if (termSelects(t, other.pod, state.store)) bump(domains, node, t.term.topologyKey, -t.weight);
        if (!other.hasAffinity) continue;
        for (const t of [...preferredTerms(other.pod, 'podAffinity'), ...requiredTerms(other.pod, 'podAffinity')]) if (termSelects(t, pod, state.store)) bump(domains, node, t.term.topologyKey, t.weight);
        for (const t of preferredTerms(other.pod, 'podAntiAffinity')) if (termSelects(t, pod, state.store)) bump(domains, node, t.term.topologyKey, -t.weight);
        any = true;
      }
    }
    state.data.set(SCORE_KEY, domains);
    return mine || any;
  },
  score(_pod, node, state) {
    const domains = state.data.get(SCORE_KEY) as Map<string, number>;
    let total = 0;
    for (const [k, v] of Object.entries(node.labels)) total += domains.get(pairKey(k, v)) ?? 0;
    return total;
  },
  normalize(scores) {
    const min = Math.min(...scores);
    const diff = Math.max(...scores) - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((100 * (scores[i]! - min)) / diff) : 0;
  },
};
