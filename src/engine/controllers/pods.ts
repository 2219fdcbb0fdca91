/**
 * Pod helpers shared by the workload controllers (pkg/controller/controller_utils.go and
 * pkg/api/v1/pod): activeness, readiness, availability, and creating a pod from a template.
 */
import { clone } from '../api/store.js';
import type { KubeObject, OwnerReference } from '../api/types.js';

/** A pod that counts toward a controller's replicas: not finished, not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** The pod's Ready condition, if reported. */
export function readyCondition(pod: KubeObject): { status: string; lastTransitionTime?: string } | undefined {
  return (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Ready for at least minReadySeconds at `now` (podutil.IsPodAvailable). */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
  return since + minReadySeconds * 1000 <= now;
}

/** The pod a controller creates from its template (GetPodFromTemplate). */
export function podFromTemplate(template: KubeObject['spec'], owner: KubeObject, generateName: string, extra?: { name?: string; labels?: Record<string, string>; hostname?: string; subdomain?: string }): KubeObject {
  const meta = template?.metadata ?? {};
  const labels = { ...(meta.labels ?? {}), ...(extra?.labels ?? {}) };
  const ownerRef: OwnerReference = {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(extra?.name ? { name: extra.name } : { generateName }),
      namespace: owner.metadata.namespace,
      labels,
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [ownerRef],
    },
    spec: clone({ ...template.spec, ...(extra?.hostname ? { hostname: extra.hostname } : {}), ...(extra?.subdomain ? { subdomain: extra.subdomain } : {}) }),
  };
}

/** The owner reference that makes `owner` the controller of a dependent. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Whether `obj` is controlled by the object with this uid. */
export function isControlledBy(obj: KubeObject, uid: string | undefined): boolean {
  return !!uid && (obj.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === uid);
}

/**
 * Orders pods for deletion when scaling down (controller.ActivePods ranking): unassigned
 * before assigned, pending before running, not ready before ready, more restarts first,
 * newer before older.
 */
export function deletionOrder(a: KubeObject, b: KubeObject): number {
  const assigned = (p: KubeObject) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phaseRank = (p: KubeObject) => ({ Pending: 0, Unknown: 1, Running: 2 } as Record<string, number>)[p.status?.phase ?? 'Pending'] ?? 0;
  if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
  const ready = (p: KubeObject) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  const restarts = (p: KubeObject) => (p.status?.containerStatuses ?? []).reduce((n: number, c: { restartCount?: number }) => n + (c.restartCount ?? 0), 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: KubeObject) => Date.parse(p.metadata.creationTimestamp ?? '') || 0;
  if (created(a) !== created(b)) return created(b) - created(a);
  return a.metadata.name! < b.metadata.name! ? 1 : -1;
}
