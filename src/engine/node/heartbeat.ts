/**
 * The kubelet's node heartbeat: the Lease in kube-node-lease renewed every 10 s, and the
 * Node status (conditions' lastHeartbeatTime, images) written when something changed or
 * once a minute, as nodeStatusReportFrequency keeps the cost down.
 */
import type { ControllerContext } from '../controllers/types.js';
import { healthyNodeConditions } from '../nodes.js';
import type { NodeAgent } from './agent.js';

/** nodeLeaseRenewInterval: a quarter of the 40 s lease duration. */
export const LEASE_RENEW_MS = 10_000;
/** How often an unchanged node status is written anyway. */
export const NODE_STATUS_REPORT_MS = 60_000;

/** Renews the lease and, when due, the node status. */
export function heartbeat(agent: NodeAgent, ctx: ControllerContext): void {
  const now = ctx.clock.now();
  const lease = ctx.store.get('leases', 'kube-node-lease', agent.node);
  const renewTime = ctx.clock.nowMicro();
  // Renewed at this very instant already (the lease the node registered with): the update would change nothing.
  if (lease && (lease.spec?.renewTime !== renewTime || lease.spec?.holderIdentity !== agent.node)) {
    // A shallow copy: the request path copies what it keeps, and the stored parts are frozen.
    ctx.client.update('leases', 'kube-node-lease', { ...lease, spec: { ...lease.spec, holderIdentity: agent.node, renewTime } });
  }
  const node = agent.nodeObject(ctx);
  if (!node) return;
  const conditions: { type: string; status: string; lastTransitionTime?: string }[] = node.status?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  const imagesChanged = agent.images.version !== agent.reportedImages;
  const due = now - agent.lastNodeStatusAt >= NODE_STATUS_REPORT_MS;
  if (ready?.status === 'True' && !imagesChanged && !due) return;
  const stamp = ctx.clock.nowRfc3339();
  const healthy = healthyNodeConditions(stamp, stamp) as { type: string; status: string; lastTransitionTime: string }[];
  const status = {
    ...node.status,
    conditions: healthy.map((c) => {
      const old = conditions.find((o) => o.type === c.type);
      return old && old.status === c.status && old.lastTransitionTime ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
    }),
    images: agent.images.nodeStatusImages(),
  };
  // Only the status counts through the status subresource; the rest is the stored (frozen) node.
  const next = { ...node, status };
  const r = ctx.client.updateStatus('nodes', undefined, next);
  if (r.ok) {
    agent.lastNodeStatusAt = now;
    agent.reportedImages = agent.images.version;
  }
}
