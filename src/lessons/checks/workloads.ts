/**
 * Workload and service checks: `rolloutComplete` (worded as `kubectl rollout status`
 * prints, from polymorphichelpers/rollout_status.go), `serviceEndpoints` and `pvcBound`.
 */
import type { ApiClient } from '../../engine/api/client.js';
import type { KubeObject } from '../../engine/api/types.js';
import { DEFAULT_NAMESPACE, label, listObjects } from './refs.js';
import { resourceType } from '../../engine/api/discovery.js';
import type { CheckResult } from './types.js';

type RolloutKind = 'deployment' | 'statefulset' | 'daemonset';

/** The rollout status line and whether it is final, as `kubectl rollout status` decides it. */
export function rolloutStatus(kind: RolloutKind, obj: KubeObject): { done: boolean; message: string } {
  const name = obj.metadata.name!;
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  const generation = obj.metadata.generation ?? 0;
  const observed = st.observedGeneration ?? 0;
  if (kind === 'deployment') {
    if (generation > observed) return { done: false, message: 'Waiting for deployment spec update to be observed...' };
    const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { done: false, message: `deployment "${name}" exceeded its progress deadline` };
    const replicas = spec.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (updated < replicas) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...` };
    if ((st.replicas ?? 0) > updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...` };
    if ((st.availableReplicas ?? 0) < updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...` };
    return { done: true, message: `deployment "${name}" successfully rolled out` };
  }
  if (kind === 'daemonset') {
    if (generation > observed) return { done: false, message: 'Waiting for daemon set spec update to be observed...' };
    const desired = st.desiredNumberScheduled ?? 0;
    if ((st.updatedNumberScheduled ?? 0) < desired) return { done: false, message: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...` };
    if ((st.numberAvailable ?? 0) < desired) return { done: false, message: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...` };
    return { done: true, message: `daemon set "${name}" successfully rolled out` };
  }
  if (observed === 0 || generation > observed) return { done: false, message: 'Waiting for statefulset spec update to be observed...' };
  const replicas = spec.replicas ?? 1;
  if ((st.readyReplicas ?? 0) < replicas) return { done: false, message: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...` };
  const partition = spec.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined && partition !== null) {
    if ((st.updatedReplicas ?? 0) < replicas - partition) return { done: false, message: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...` };
    return { done: true, message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...` };
  }
  if (st.updateRevision !== st.currentRevision) return { done: false, message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...` };
  return { done: true, message: `statefulset rolling update complete ${st.currentReplicas ?? replicas} pods at revision ${st.updateRevision}...` };
}

/** `rolloutComplete`: a Deployment, StatefulSet or DaemonSet has finished rolling out (optionally to an image). */
export function rolloutCompleteCheck(
  api: ApiClient,
  spec: { deployment?: string; statefulset?: string; daemonset?: string; image?: string; namespace?: string },
): CheckResult {
  const kind: RolloutKind = spec.deployment !== undefined ? 'deployment' : spec.statefulset !== undefined ? 'statefulset' : 'daemonset';
  const name = spec.deployment ?? spec.statefulset ?? spec.daemonset!;
  const t = resourceType(`${kind}s`)!;
  const what = label(t, name, spec.namespace);
  const r = api.get(t.resource, spec.namespace ?? DEFAULT_NAMESPACE, name);
  if (!r.ok) return { ok: false, message: `${what} does not exist yet` };
  if (spec.image !== undefined) {
    const images: string[] = (r.value.spec?.template?.spec?.containers ?? []).map((c: { image?: string }) => c.image ?? '');
    if (!images.includes(spec.image)) return { ok: false, message: `${what} runs ${images.join(', ') || 'no image'}, expected ${spec.image}` };
  }
  const status = rolloutStatus(kind, r.value);
  return { ok: status.done, message: status.message };
}

/** `serviceEndpoints`: a Service has ready endpoints — exactly `count` when given, else at least one. */
export function serviceEndpointsCheck(api: ApiClient, spec: { service: string; count?: number; namespace?: string }): CheckResult {
  const namespace = spec.namespace ?? DEFAULT_NAMESPACE;
  const what = label(resourceType('services')!, spec.service, spec.namespace);
  if (!api.get('services', namespace, spec.service).ok) return { ok: false, message: `${what} does not exist yet` };
  const ep = api.get('endpoints', namespace, spec.service);
  const subsets: { addresses?: unknown[] }[] = ep.ok ? (ep.value.subsets ?? []) : [];
  const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const noun = (n: number) => (n === 1 ? 'endpoint' : 'endpoints');
  if (spec.count === undefined) {
    return ready > 0 ? { ok: true, message: `${what} has ${ready} ready ${noun(ready)}` } : { ok: false, message: `${what} has no ready endpoints yet` };
  }
  const ok = ready === spec.count;
  return { ok, message: `${what} has ${ready} ready ${noun(ready)}${ok ? '' : `, expected ${spec.count}`}` };
}

/** `pvcBound`: a PersistentVolumeClaim is Bound. */
export function pvcBoundCheck(api: ApiClient, spec: { name: string; namespace?: string }): CheckResult {
  const what = label(resourceType('persistentvolumeclaims')!, spec.name, spec.namespace);
  const r = api.get('persistentvolumeclaims', spec.namespace ?? DEFAULT_NAMESPACE, spec.name);
  if (!r.ok) return { ok: false, message: `${what} does not exist yet` };
  const phase = r.value.status?.phase ?? 'Pending';
  return phase === 'Bound' ? { ok: true, message: `${what} is Bound` } : { ok: false, message: `${what} is ${phase}, expected Bound` };
}

/** Pods of any kind for a selector (re-exported for reachable's `from` selector). */
export function podsFor(api: ApiClient, namespace: string, selector: string): readonly KubeObject[] {
  return listObjects(api, 'pods', namespace, selector);
}
