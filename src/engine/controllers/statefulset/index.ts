/**
 * The StatefulSet controller (pkg/controller/statefulset): pods with stable names
 * `<set>-<ordinal>` and their own claims, created in order (each waiting for its
 * predecessor to be Running and Ready unless podManagementPolicy is Parallel), removed in
 * reverse order, and updated from the highest ordinal down to the partition.
 */
import { fromLabelSelector, labelsMatch } from '../../api/selectors.js';
import type { KubeObject } from '../../api/types.js';
import { controllerRef, isControlledBy, isPodAvailable, isPodReady } from '../pods.js';
import { controllerOf, keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { ensureRevision, ownedRevisions, POD_REVISION_LABEL, REVISION_HASH_LABEL, revisionHash, templateOf, templatePatch, truncateHistory } from './history.js';
import { ensureClaims, handOverClaims, inRange, newStatefulPod, ordinalOf, startOrdinal } from './identity.js';
import { syncStatefulSetStatus } from './status.js';

export function createStatefulSetController(): Controller {
  return {
    name: 'statefulset-controller',
    watches: ['statefulsets', 'pods'],
    initialKeys: (ctx) => ctx.store.list('statefulsets').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'statefulsets') return [keyOf(event.object)];
      const pod = event.object;
      const owner = controllerOf(pod) ?? (event.oldObject && controllerOf(event.oldObject));
      if (owner) return owner.kind === 'StatefulSet' ? [`${pod.metadata.namespace}/${owner.name}`] : [];
      return ctx.store
        .list('statefulsets', pod.metadata.namespace)
        .filter((s) => ordinalOf(s, pod) >= 0 && labelsMatch(fromLabelSelector(s.spec?.selector), pod.metadata.labels))
        .map(keyOf);
    },
    sync: syncStatefulSet,
  };
}

/** The two revisions a sync works between and their templates. */
export interface Revisions {
  readonly current: KubeObject;
  readonly update: KubeObject;
}

function syncStatefulSet(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const set = ctx.store.get('statefulsets', namespace, name);
  if (!set) return;
  const revisions = ownedRevisions(set, ctx);
  const data = templatePatch(set.spec?.template);
  const collisionCount = set.status?.collisionCount ?? 0;
  const labels = { ...(set.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: revisionHash(data, collisionCount) };
  const update = ensureRevision(set, data, revisionHash(data, collisionCount), labels, revisions, ctx);
  if (!update) return;
  const all = ownedRevisions(set, ctx);
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  const revs: Revisions = { current, update };
  if (!set.metadata.deletionTimestamp) {
    adoptOrphans(set, ctx);
    updateStatefulSet(set, revs, ctx);
  }
  syncStatefulSetStatus(set, revs, ctx);
  const live = new Set([current.metadata.name!, update.metadata.name!, ...ownedPods(set, ctx).map((p) => p.metadata.labels?.[POD_REVISION_LABEL] ?? '')]);
  truncateHistory(set, ownedRevisions(set, ctx), live, ctx);
}

/** Pods controlled by the set. */
export function ownedPods(set: KubeObject, ctx: ControllerContext): KubeObject[] {
  return ctx.store.list('pods', set.metadata.namespace).filter((p) => isControlledBy(p, set.metadata.uid));
}

function adoptOrphans(set: KubeObject, ctx: ControllerContext): void {
  const selector = fromLabelSelector(set.spec?.selector);
  for (const pod of ctx.store.list('pods', set.metadata.namespace)) {
    if (controllerOf(pod) || pod.metadata.deletionTimestamp || ordinalOf(set, pod) < 0 || !labelsMatch(selector, pod.metadata.labels)) continue;
    const copy = structuredClone(pod) as KubeObject;
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), controllerRef(set)];
    ctx.client.update('pods', set.metadata.namespace, copy);
  }
}

const isTerminating = (p: KubeObject) => !!p.metadata.deletionTimestamp;
const isRunningAndReady = (p: KubeObject) => p.status?.phase === 'Running' && isPodReady(p);
const isTerminal = (p: KubeObject) => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';

/**
 * updateStatefulSet: make each ordinal in range exist and be healthy, then remove the
 * condemned highest-first, then roll pods whose revision is stale. In OrderedReady mode
 * every step stops at the first pod that is not yet Running, Ready and Available.
 */
