/**
 * The taints the node lifecycle controller derives from a node's conditions
 * (node_lifecycle_controller.go doNoExecuteTaintingPass and doNoScheduleTaintingPass):
 * NoExecute for a node that is NotReady or unreachable, NoSchedule for that and for
 * pressure conditions and cordoned nodes.
 */
import type { KubeObject } from '../../api/types.js';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** A node taint as stored. */
export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** Condition -> status -> NoSchedule taint key (nodeConditionToTaintKeyStatusMap). */
const NO_SCHEDULE_BY_CONDITION: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
/** Every NoSchedule key this controller owns: it adds and removes only these. */
const MANAGED_NO_SCHEDULE = new Set([...Object.values(NO_SCHEDULE_BY_CONDITION).flatMap((m) => Object.values(m)), UNSCHEDULABLE]);
const MANAGED_NO_EXECUTE = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE]);

/** The node's Ready condition status (`True`, `False`, `Unknown`), if posted. */
export function readyStatus(node: KubeObject): string | undefined {
  return ((node.status?.conditions ?? []) as { type: string; status: string }[]).find((c) => c.type === 'Ready')?.status;
}

function isManaged(t: NodeTaint): boolean {
  return (t.effect === 'NoExecute' && MANAGED_NO_EXECUTE.has(t.key)) || (t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE.has(t.key));
}

/**
 * The node's taints as the controller wants them: other taints kept in place, managed ones
 * that still apply kept (with their timeAdded), new ones appended — NoExecute first.
 */
export function desiredTaints(node: KubeObject, now: string): NodeTaint[] {
  const want: NodeTaint[] = [];
  const ready = readyStatus(node);
  if (ready === 'False') want.push({ key: TAINT_NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') want.push({ key: TAINT_UNREACHABLE, effect: 'NoExecute' });
  for (const c of (node.status?.conditions ?? []) as { type: string; status: string }[]) {
    const key = NO_SCHEDULE_BY_CONDITION[c.type]?.[c.status];
    if (key) want.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) want.push({ key: UNSCHEDULABLE, effect: 'NoSchedule' });
  const current: NodeTaint[] = node.spec?.taints ?? [];
  const same = (a: NodeTaint, b: NodeTaint) => a.key === b.key && a.effect === b.effect;
  const kept = current.filter((t) => !isManaged(t) || want.some((w) => same(w, t)));
  const added = want.filter((w) => !current.some((t) => same(w, t))).map((w) => (w.effect === 'NoExecute' ? { ...w, timeAdded: now } : w));
  return [...kept, ...added];
}
