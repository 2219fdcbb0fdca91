/**
 * The RollingUpdate strategy (deployment/rolling.go): scale the new ReplicaSet up within
 * maxSurge, then old ones down while keeping maxUnavailable, one step per sync.
 */
import type { KubeObject } from '../../api/types.js';
import type { ControllerContext } from '../types.js';
import { newReplicaSetReplicas, scaleReplicaSet } from './replicasets.js';
import { byCreation, maxUnavailable, specReplicas } from './util.js';

/** One rolling step; returns whether anything was scaled. */
export function rolloutRolling(d: KubeObject, newRS: KubeObject, oldRSs: KubeObject[], ctx: ControllerContext): boolean {
  if (reconcileNewReplicaSet(d, newRS, oldRSs, ctx)) return true;
  return reconcileOldReplicaSets(d, newRS, oldRSs, ctx);
}

function reconcileNewReplicaSet(d: KubeObject, newRS: KubeObject, oldRSs: KubeObject[], ctx: ControllerContext): boolean {
  const replicas = d.spec?.replicas ?? 1;
  const current = newRS.spec?.replicas ?? 0;
  if (current === replicas) return false;
  const target = current > replicas ? replicas : newReplicaSetReplicas(d, oldRSs, newRS);
  if (target === current) return false;
  scaleReplicaSet(newRS, target, d, ctx);
  return true;
}

function reconcileOldReplicaSets(d: KubeObject, newRS: KubeObject, oldRSs: KubeObject[], ctx: ControllerContext): boolean {
  const oldPods = specReplicas(oldRSs);
  if (oldPods === 0) return false;
  const all = [...oldRSs, newRS];
  const allPods = specReplicas(all);
  const minAvailable = (d.spec?.replicas ?? 1) - maxUnavailable(d);
  const newUnavailable = (newRS.spec?.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // First take out old pods that are not available anyway; they cost no availability.
  const { cleaned, remaining } = cleanupUnhealthy(d, [...oldRSs].sort(byCreation), maxScaledDown, ctx);
  const afterCleanup = remaining;
  const scaledDown = scaleDownOld(d, afterCleanup, [...afterCleanup, newRS], minAvailable, ctx);
  return cleaned + scaledDown > 0;
}

function cleanupUnhealthy(d: KubeObject, oldRSs: KubeObject[], maxCleanup: number, ctx: ControllerContext): { cleaned: number; remaining: KubeObject[] } {
  let total = 0;
  const remaining: KubeObject[] = [];
  for (const rs of oldRSs) {
    if (total >= maxCleanup) {
      remaining.push(rs);
      continue;
    }
    const replicas = rs.spec?.replicas ?? 0;
    const unhealthy = replicas - (rs.status?.availableReplicas ?? 0);
    if (replicas === 0 || unhealthy <= 0) {
      remaining.push(rs);
      continue;
    }
    const down = Math.min(maxCleanup - total, unhealthy);
    remaining.push(scaleReplicaSet(rs, replicas - down, d, ctx));
    total += down;
  }
  return { cleaned: total, remaining };
}

function scaleDownOld(d: KubeObject, oldRSs: KubeObject[], all: KubeObject[], minAvailable: number, ctx: ControllerContext): number {
  const available = all.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
  if (available <= minAvailable) return 0;
  let toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (toScaleDown <= 0) break;
    const replicas = rs.spec?.replicas ?? 0;
    if (replicas === 0) continue;
    const down = Math.min(replicas, toScaleDown);
    scaleReplicaSet(rs, replicas - down, d, ctx);
    toScaleDown -= down;
    total += down;
  }
  return total;
}
