/**
 * NodeAffinity: spec.nodeSelector and required node affinity decide where a pod may go;
 * preferred terms add their weights to a node's score.
 */
import { nodeSelectorMatches, termMatches, type NodeSelectorTerm } from '../node-selector.js';
import type { KubeObject } from '../../api/types.js';
import { defaultNormalize, SUCCESS, unresolvable, type FilterPlugin, type ScorePlugin } from '../types.js';

/** nodeaffinity.ErrReasonPod. */
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** Whether a node satisfies the pod's nodeSelector and required node affinity. */
export function podMatchesNodeAffinity(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>)) {
    if (labels[k] !== v) return false;
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return nodeSelectorMatches(required.nodeSelectorTerms, node);
  return true;
}

export const nodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, node) {
    if (!node.node) return unresolvable(ERR_REASON_NODE_AFFINITY);
    return podMatchesNodeAffinity(pod, node.node) ? SUCCESS : unresolvable(ERR_REASON_NODE_AFFINITY);
  },
};

interface PreferredTerm {
  readonly weight: number;
  readonly preference: NodeSelectorTerm;
}

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  preScore(pod) {
    return (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
  },
  score(pod, node) {
    if (!node.node) return 0;
    let total = 0;
    for (const t of (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as PreferredTerm[]) {
      if (t.weight && termMatches(t.preference ?? {}, node.node)) total += t.weight;
    }
    return total;
  },
  normalize(scores) {
    defaultNormalize(scores, false);
  },
};
