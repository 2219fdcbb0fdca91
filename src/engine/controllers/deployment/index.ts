/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template,
 * rolled from old to new by the Deployment's strategy, scaled proportionally when paused
 * or resized mid-rollout, with revision history kept for `rollout undo`.
 */
import type { KubeObject } from '../../api/types.js';
import { controllerOf, keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { cleanupOldReplicaSets, ownedReplicaSets, replicaSetsFor, scaleReplicaSet } from './replicasets.js';
import { rolloutRecreate } from './recreate.js';
import { rolloutRolling } from './rolling.js';
import { isComplete, syncDeploymentStatus } from './status.js';
import { DESIRED_REPLICAS, REVISION, maxSurge, revisionOf, specReplicas } from './util.js';
import { clone } from '../../api/store.js';

export function createDeploymentController(): Controller {
  return {
    name: 'deployment-controller',
    watches: ['deployments', 'replicasets', 'pods'],
    initialKeys: (ctx) => ctx.store.list('deployments').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'deployments') return [keyOf(event.object)];
      if (event.resource === 'replicasets') {
        const owner = controllerOf(event.object);
        return owner?.kind === 'Deployment' ? [`${event.object.metadata.namespace}/${owner.name}`] : [];
      }
      // Pods matter only to Recreate, which waits for the old ones to be gone.
      if (event.type !== 'DELETED') return [];
      const rsRef = controllerOf(event.object);
      if (rsRef?.kind !== 'ReplicaSet') return [];
      const rs = ctx.store.get('replicasets', event.object.metadata.namespace, rsRef.name);
      const dRef = rs && controllerOf(rs);
      if (dRef?.kind !== 'Deployment') return [];
      const d = ctx.store.get('deployments', event.object.metadata.namespace, dRef.name);
      return d?.spec?.strategy?.type === 'Recreate' ? [keyOf(d)] : [];
    },
    sync: syncDeployment,
  };
}

function syncDeployment(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const d = ctx.store.get('deployments', namespace, name);
  if (!d || d.metadata.deletionTimestamp) return;
  if (d.spec?.paused) {
    syncPaused(d, ctx);
    return;
  }
  if (isScalingEvent(d, ctx)) {
    const { newRS, oldRSs } = replicaSetsFor(d, ctx, false);
    scale(d, newRS, oldRSs, ctx);
    syncDeploymentStatus(d, newRS, currentRSs(d, ctx), ctx);
    return;
  }
  if (d.spec?.strategy?.type === 'Recreate') {
    const { newRS, oldRSs } = replicaSetsFor(d, ctx, false);
    rolloutRecreate(d, oldRSs, ctx);
    finish(d, newRS, ctx);
    return;
  }
  const { newRS, oldRSs, created } = replicaSetsFor(d, ctx, true);
  if (!newRS) return;
  if (created) {
    syncDeploymentStatus(d, newRS, currentRSs(d, ctx), ctx, { progressing: { status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${newRS.metadata.name}"` } });
    return;
  }
  rolloutRolling(d, newRS, oldRSs, ctx);
  finish(d, newRS, ctx);
}

/** Status, the Deployment's revision annotation, and history cleanup once complete. */
function finish(d: KubeObject, newRS: KubeObject | undefined, ctx: ControllerContext): void {
  const fresh = currentRSs(d, ctx);
  const rs = newRS && fresh.find((r) => r.metadata.uid === newRS.metadata.uid);
  syncRevisionAnnotation(d, rs, ctx);
  const latest = ctx.store.get('deployments', d.metadata.namespace, d.metadata.name!) ?? d;
  syncDeploymentStatus(latest, rs, fresh, ctx);
  const after = ctx.store.get('deployments', d.metadata.namespace, d.metadata.name!);
  if (after && rs && isComplete(after, after.status ?? {})) cleanupOldReplicaSets(after, fresh.filter((r) => r !== rs), ctx);
}

function currentRSs(d: KubeObject, ctx: ControllerContext): KubeObject[] {
  return ownedReplicaSets(d, ctx);
}

function syncRevisionAnnotation(d: KubeObject, newRS: KubeObject | undefined, ctx: ControllerContext): void {
  if (!newRS) return;
  const revision = String(revisionOf(newRS));
  const current = ctx.store.get('deployments', d.metadata.namespace, d.metadata.name!);
  if (!current || current.metadata.annotations?.[REVISION] === revision) return;
  const copy = clone(current);
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [REVISION]: revision };
  ctx.client.update('deployments', d.metadata.namespace, copy);
}

/** A change of spec.replicas not yet reflected in the active ReplicaSets' desired-replicas. */
function isScalingEvent(d: KubeObject, ctx: ControllerContext): boolean {
  const active = ownedReplicaSets(d, ctx).filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  const want = String(d.spec?.replicas ?? 1);
  return active.some((rs) => rs.metadata.annotations?.[DESIRED_REPLICAS] !== want);
}

function syncPaused(d: KubeObject, ctx: ControllerContext): void {
  const { newRS, oldRSs } = replicaSetsFor(d, ctx, false);
  scale(d, newRS, oldRSs, ctx);
  syncDeploymentStatus(d, newRS, currentRSs(d, ctx), ctx, { progressing: { status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' } });
}

/**
 * dc.scale: one active ReplicaSet takes the new size; several share the difference in
 * proportion to their size (the largest first gets any remainder).
 */
function scale(d: KubeObject, newRS: KubeObject | undefined, oldRSs: KubeObject[], ctx: ControllerContext): void {
  const replicas = d.spec?.replicas ?? 1;
  const all = newRS ? [newRS, ...oldRSs] : [...oldRSs];
  const active = all.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
  if (active.length === 0) {
    if (newRS && (newRS.spec?.replicas ?? 0) !== replicas) scaleReplicaSet(newRS, replicas, d, ctx);
    return;
  }
  if (active.length === 1) {
    scaleReplicaSet(active[0]!, replicas, d, ctx);
    return;
  }
  if (newRS && isCompleteRS(newRS, replicas) ) {
    for (const rs of oldRSs) if ((rs.spec?.replicas ?? 0) > 0) scaleReplicaSet(rs, 0, d, ctx);
    return;
  }
  const allowed = d.spec?.strategy?.type === 'Recreate' ? replicas : replicas + maxSurge(d);
  const current = specReplicas(active);
  const toAdd = allowed - current;
  if (toAdd === 0) {
    for (const rs of active) scaleReplicaSet(rs, rs.spec.replicas, d, ctx);
    return;
  }
  const sorted = [...active].sort((a, b) => (toAdd > 0 ? (b.spec.replicas - a.spec.replicas) : (a.spec.replicas - b.spec.replicas)) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
  let added = 0;
  const targets = sorted.map((rs) => {
    const share = current > 0 ? Math.trunc((rs.spec.replicas * toAdd) / current) : 0;
    added += share;
    return { rs, size: rs.spec.replicas + share };
  });
  if (targets.length > 0) targets[0]!.size += toAdd - added;
  for (const t of targets) scaleReplicaSet(t.rs, Math.max(0, t.size), d, ctx);
}

function isCompleteRS(rs: KubeObject, replicas: number): boolean {
  return (rs.spec?.replicas ?? 0) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}
