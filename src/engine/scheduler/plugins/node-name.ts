/**
 * NodeName: a pod naming a node fits only there. The scheduler never sees such pods in
 * practice (the kubelet runs them directly), but the filter is part of the profile.
 */
import { SUCCESS, unresolvable, type FilterPlugin } from '../types.js';

/** nodename.ErrReason. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === node.name ? SUCCESS : unresolvable(ERR_REASON_NODE_NAME);
  },
};
