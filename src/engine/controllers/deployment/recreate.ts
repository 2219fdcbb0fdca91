/**
 * The Recreate strategy (deployment/recreate.go): every old pod goes before any new one
 * is created.
 */
import type { KubeObject } from '../../api/types.js';
import { isControlledBy, isPodActive } from '../pods.js';
import type { ControllerContext } from '../types.js';
import { replicaSetsFor, scaleReplicaSet } from './replicasets.js';

/** One recreate step; returns whether anything was scaled. */
export function rolloutRecreate(d: KubeObject, oldRSs: KubeObject[], ctx: ControllerContext): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if ((rs.spec?.replicas ?? 0) > 0) {
      scaleReplicaSet(rs, 0, d, ctx);
      scaled = true;
    }
  }
  if (scaled) return true;
  const oldPodsRunning = ctx.store
    .list('pods', d.metadata.namespace)
    .some((p) => oldRSs.some((rs) => isControlledBy(p, rs.metadata.uid)) && (isPodActive(p) || !!p.metadata.deletionTimestamp));
  if (oldPodsRunning) return false;
  const { newRS, created } = replicaSetsFor(d, ctx, true);
  if (!newRS || created) return created;
  if ((newRS.spec?.replicas ?? 0) !== (d.spec?.replicas ?? 1)) {
    scaleReplicaSet(newRS, d.spec?.replicas ?? 1, d, ctx);
    return true;
  }
  return false;
}
