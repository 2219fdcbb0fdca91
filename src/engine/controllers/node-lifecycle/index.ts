/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): watches each kubelet's
 * heartbeat (its Lease in kube-node-lease and its node status). A node silent for the
 * grace period (40s) gets all its conditions set to Unknown — `Kubelet stopped posting
 * node status.` — its pods are marked not ready, and it is tainted unreachable so the
 * taint eviction controller moves its pods once their toleration (300s) runs out.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { jsonEqual } from '../../api/server.js';
import type { Controller, ControllerContext } from '../types.js';
import { desiredTaints, readyStatus } from './taints.js';

export { createTaintEvictionController } from './taint-eviction.js';

/** --node-monitor-grace-period. */
export const NODE_MONITOR_GRACE_MS = 40_000;
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
const LEASE_NAMESPACE = 'kube-node-lease';
const MONITOR = '\u0000monitor';
const CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

interface Health {
  /** When this controller last saw the kubelet alive (its own clock, as the real one). */
  probe: number;
  renewTime: string | undefined;
  heartbeat: string | undefined;
  /**
   * Whether a renewal has been seen since the controller started. A node whose kubelet
   * never renewed under this controller is not judged: clusters without simulated
   * kubelets keep their nodes Ready.
   */
  judged: boolean;
}

/** The node-controller. */
export function createNodeLifecycleController(): Controller {
  const health = new Map<string, Health>();
  const lastReady = new Map<string, string | undefined>();
  let lastMonitor: number | undefined;

  const observe = (node: KubeObject, ctx: ControllerContext): Health => {
    const now = ctx.clock.now();
    const name = node.metadata.name!;
    const renewTime: string | undefined = ctx.store.get('leases', LEASE_NAMESPACE, name)?.spec?.renewTime;
    const heartbeat: string | undefined = ((node.status?.conditions ?? []) as { type: string; lastHeartbeatTime?: string }[]).find((c) => c.type === 'Ready')?.lastHeartbeatTime;
    let h = health.get(name);
    if (!h) health.set(name, (h = { probe: now, renewTime, heartbeat, judged: false }));
    if (renewTime !== h.renewTime || heartbeat !== h.heartbeat) {
      h.judged ||= renewTime !== h.renewTime;
      h.renewTime = renewTime;
      h.heartbeat = heartbeat;
      h.probe = now;
    }
    return h;
  };

  return {
    name: 'node-controller',
    watches: ['nodes', 'leases'],
    initialKeys: (ctx) => [MONITOR, ...ctx.store.list('nodes').map((n) => n.metadata.name!)],
    keysFor(event) {
      if (event.resource === 'leases') return event.object.metadata.namespace === LEASE_NAMESPACE && event.type !== 'DELETED' ? [event.object.metadata.name!] : [];
      return event.type === 'DELETED' ? [] : [event.object.metadata.name!];
    },
    sync(key, ctx) {
      if (key !== MONITOR) {
        const node = ctx.store.get('nodes', undefined, key);
        if (node) {
          observe(node, ctx);
          reconcileNode(node, lastReady, ctx);
        } else {
          health.delete(key);
          lastReady.delete(key);
        }
        return;
      }
      const now = ctx.clock.now();
      // Time jumped (a cluster aged without simulating the gap): start watching afresh, as a
      // restarted controller would, instead of judging kubelets on time nobody lived through.
      if (lastMonitor !== undefined && now - lastMonitor > NODE_MONITOR_GRACE_MS) for (const h of health.values()) h.probe = now;
      lastMonitor = now;
      for (const node of ctx.store.list('nodes')) {
        const h = observe(node, ctx);
        if (h.judged && now - h.probe > NODE_MONITOR_GRACE_MS && readyStatus(node) !== 'Unknown') markUnknown(node, ctx);
        const latest = ctx.store.get('nodes', undefined, node.metadata.name!);
        if (latest) reconcileNode(latest, lastReady, ctx);
      }
      ctx.requeueAfter(MONITOR, NODE_MONITOR_PERIOD_MS);
    },
  };
}

/** The kubelet stopped posting: every condition becomes Unknown (tryUpdateNodeHealth). */
function markUnknown(node: KubeObject, ctx: ControllerContext): void {
  const now = ctx.clock.nowRfc3339();
  const existing = (node.status?.conditions ?? []) as Record<string, unknown>[];
  const conditions = existing.map((c) => (CONDITIONS.includes(c.type as string) ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : now } : c));
  for (const type of CONDITIONS) {
    if (existing.some((c) => c.type === type)) continue;
    conditions.push({ type, status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: now, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
  }
  ctx.client.updateStatus('nodes', undefined, { ...node, status: { ...node.status, conditions } });
}

/**
 * Taints from conditions; on a Ready -> not-ready transition the node's `NodeNotReady`
 * event; and while the node is not ready, its pods marked not ready.
 */
function reconcileNode(node: KubeObject, lastReady: Map<string, string | undefined>, ctx: ControllerContext): void {
  const taints = desiredTaints(node, ctx.clock.nowRfc3339());
  if (!jsonEqual(taints, node.spec?.taints ?? [])) {
    const next = clone(node);
    if (taints.length > 0) next.spec = { ...next.spec, taints };
    else delete next.spec.taints;
    ctx.client.update('nodes', undefined, next);
  }
  const name = node.metadata.name!;
  const ready = readyStatus(node);
  const before = lastReady.get(name);
  lastReady.set(name, ready);
  if (ready === 'True') return;
  // The event names the node by name in its uid field, as RecordNodeStatusChange does.
  if (before === 'True') ctx.event({ ...node, metadata: { ...node.metadata, uid: name } }, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
  markPodsNotReady(name, ctx);
}

/** MarkPodsNotReady: pods on a node that is not ready stop being Ready, so Services drop them. */
function markPodsNotReady(nodeName: string, ctx: ControllerContext): void {
  const now = ctx.clock.nowRfc3339();
  for (const pod of ctx.store.list('pods')) {
    if (pod.spec?.nodeName !== nodeName || pod.metadata.deletionTimestamp) continue;
    const conditions = (pod.status?.conditions ?? []) as { type: string; status: string }[];
    if (!conditions.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
    const next = conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
    const r = ctx.client.updateStatus('pods', pod.metadata.namespace, { ...pod, status: { ...pod.status, conditions: next } });
    if (r.ok) ctx.event(r.value.object, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
}
