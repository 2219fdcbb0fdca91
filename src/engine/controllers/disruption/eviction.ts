/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): deletes a pod
 * unless that would take its PodDisruptionBudget below what it must keep, in which case it
 * answers 429 `Cannot evict pod as it would violate the pod's disruption budget.` — what
 * `kubectl drain` retries on.
 */
import type { ApiClient } from '../../api/client.js';
import { clone } from '../../api/store.js';
import { fail, ok, type KubeObject, type Result, type StatusError } from '../../api/types.js';
import { isPodReady } from '../pods.js';
import { matchesLabelSelector } from '../../api/selectors.js';

export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

export interface EvictOptions {
  readonly gracePeriodSeconds?: number;
  readonly dryRun?: boolean;
}

function tooManyRequests(cause: string, retryAfterSeconds: number): StatusError {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: EVICTION_REFUSED,
    reason: 'TooManyRequests',
    code: 429,
    details: { causes: [{ reason: 'DisruptionBudget', message: cause, field: '' }], ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } as StatusError['details'],
  };
}

/**
 * Evicts a pod. `client` must be allowed to read pods and budgets, write budget status and
 * delete pods (the API server's own rights); whether the caller may create pods/eviction is
 * for the request path to check first.
 */
export function evictPod(client: ApiClient, clock: { nowRfc3339(): string }, namespace: string, name: string, opts: EvictOptions = {}): Result<KubeObject> {
  const got = client.get('pods', namespace, name);
  if (!got.ok) return got;
  const pod = got.value;
  const del = () => {
    if (opts.dryRun) return ok(pod);
    markDisruptionTarget(client, pod, clock.nowRfc3339());
    const r = client.delete('pods', namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds });
    return r.ok ? ok(r.value.object) : r;
  };
  // Pods that are finished, not started or already going do not count against any budget.
  if (['Succeeded', 'Failed', 'Pending'].includes(pod.status?.phase) || pod.metadata.deletionTimestamp) return del();
  const listed = client.list('poddisruptionbudgets', { namespace });
  if (!listed.ok) return listed;
  const budgets = listed.value.items.filter((b) => matchesLabelSelector(b.spec?.selector, pod.metadata.labels));
  if (budgets.length === 0) return del();
  if (budgets.length > 1) {
    return fail({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'InternalError', code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  }
  const pdb = budgets[0]!;
  const status = pdb.status ?? {};
  // IfHealthyBudget: an unready pod may go while the budget is met.
  const policy = pdb.spec?.unhealthyPodEvictionPolicy ?? 'IfHealthyBudget';
  if (!isPodReady(pod) && (policy === 'AlwaysAllow' || ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0))) return del();
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) return fail(tooManyRequests(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`, 10));
  if ((status.disruptionsAllowed ?? 0) <= 0) {
    return fail(tooManyRequests(`The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`, 0));
  }
  if (opts.dryRun) return ok(pod);
  const next = clone(pdb);
  next.status = { ...status, disruptionsAllowed: status.disruptionsAllowed - 1, disruptedPods: { ...(status.disruptedPods ?? {}), [name]: clock.nowRfc3339() } };
  const w = client.updateStatus('poddisruptionbudgets', namespace, next);
  if (!w.ok) return w;
  return del();
}

/** Since 1.26 an evicted pod says why it is going (PodDisruptionConditions). */
function markDisruptionTarget(client: ApiClient, pod: KubeObject, now: string): void {
  const conditions = ((pod.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== 'DisruptionTarget');
  conditions.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' } as { type: string });
  client.updateStatus('pods', pod.metadata.namespace, { ...pod, status: { ...pod.status, conditions } });
}
