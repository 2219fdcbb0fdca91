/**
 * TaintToleration: NoSchedule and NoExecute taints keep out pods that do not tolerate
 * them; PreferNoSchedule taints only lower a node's score.
 */
import { firstUntoleratedTaint, tolerationsTolerate, type Taint, type Toleration } from '../tolerations.js';
import { defaultNormalize, SUCCESS, unresolvable, type FilterPlugin, type ScorePlugin } from '../types.js';

/** The reason for a node whose taint the pod does not tolerate, `{key: value}` as Go prints it. */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

export const taintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, node) {
    const taint = firstUntoleratedTaint(node.node?.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute']);
    return taint ? unresolvable(untoleratedTaintReason(taint)) : SUCCESS;
  },
};

/** How many PreferNoSchedule taints of a node the pod does not tolerate. */
function intolerablePreferNoSchedule(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[]): number {
  let n = 0;
  for (const t of taints ?? []) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerate(tolerations, t)) n++;
  return n;
}

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  score(pod, node) {
    // Only tolerations that could apply to PreferNoSchedule count (getAllTolerationPreferNoSchedule).
    const tolerations = ((pod.spec?.tolerations ?? []) as Toleration[]).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return intolerablePreferNoSchedule(node.node?.spec?.taints, tolerations);
  },
  normalize(scores) {
    defaultNormalize(scores, true);
  },
};
