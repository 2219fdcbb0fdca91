/**
 * Finding, creating and scaling a Deployment's ReplicaSets (deployment/sync.go):
 * getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent and cleanup.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { controllerRef, isControlledBy } from '../pods.js';
import type { ControllerContext } from '../types.js';
import { DESIRED_REPLICAS, HASH_LABEL, MAX_REPLICAS, REVISION, REVISION_HISTORY, byCreation, equalIgnoreHash, maxSurge, revisionOf, specReplicas, templateHash } from './util.js';

export interface ReplicaSets {
  readonly newRS: KubeObject | undefined;
  readonly oldRSs: KubeObject[];
  /** Whether this sync created the new ReplicaSet. */
  readonly created: boolean;
}

/** The Deployment's ReplicaSets, oldest first. */
export function ownedReplicaSets(d: KubeObject, ctx: ControllerContext): KubeObject[] {
  return [...ctx.store.listControlledBy('replicasets', d.metadata.uid!)].sort(byCreation);
}

/** Splits the ReplicaSets into the one matching the template and the rest, creating it if asked. */
export function replicaSetsFor(d: KubeObject, ctx: ControllerContext, createIfMissing: boolean): ReplicaSets {
  const all = ownedReplicaSets(d, ctx);
  const existing = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const oldRSs = all.filter((rs) => rs !== existing);
  const maxOld = oldRSs.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  const newRevision = maxOld + 1;
  if (existing) return { newRS: syncRevision(d, existing, newRevision, ctx), oldRSs, created: false };
  if (!createIfMissing) return { newRS: undefined, oldRSs, created: false };
  return { newRS: createNewReplicaSet(d, oldRSs, newRevision, ctx), oldRSs, created: true };
}

/** Brings the new RS's revision and annotations up to date (a rollback reuses an old RS). */
function syncRevision(d: KubeObject, rs: KubeObject, newRevision: number, ctx: ControllerContext): KubeObject {
  const oldRevision = revisionOf(rs);
  const ann = { ...(rs.metadata.annotations ?? {}) };
  let changed = false;
  if (oldRevision < newRevision) {
    if (oldRevision > 0) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${oldRevision}` : String(oldRevision);
    ann[REVISION] = String(newRevision);
    changed = true;
  }
  for (const [k, v] of Object.entries(copiedAnnotations(d))) if (ann[k] !== v) ((ann[k] = v), (changed = true));
  const desired = String(d.spec?.replicas ?? 1);
  const max = String((d.spec?.replicas ?? 1) + maxSurge(d));
  if (ann[DESIRED_REPLICAS] !== desired || ann[MAX_REPLICAS] !== max) ((ann[DESIRED_REPLICAS] = desired), (ann[MAX_REPLICAS] = max), (changed = true));
  if (!changed) return rs;
  const copy = clone(rs);
  copy.metadata.annotations = ann;
  const r = ctx.client.update('replicasets', rs.metadata.namespace, copy);
  return r.ok ? r.value.object : rs;
}

/** Deployment annotations copied to its ReplicaSets (all but the kubectl and revision ones). */
function copiedAnnotations(d: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (k === 'kubectl.kubernetes.io/last-applied-configuration' || k === REVISION || k === REVISION_HISTORY || k === DESIRED_REPLICAS || k === MAX_REPLICAS) continue;
    out[k] = v;
  }
  return out;
}

function createNewReplicaSet(d: KubeObject, oldRSs: KubeObject[], revision: number, ctx: ControllerContext): KubeObject | undefined {
  const collision = d.status?.collisionCount ?? 0;
  const hash = templateHash(d.spec.template, collision);
  const template = clone(d.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
  const replicas = newReplicaSetReplicas(d, oldRSs, undefined);
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: template.metadata.labels,
      annotations: {
        ...copiedAnnotations(d),
        [DESIRED_REPLICAS]: String(d.spec?.replicas ?? 1),
        [MAX_REPLICAS]: String((d.spec?.replicas ?? 1) + maxSurge(d)),
        [REVISION]: String(revision),
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector?.matchLabels ?? {}), [HASH_LABEL]: hash } },
      template,
    },
  };
  if (!rs.spec.minReadySeconds) delete rs.spec.minReadySeconds;
  const r = ctx.client.create('replicasets', d.metadata.namespace, rs);
  if (!r.ok) {
    if (r.error.reason === 'AlreadyExists') {
      // A hash collision: the real controller bumps collisionCount and tries again next sync.
      const copy = clone(d);
      copy.status = { ...copy.status, collisionCount: collision + 1 };
      ctx.client.updateStatus('deployments', d.metadata.namespace, copy);
    }
    return undefined;
  }
  if (replicas > 0) ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} to ${replicas}`);
  return r.value.object;
}

/** NewRSNewReplicas: how big the new RS may be now. */
export function newReplicaSetReplicas(d: KubeObject, oldRSs: readonly KubeObject[], newRS: KubeObject | undefined): number {
  const replicas = d.spec?.replicas ?? 1;
  const current = newRS?.spec?.replicas ?? 0;
  if (d.spec?.strategy?.type === 'Recreate') return replicas;
  const all = newRS ? [...oldRSs, newRS] : [...oldRSs];
  const currentPodCount = specReplicas(all);
  const maxTotal = replicas + maxSurge(d);
  if (currentPodCount >= maxTotal) return current;
  const scaleUp = Math.min(maxTotal - currentPodCount, replicas - current);
  return current + scaleUp;
}

/** Scales one ReplicaSet and records the ScalingReplicaSet event as the 1.30 controller words it. */
export function scaleReplicaSet(rs: KubeObject, replicas: number, d: KubeObject, ctx: ControllerContext): KubeObject {
  const from = rs.spec?.replicas ?? 0;
  const desired = String(d.spec?.replicas ?? 1);
  const max = String((d.spec?.replicas ?? 1) + maxSurge(d));
  const ann = rs.metadata.annotations ?? {};
  if (from === replicas && ann[DESIRED_REPLICAS] === desired && ann[MAX_REPLICAS] === max) return rs;
  const copy = clone(rs);
  copy.spec.replicas = replicas;
  copy.metadata.annotations = { ...ann, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max };
  const r = ctx.client.update('replicasets', rs.metadata.namespace, copy);
  if (!r.ok) return rs;
  if (from !== replicas) {
    const verb = replicas > from ? 'up' : 'down';
    ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} to ${replicas} from ${from}`);
  }
  return r.value.object;
}

/** Deletes old, empty ReplicaSets beyond revisionHistoryLimit, oldest revision first. */
export function cleanupOldReplicaSets(d: KubeObject, oldRSs: readonly KubeObject[], ctx: ControllerContext): void {
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const empty = oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp);
  const excess = empty.length - limit;
  if (excess <= 0) return;
  const byRevision = [...empty].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of byRevision.slice(0, excess)) ctx.client.delete('replicasets', rs.metadata.namespace, rs.metadata.name!);
}