function updateStatefulSet(set: KubeObject, revs: Revisions, ctx: ControllerContext): void {
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const minReady = set.spec?.minReadySeconds ?? 0;
  const now = ctx.clock.now();
  const isAvailable = (p: KubeObject) => isRunningAndReady(p) && isPodAvailable(p, minReady, now);
  const pods = ownedPods(set, ctx);
  const start = startOrdinal(set);
  const replicas = set.spec?.replicas ?? 1;
  const slots: (KubeObject | undefined)[] = Array.from({ length: replicas }, (_, i) => pods.find((p) => ordinalOf(set, p) === start + i));
  const condemned = pods.filter((p) => !inRange(set, ordinalOf(set, p))).sort((a, b) => ordinalOf(set, a) - ordinalOf(set, b));
  const firstUnhealthy = [...slots, ...condemned].find((p) => p && (!isRunningAndReady(p) || isTerminating(p)));

  for (let i = 0; i < replicas; i++) {
    const ordinal = start + i;
    let pod = slots[i];
    if (pod && isTerminal(pod) && !isTerminating(pod)) {
      const reason = pod.status.phase === 'Failed' ? 'RecreatingFailedPod' : 'RecreatingTerminatedPod';
      const what = pod.status.phase === 'Failed' ? 'failed' : 'terminated';
      ctx.event(set, 'Warning', reason, `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating ${what} Pod ${pod.metadata.name}`);
      deletePod(set, pod, ctx);
      pod = ctx.store.get('pods', set.metadata.namespace, pod.metadata.name!);
    }
    if (!pod) {
      slots[i] = createPod(set, revs, ordinal, ctx);
      if (monotonic) return;
      continue;
    }
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (!isRunningAndReady(pod) && monotonic) return;
    if (!isAvailable(pod) && monotonic) {
      ctx.requeueAfter(keyOf(set), minReady * 1000);
      return;
    }
    // Claims deleted from under a live pod are recreated (storage consistency).
    ensureClaims(set, pod.metadata.name!, ordinal, ctx);
  }

  for (let t = condemned.length - 1; t >= 0; t--) {
    const pod = condemned[t]!;
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (monotonic && pod !== firstUnhealthy && !isAvailable(pod)) return;
    handOverClaims(set, pod, ordinalOf(set, pod), ctx);
    deletePod(set, pod, ctx);
    if (monotonic) return;
  }

  if (set.spec?.updateStrategy?.type === 'OnDelete') return;
  rollingUpdate(set, revs, slots, isAvailable, ctx);
}

/** Replaces stale pods from the highest ordinal down to the partition, one at a time. */
function rollingUpdate(set: KubeObject, revs: Revisions, slots: readonly (KubeObject | undefined)[], isAvailable: (p: KubeObject) => boolean, ctx: ControllerContext): void {
  const start = startOrdinal(set);
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let i = slots.length - 1; i >= 0 && start + i >= partition; i--) {
    const pod = slots[i];
    if (!pod) return;
    if (pod.metadata.labels?.[POD_REVISION_LABEL] !== revs.update.metadata.name && !isTerminating(pod)) {
      deletePod(set, pod, ctx);
      return;
    }
    if (isTerminating(pod) || !isAvailable(pod)) return;
  }
}

/**
 * Ordinals below the partition keep the current revision under RollingUpdate; everything
 * else is made from the update revision.
 */
function createPod(set: KubeObject, revs: Revisions, ordinal: number, ctx: ControllerContext): KubeObject | undefined {
  const strategy = set.spec?.updateStrategy;
  const useCurrent = strategy?.type !== 'OnDelete' && ordinal < (strategy?.rollingUpdate?.partition ?? 0);
  const revision = useCurrent ? revs.current : revs.update;
  const pod = newStatefulPod(set, templateOf(revision), revision.metadata.name!, ordinal);
  const podName = pod.metadata.name!;
  if (!ensureClaims(set, podName, ordinal, ctx)) return undefined;
  const r = ctx.client.create('pods', set.metadata.namespace, pod);
  if (!r.ok) {
    ctx.event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${r.error.message}`);
    return undefined;
  }
  ctx.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${set.metadata.name} successful`);
  return r.value.object;
}

function deletePod(set: KubeObject, pod: KubeObject, ctx: ControllerContext): void {
  const r = ctx.client.delete('pods', set.metadata.namespace, pod.metadata.name!);
  if (r.ok) ctx.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  else ctx.event(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${r.error.message}`);
}
