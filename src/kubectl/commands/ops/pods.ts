/**
 * Finding the pod and container a pod-level verb (logs, exec, port-forward, debug) acts
 * on: `POD` or `TYPE/NAME` resolved to one pod as kubectl's polymorphic helpers do, and the
 * default container with kubectl's `Defaulted container "app" out of: ...` notice.
 */
import type { ApiClient } from '../../../engine/api/client.js';
import type { KubeObject, Result } from '../../../engine/api/types.js';
import { ok } from '../../../engine/api/types.js';
import { resolveResourceType } from '../../args/resources.js';
import { selectorText } from './support.js';

/** The pod chosen for `TYPE/NAME`, and how many pods matched (for `Found 3 pods, using pod/x`). */
export interface PodChoice {
  readonly pod: KubeObject;
  readonly matched: number;
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function isReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function restarts(pod: KubeObject): number {
  return (pod.status?.containerStatuses ?? []).reduce((n: number, c: { restartCount?: number }) => Math.max(n, c.restartCount ?? 0), 0);
}

/**
 * podutils.ByLogging: assigned before unassigned, Running before Unknown before Pending,
 * ready before not ready, more restarts first, older first; names break ties.
 */
export function byLogging(a: KubeObject, b: KubeObject): number {
  const assigned = Number(!a.spec?.nodeName) - Number(!b.spec?.nodeName);
  if (assigned) return assigned;
  const phase = (PHASE_RANK[a.status?.phase] ?? 3) - (PHASE_RANK[b.status?.phase] ?? 3);
  if (phase) return phase;
  const ready = Number(isReady(b)) - Number(isReady(a));
  if (ready) return ready;
  const r = restarts(b) - restarts(a);
  if (r) return r;
  const age = Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? '');
  if (age) return age;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/**
 * Resolves `POD` or `TYPE/NAME` (deploy/web, rs/x, sts/db, ds/x, job/pi, svc/web) to a pod.
 * For a workload without pods kubectl's GetFirstPod waits until --pod-running-timeout and
 * then says `timed out waiting for the condition`; the tutor answers at once.
 */
export function resolvePod(client: ApiClient, namespace: string, arg: string): Result<PodChoice> | { ok: false; text: string } {
  const slash = arg.indexOf('/');
  if (slash < 0) {
    const pod = client.get('pods', namespace, arg);
    return pod.ok ? ok({ pod: pod.value, matched: 1 }) : pod;
  }
  const type = resolveResourceType(arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  if (!type) return { ok: false, text: `the server doesn't have a resource type "${arg.slice(0, slash)}"` };
  const obj = client.get(type.resource, namespace, name);
  if (!obj.ok) return obj;
  if (type.kind === 'Pod') return ok({ pod: obj.value, matched: 1 });
  const selector = selectorText(obj.value);
  if (!selector) return { ok: false, text: `cannot attach to ${type.kind}: selector for ${type.kind} not implemented` };
  const pods = client.list('pods', { namespace, labelSelector: selector });
  if (!pods.ok) return pods;
  const live = [...pods.value.items].filter((p) => !p.metadata.deletionTimestamp).sort(byLogging);
  if (live.length === 0) return { ok: false, text: 'timed out waiting for the condition' };
  return ok({ pod: live[0]!, matched: live.length });
}

/** `app, sidecar, init (init), debugger (ephem)`: podcmd.AllContainerNames. */
export function allContainerNames(pod: KubeObject): string {
  const names = [
    ...(pod.spec?.containers ?? []).map((c: { name: string }) => c.name),
    ...(pod.spec?.initContainers ?? []).map((c: { name: string }) => `${c.name} (init)`),
    ...(pod.spec?.ephemeralContainers ?? []).map((c: { name: string }) => `${c.name} (ephem)`),
  ];
  return names.join(', ');
}

/**
 * podcmd.FindOrDefaultContainerByName: the named container, the annotated default
 * (kubectl.kubernetes.io/default-container), or the first one — with the notice kubectl
 * writes to stderr when the pod has more than one container. `notice` is that text.
 */
export function defaultContainer(pod: KubeObject, quiet: boolean): { name: string; notice: string } {
  const containers: { name: string }[] = pod.spec?.containers ?? [];
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  let notice = '';
  if (annotated) {
    if (containers.some((c) => c.name === annotated)) return { name: annotated, notice };
    notice = `Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`;
  }
  const first = containers[0]?.name ?? '';
  const several = containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0;
  if (!quiet && several) notice += `Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`;
  return { name: first, notice };
}

/** Whether the pod has a container (of any kind) by that name. */
export function hasContainer(pod: KubeObject, name: string): boolean {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].some((c: { name: string }) => c.name === name);
}
