/** NodeUnschedulable: a cordoned node takes no new pods unless they tolerate the cordon. */
import { tolerationsTolerate } from '../tolerations.js';
import { SUCCESS, unresolvable, type FilterPlugin } from '../types.js';

/** The reason a cordoned node gives (nodeunschedulable.ErrReasonUnschedulable). */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.node?.spec?.unschedulable) return SUCCESS;
    const tolerated = tolerationsTolerate(pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
    return tolerated ? SUCCESS : unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
};
