/**
 * Deployment status and conditions (deployment/sync.go calculateStatus, progress.go):
 * counts summed over ReplicaSets, Available by minimum availability, Progressing by
 * whether the rollout moves, completes, or passes its progress deadline.
 */
import type { KubeObject } from '../../api/types.js';
import type { ControllerContext } from '../types.js';
import { keyOf } from '../types.js';
import { maxUnavailable, specReplicas, statusSum } from './util.js';

interface Condition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

function setCondition(conditions: Condition[], next: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>, now: string): Condition[] {
  const existing = conditions.find((c) => c.type === next.type);
  if (existing && existing.status === next.status && existing.reason === next.reason) {
    // The same condition again: only its message and update time move (SetDeploymentCondition).
    return conditions.map((c) => (c === existing ? { ...c, message: next.message, lastUpdateTime: existing.message === next.message && next.reason !== 'ReplicaSetUpdated' ? c.lastUpdateTime : now } : c));
  }
  const transition = existing && existing.status === next.status ? existing.lastTransitionTime : now;
  const cond = { ...next, lastUpdateTime: now, lastTransitionTime: transition };
  return existing ? [...conditions.filter((c) => c !== existing), cond] : [...conditions, cond];
}

/** Whether the rollout is done: every replica updated and available, nothing old left. */
export function isComplete(d: KubeObject, status: Record<string, number>): boolean {
  const replicas = d.spec?.replicas ?? 1;
  return status.updatedReplicas === replicas && status.replicas === replicas && status.availableReplicas === replicas && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** Writes status (and Progressing/Available conditions) for the current ReplicaSets. */
export function syncDeploymentStatus(d: KubeObject, newRS: KubeObject | undefined, allRSs: readonly KubeObject[], ctx: ControllerContext, extra?: { progressing?: { status: string; reason: string; message: string } }): void {
  const current = ctx.store.get('deployments', d.metadata.namespace, d.metadata.name!);
  if (!current) return;
  const now = ctx.clock.nowRfc3339();
  const replicas = statusSum(allRSs, 'replicas');
  const available = statusSum(allRSs, 'availableReplicas');
  const counts: Record<string, number> = {
    observedGeneration: current.metadata.generation ?? 1,
    replicas,
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: statusSum(allRSs, 'readyReplicas'),
    availableReplicas: available,
    // calculateStatus: the ReplicaSets' desired total minus the available, so surge pods
    // mid-rollout count as unavailable (describe's "7 total | 4 available | 3 unavailable").
    unavailableReplicas: Math.max(0, specReplicas(allRSs) - available),
  };
  let conditions: Condition[] = [...(current.status?.conditions ?? [])];
  const minAvailable = (current.spec?.replicas ?? 1) - maxUnavailable(current);
  conditions = available >= minAvailable
    ? setCondition(conditions, { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }, now)
    : setCondition(conditions, { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' }, now);
  conditions = progressing(current, newRS, counts, conditions, now, ctx, extra?.progressing);
  const status: Record<string, unknown> = { ...counts, conditions };
  if (current.status?.collisionCount) status.collisionCount = current.status.collisionCount;
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k];
  if (JSON.stringify(status) === JSON.stringify(current.status)) return;
  // Only the status counts through the status subresource: no need to copy the rest.
  ctx.client.updateStatus('deployments', current.metadata.namespace, { ...current, status });
}

function progressing(d: KubeObject, newRS: KubeObject | undefined, counts: Record<string, number>, conditions: Condition[], now: string, ctx: ControllerContext, forced?: { status: string; reason: string; message: string }): Condition[] {
  if (forced) return setCondition(conditions, { type: 'Progressing', ...forced }, now);
  const existing = conditions.find((c) => c.type === 'Progressing');
  if (d.spec?.paused) return conditions;
  if (existing?.reason === 'DeploymentPaused') {
    conditions = setCondition(conditions, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed' }, now);
  }
  if (!newRS) return conditions;
  const rsName = newRS.metadata.name;
  if (isComplete(d, counts)) {
    return setCondition(conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` }, now);
  }
  const old = d.status ?? {};
  const moved = (counts.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || (counts.availableReplicas ?? 0) > (old.availableReplicas ?? 0) || (counts.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (counts.replicas ?? 0) < (old.replicas ?? 0);
  if (moved || !existing) {
    return setCondition(conditions, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` }, now);
  }
  const deadline = d.spec?.progressDeadlineSeconds;
  if (deadline !== undefined && existing.reason !== 'ProgressDeadlineExceeded') {
    const due = Date.parse(existing.lastUpdateTime) + deadline * 1000;
    if (ctx.clock.now() >= due) {
      return setCondition(conditions, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` }, now);
    }
    ctx.requeueAfter(keyOf(d), due - ctx.clock.now());
  }
  return conditions;
}
