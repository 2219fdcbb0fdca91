/**
 * Pod checks: `podsReady` (N pods for a selector have the Ready condition) and `podStatus`
 * (the STATUS column `kubectl get pods` shows — computed by the same printPod logic — or
 * the phase).
 */
import type { ApiClient } from '../../engine/api/client.js';
import type { KubeObject } from '../../engine/api/types.js';
import { podSummary } from '../../kubectl/printers/pod-status.js';
import { DEFAULT_NAMESPACE, listObjects, terminating } from './refs.js';
import type { CheckResult } from './types.js';

/** Whether a pod's Ready condition is True. */
export function podReady(pod: KubeObject): boolean {
  const conditions: { type: string; status: string }[] = pod.status?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function where(namespace: string | undefined): string {
  return namespace && namespace !== DEFAULT_NAMESPACE ? ` in namespace ${namespace}` : '';
}

/** `podsReady`: at least `count` (default 1) pods matching `selector` are Ready; with `exact`, no more exist. */
export function podsReadyCheck(api: ApiClient, spec: { selector: string; count?: number; exact?: boolean; namespace?: string }): CheckResult {
  const namespace = spec.namespace ?? DEFAULT_NAMESPACE;
  const want = spec.count ?? 1;
  const pods = listObjects(api, 'pods', namespace, spec.selector).filter((p) => !terminating(p));
  const ready = pods.filter(podReady).length;
  const subject = `pods with ${spec.selector}${where(spec.namespace)}`;
  if (ready < want) return { ok: false, message: `${ready}/${want} ${subject} are ready` };
  if (spec.exact && pods.length !== want) return { ok: false, message: `${pods.length} ${subject} exist, expected exactly ${want}` };
  return { ok: true, message: `${ready}/${want} ${subject} are ready` };
}

/** `podStatus`: one pod (by name) or every pod for a selector shows a STATUS or has a phase. */
export function podStatusCheck(
  api: ApiClient,
  spec: { name?: string; selector?: string; status?: string; phase?: string; namespace?: string },
  now: number,
): CheckResult {
  const namespace = spec.namespace ?? DEFAULT_NAMESPACE;
  const want = spec.status ?? spec.phase!;
  const state = (pod: KubeObject): string => (spec.status !== undefined ? podSummary(pod, now).status : (pod.status?.phase ?? 'Pending'));
  if (spec.name !== undefined) {
    const r = api.get('pods', namespace, spec.name);
    const what = `pod/${spec.name}${where(spec.namespace)}`;
    if (!r.ok) return { ok: false, message: `${what} does not exist yet` };
    const is = state(r.value);
    return is === want ? { ok: true, message: `${what} is ${is}` } : { ok: false, message: `${what} is ${is}, expected ${want}` };
  }
  const pods = listObjects(api, 'pods', namespace, spec.selector).filter((p) => !terminating(p) || spec.status === 'Terminating');
  const subject = `pods with ${spec.selector}${where(spec.namespace)}`;
  if (pods.length === 0) return { ok: false, message: `no ${subject} exist yet` };
  const matching = pods.filter((p) => state(p) === want).length;
  if (matching === pods.length) return { ok: true, message: `${matching}/${pods.length} ${subject} are ${want}` };
  const other = pods.map(state).find((s) => s !== want)!;
  return { ok: false, message: `${matching}/${pods.length} ${subject} are ${want} (one is ${other})` };
}
