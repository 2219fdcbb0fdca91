/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps spec.replicas pods that match
 * the selector, adopting orphans, creating from the template, deleting the least valuable
 * pods first, and reporting replicas, ready and available counts.
 */
import { fromLabelSelector, labelsMatch } from '../api/selectors.js';
import { clone } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import { controllerOf, keyOf, splitKey, type Controller, type ControllerContext } from './types.js';
import { deletionOrder, isControlledBy, isPodActive, isPodAvailable, isPodReady, podFromTemplate } from './pods.js';

/** The real controller's burst of creates per sync. */
const BURST_REPLICAS = 500;

export function createReplicaSetController(): Controller {
  return {
    name: 'replicaset-controller',
    watches: ['replicasets', 'pods'],
    initialKeys: (ctx) => ctx.store.list('replicasets').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'replicasets') return [keyOf(event.object)];
      const pod = event.object;
      const owner = controllerOf(pod) ?? (event.oldObject && controllerOf(event.oldObject));
      if (owner) return owner.kind === 'ReplicaSet' ? [`${pod.metadata.namespace}/${owner.name}`] : [];
      // An orphan may be adopted by a ReplicaSet whose selector matches it.
      return ctx.store
        .list('replicasets', pod.metadata.namespace)
        .filter((rs) => !rs.metadata.deletionTimestamp && labelsMatch(fromLabelSelector(rs.spec?.selector), pod.metadata.labels))
        .map(keyOf);
    },
    sync: syncReplicaSet,
  };
}

function syncReplicaSet(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const rs = ctx.store.get('replicasets', namespace, name);
  if (!rs) return;
  const selector = fromLabelSelector(rs.spec?.selector);
  let pods: readonly KubeObject[] = ctx.store.listControlledBy('pods', rs.metadata.uid!);
  if (!rs.metadata.deletionTimestamp) pods = pods.concat(adoptOrphans(rs, selector, ctx));
  const active = pods.filter(isPodActive);
  if (!rs.metadata.deletionTimestamp) manageReplicas(rs, active, ctx);
  updateStatus(rs, ctx);
}

function adoptOrphans(rs: KubeObject, selector: ReturnType<typeof fromLabelSelector>, ctx: ControllerContext): KubeObject[] {
  const adopted: KubeObject[] = [];
  for (const pod of ctx.store.listOrphans('pods', rs.metadata.namespace!)) {
    if (controllerOf(pod) || pod.metadata.deletionTimestamp || !labelsMatch(selector, pod.metadata.labels)) continue;
    const copy = clone(pod);
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true }];
    const r = ctx.client.update('pods', pod.metadata.namespace, copy);
    if (r.ok) adopted.push(r.value.object);
  }
  return adopted;
}

function manageReplicas(rs: KubeObject, active: KubeObject[], ctx: ControllerContext): void {
  const want = rs.spec?.replicas ?? 1;
  const diff = active.length - want;
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS);
    for (let i = 0; i < count; i++) {
      const pod = podFromTemplate(rs.spec.template, rs, `${rs.metadata.name}-`);
      const r = ctx.client.create('pods', rs.metadata.namespace, pod);
      if (r.ok) ctx.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.object.metadata.name}`);
      else {
        ctx.event(rs, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`);
        setReplicaFailure(rs, r.error.message, ctx);
        // The real controller retries with rate-limited back-off.
        ctx.requeueAfter(keyOf(rs), 10_000);
        return;
      }
    }
  } else if (diff > 0) {
    const victims = [...active].sort(deletionOrder).slice(0, Math.min(diff, BURST_REPLICAS));
    for (const pod of victims) {
      const r = ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name!);
      if (r.ok) ctx.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    }
  }
}

function setReplicaFailure(rs: KubeObject, message: string, ctx: ControllerContext): void {
  const current = ctx.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!);
  if (!current) return;
  // calculateStatus sets ReplicaFailure only when absent: rewriting it on every failed create
  // (the message names a new generated pod each time) would wake this controller at once,
  // a retry loop that never lets the rate-limited requeue do its job.
  if ((current.status?.conditions ?? []).some((c: { type: string }) => c.type === 'ReplicaFailure')) return;
  const conditions = current.status?.conditions ?? [];
  const next = clone(current);
  next.status = { ...next.status, conditions: [...conditions, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: ctx.clock.nowRfc3339(), reason: 'FailedCreate', message }] };
  ctx.client.updateStatus('replicasets', rs.metadata.namespace, next);
}

function updateStatus(rs: KubeObject, ctx: ControllerContext): void {
  const current = ctx.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!);
  if (!current) return;
  const minReady = current.spec?.minReadySeconds ?? 0;
  const now = ctx.clock.now();
  const selector = fromLabelSelector(current.spec?.selector);
  const templateLabels = current.spec?.template?.metadata?.labels ?? {};
  const pods = ctx.store.listControlledBy('pods', current.metadata.uid!).filter(isPodActive);
  const ready = pods.filter(isPodReady);
  const available = pods.filter((p) => isPodAvailable(p, minReady, now));
  // A pod that is ready but not yet available becomes available later: look again then.
  if (minReady > 0 && ready.length > available.length) ctx.requeueAfter(keyOf(current), minReady * 1000);
  const fullyLabeled = pods.filter((p) => labelsMatch(selector, p.metadata.labels) && Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v));
  let conditions = current.status?.conditions;
  if (conditions && pods.length === (current.spec?.replicas ?? 1)) conditions = conditions.filter((c: { type: string }) => c.type !== 'ReplicaFailure');
  const status: Record<string, unknown> = {
    replicas: pods.length,
    fullyLabeledReplicas: fullyLabeled.length,
    ...(ready.length > 0 ? { readyReplicas: ready.length } : {}),
    ...(available.length > 0 ? { availableReplicas: available.length } : {}),
    observedGeneration: current.metadata.generation,
    ...(conditions && conditions.length > 0 ? { conditions } : {}),
  };
  if (JSON.stringify(status) === JSON.stringify(current.status)) return;
  ctx.client.updateStatus('replicasets', current.metadata.namespace, { ...current, status });
}
