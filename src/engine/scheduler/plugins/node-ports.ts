/**
 * NodePorts: two pods cannot claim the same host port and protocol on one node, unless
 * both bind different specific host IPs (0.0.0.0 clashes with every IP).
 */
import { podHostPorts, type HostPort } from '../node-info.js';
import { SUCCESS, unschedulable, type FilterPlugin } from '../types.js';

/** nodeports.ErrReason. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

function clash(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === '0.0.0.0' || b.ip === '0.0.0.0' || a.ip === b.ip;
}

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(pod, node) {
    const wanted = podHostPorts(pod);
    if (wanted.length === 0) return SUCCESS;
    for (const other of node.podsWithHostPorts) {
      for (const used of other.hostPorts) if (wanted.some((w) => clash(w, used))) return unschedulable(ERR_REASON_NODE_PORTS);
    }
    return SUCCESS;
  },
};
