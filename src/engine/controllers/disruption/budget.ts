/**
 * What a PodDisruptionBudget allows (pkg/controller/disruption/disruption.go): how many
 * pods it expects, how many must stay healthy, how many are healthy now, and so how many
 * may be disrupted.
 */
import { matchesLabelSelector } from '../../api/selectors.js';
import type { StoreReader } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { isPodReady } from '../pods.js';
import { controllerOf } from '../types.js';

/** How long an eviction counts against the budget before the pod must be gone (DeletionTimeout). */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

export interface BudgetStatus {
  readonly expectedPods: number;
  readonly desiredHealthy: number;
  readonly currentHealthy: number;
  readonly disruptionsAllowed: number;
  /** Evicted pods not yet deleted, with when they were evicted. */
  readonly disruptedPods: Record<string, string>;
}

/** The budget's pods: those its selector matches (an empty selector matches all, none matches nothing). */
export function budgetPods(pdb: KubeObject, store: StoreReader): KubeObject[] {
  return store.list('pods', pdb.metadata.namespace).filter((p) => matchesLabelSelector(pdb.spec?.selector, p.metadata.labels));
}

/** The PDBs that cover a pod. */
export function budgetsForPod(pod: KubeObject, store: StoreReader): KubeObject[] {
  return store.list('poddisruptionbudgets', pod.metadata.namespace).filter((b) => matchesLabelSelector(b.spec?.selector, pod.metadata.labels));
}

/** An int or a percentage of `total` (GetScaledValueFromIntOrPercent, rounding up). */
function scaled(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(value) || 0;
}

/** The replicas the pods' controllers want (getExpectedScale), or an error naming a pod without one. */
function expectedScale(pods: readonly KubeObject[], store: StoreReader): number | string {
  const seen = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) return `found no controllers for pod "${pod.metadata.name}"`;
    let scale: number | undefined;
    const ns = pod.metadata.namespace;
    if (ref.kind === 'ReplicaSet') {
      const rs = store.get('replicasets', ns, ref.name);
      const dRef = rs && controllerOf(rs);
      const d = dRef?.kind === 'Deployment' ? store.get('deployments', ns, dRef.name) : undefined;
      const owner = d ?? rs;
      if (owner) {
        seen.set(owner.metadata.uid!, owner.spec?.replicas ?? 1);
        continue;
      }
    } else if (ref.kind === 'StatefulSet' || ref.kind === 'ReplicationController') {
      const o = store.get(ref.kind === 'StatefulSet' ? 'statefulsets' : 'replicationcontrollers', ns, ref.name);
      scale = o?.spec?.replicas ?? (o ? 1 : undefined);
    }
    if (scale === undefined) return `found no controllers for pod "${pod.metadata.name}"`;
    seen.set(ref.uid, scale);
  }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/** The budget's status at `now`, or the reason it cannot be computed. */
export function computeBudget(pdb: KubeObject, store: StoreReader, now: number): BudgetStatus | { error: string } {
  const pods = budgetPods(pdb, store);
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  let expectedPods: number;
  let desiredHealthy: number;
  if (maxUnavailable !== undefined) {
    const scale = expectedScale(pods, store);
    if (typeof scale === 'string') return { error: scale };
    expectedPods = scale;
    desiredHealthy = Math.max(0, expectedPods - scaled(maxUnavailable, expectedPods));
  } else if (typeof minAvailable === 'number') {
    expectedPods = pods.length;
    desiredHealthy = minAvailable;
  } else if (typeof minAvailable === 'string') {
    const scale = expectedScale(pods, store);
    if (typeof scale === 'string') return { error: scale };
    expectedPods = scale;
    desiredHealthy = scaled(minAvailable, expectedPods);
  } else {
    // Neither set: the API server defaults minAvailable to 1 for policy/v1beta1 only.
    expectedPods = pods.length;
    desiredHealthy = 0;
  }
  const disruptedPods: Record<string, string> = {};
  const earlier: Record<string, string> = pdb.status?.disruptedPods ?? {};
  let currentHealthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const evictedAt = earlier[pod.metadata.name!];
    // An evicted pod still standing counts as gone until the deletion timeout passes.
    if (evictedAt && Date.parse(evictedAt) + DELETION_TIMEOUT_MS > now) {
      disruptedPods[pod.metadata.name!] = evictedAt;
      continue;
    }
    if (isPodReady(pod)) currentHealthy++;
  }
  return { expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy), disruptedPods };
}
