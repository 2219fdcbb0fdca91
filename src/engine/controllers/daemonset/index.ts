/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned to
 * it by node affinity and placed by the default scheduler; pods follow nodes as they come
 * and go, and a changed template rolls out node by node.
 */
import { fromLabelSelector, labelsMatch } from '../../api/selectors.js';
import type { KubeObject } from '../../api/types.js';
import { controllerRef, isControlledBy } from '../pods.js';
import { controllerOf, keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { ensureRevision, ownedRevisions, POD_REVISION_LABEL, revisionHash, templatePatch, truncateHistory } from '../statefulset/history.js';
import { nodeShouldRunDaemonPod, pinToNode, targetNode, withDaemonTolerations } from './placement.js';
import { rollingUpdate } from './rolling.js';
import { syncDaemonSetStatus } from './status.js';

export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
/** failedPodsBackoff: 1s doubling to 15 minutes, per DaemonSet and node. */
const FAILED_BACKOFF_MS = 1_000;
const FAILED_BACKOFF_MAX_MS = 15 * 60_000;

export function createDaemonSetController(): Controller {
  const failedBackoff = new Map<string, { delay: number; until: number }>();
  return {
    name: 'daemonset-controller',
    watches: ['daemonsets', 'pods', 'nodes'],
    initialKeys: (ctx) => ctx.store.list('daemonsets').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'daemonsets') return [keyOf(event.object)];
      if (event.resource === 'nodes') return ctx.store.list('daemonsets').map(keyOf);
      const owner = controllerOf(event.object) ?? (event.oldObject && controllerOf(event.oldObject));
      if (owner) return owner.kind === 'DaemonSet' ? [`${event.object.metadata.namespace}/${owner.name}`] : [];
      return ctx.store
        .list('daemonsets', event.object.metadata.namespace)
        .filter((ds) => labelsMatch(fromLabelSelector(ds.spec?.selector), event.object.metadata.labels))
        .map(keyOf);
    },
    sync: (key, ctx) => syncDaemonSet(key, ctx, failedBackoff),
  };
}

/**
 * The last grouping made, reused while neither the DaemonSet nor the namespace's pods
 * changed (the store's frozen pod list stays the same array until then): a sync groups
 * up to three times.
 */
let lastGrouping: { ds: KubeObject; pods: readonly KubeObject[]; byNode: ReadonlyMap<string, readonly KubeObject[]> } | undefined;

/** The DaemonSet's pods grouped by the node they are for (getNodesToDaemonPods), oldest first. */
export function podsByNode(ds: KubeObject, ctx: ControllerContext): ReadonlyMap<string, readonly KubeObject[]> {
  const all = ctx.store.list('pods', ds.metadata.namespace);
  if (lastGrouping && lastGrouping.ds === ds && lastGrouping.pods === all) return lastGrouping.byNode;
  const out = new Map<string, KubeObject[]>();
  const pods = all
    .filter((p) => isControlledBy(p, ds.metadata.uid))
    .map((p) => ({ p, at: Date.parse(p.metadata.creationTimestamp ?? '') || 0 }))
    .sort((a, b) => a.at - b.at || (a.p.metadata.name! < b.p.metadata.name! ? -1 : 1));
  for (const { p: pod } of pods) {
    const node = targetNode(pod);
    if (!node) continue;
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  lastGrouping = { ds, pods: all, byNode: out };
  return out;
}

function syncDaemonSet(key: string, ctx: ControllerContext, failedBackoff: Map<string, { delay: number; until: number }>): void {
  const { namespace, name } = splitKey(key);
  const ds = ctx.store.get('daemonsets', namespace, name);
  if (!ds) return;
  const template = ds.spec?.template ?? {};
  const hash = revisionHash(template, ds.status?.collisionCount ?? 0);
  const revision = ensureRevision(ds, templatePatch(template), hash, { ...(template.metadata?.labels ?? {}), [POD_REVISION_LABEL]: hash }, ownedRevisions(ds, ctx), ctx);
  if (!revision) return;
  if (!ds.metadata.deletionTimestamp) {
    adoptOrphans(ds, ctx);
    const changed = manage(ds, hash, ctx, failedBackoff);
    if (!changed && ds.spec?.updateStrategy?.type !== 'OnDelete') {
      const r = rollingUpdate(ds, hash, podsByNode(ds, ctx), ctx);
      syncNodes(ds, r.toDelete, r.toCreate, hash, ctx);
    }
  }
  syncDaemonSetStatus(ds, hash, ctx);
  const live = new Set<string>([revision.metadata.name!]);
  for (const pods of podsByNode(ds, ctx).values()) for (const p of pods) live.add(`${ds.metadata.name}-${p.metadata.labels?.[POD_REVISION_LABEL]}`);
  truncateHistory(ds, ownedRevisions(ds, ctx), live, ctx);
}

function adoptOrphans(ds: KubeObject, ctx: ControllerContext): void {
  const selector = fromLabelSelector(ds.spec?.selector);
  for (const pod of ctx.store.list('pods', ds.metadata.namespace)) {
    if (controllerOf(pod) || pod.metadata.deletionTimestamp || !labelsMatch(selector, pod.metadata.labels)) continue;
    const copy = structuredClone(pod) as KubeObject;
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), controllerRef(ds)];
    ctx.client.update('pods', ds.metadata.namespace, copy);
  }
}

/**
 * manage: for every node, podsShouldBeOnNode decides which pods to create and delete.
 * Returns whether anything was created or deleted.
 */
function manage(ds: KubeObject, hash: string, ctx: ControllerContext, failedBackoff: Map<string, { delay: number; until: number }>): boolean {
  const byNode = podsByNode(ds, ctx);
  const nodes = ctx.store.list('nodes');
  const toCreate: string[] = [];
  const toDelete: KubeObject[] = [];
  const now = ctx.clock.now();
  const surge = ds.spec?.updateStrategy?.type === 'RollingUpdate' && !!ds.spec?.updateStrategy?.rollingUpdate?.maxSurge && ds.spec.updateStrategy.rollingUpdate.maxSurge !== '0%';
  for (const node of nodes) {
    const nodeName = node.metadata.name!;
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node);
    const pods = byNode.get(nodeName) ?? [];
    if (shouldRun || (shouldContinueRunning && pods.length > 0)) {
      const running: KubeObject[] = [];
      for (const pod of pods) {
        if (pod.metadata.deletionTimestamp) continue;
        if (pod.status?.phase === 'Failed') {
          const backoffKey = `${nodeName}/${ds.metadata.uid}`;
          const b = failedBackoff.get(backoffKey);
          if (b && now < b.until) {
            ctx.requeueAfter(keyOf(ds), b.until - now);
            continue;
          }
          const delay = b ? Math.min(b.delay * 2, FAILED_BACKOFF_MAX_MS) : FAILED_BACKOFF_MS;
          failedBackoff.set(backoffKey, { delay, until: now + delay });
          ctx.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`);
          toDelete.push(pod);
          continue;
        }
        running.push(pod);
      }
      if (running.length === 0 && shouldRun) toCreate.push(nodeName);
      else if (running.length > 1) toDelete.push(...extraPods(running, hash, surge));
    } else {
      for (const pod of pods) if (!pod.metadata.deletionTimestamp) toDelete.push(pod);
    }
  }
  // Pods for nodes that no longer exist: unscheduled ones are this controller's to remove;
  // bound ones are orphans the pod garbage collector force-deletes.
  const names = new Set(nodes.map((n) => n.metadata.name));
  for (const [nodeName, pods] of byNode) {
    if (names.has(nodeName)) continue;
    for (const pod of pods) {
      if (!pod.spec?.nodeName) toDelete.push(pod);
      else ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
    }
  }
  syncNodes(ds, toDelete, toCreate, hash, ctx);
  return toCreate.length + toDelete.length > 0;
}

/**
 * Several live pods on one node: keep the oldest, or with surge the oldest updated pod and
 * the oldest old pod while the update settles.
 */
function extraPods(running: KubeObject[], hash: string, surge: boolean): KubeObject[] {
  if (!surge) return running.slice(1);
  const updated = running.filter((p) => p.metadata.labels?.[POD_REVISION_LABEL] === hash);
  const old = running.filter((p) => p.metadata.labels?.[POD_REVISION_LABEL] !== hash);
  return [...updated.slice(1), ...old.slice(1)];
}

/** syncNodes: delete, then create one pinned pod per node, recording each. */
export function syncNodes(ds: KubeObject, toDelete: readonly KubeObject[], toCreate: readonly string[], hash: string, ctx: ControllerContext): void {
  for (const pod of toDelete) {
    const r = ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name!);
    if (r.ok) ctx.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  }
  for (const nodeName of toCreate) {
    const r = ctx.client.create('pods', ds.metadata.namespace, daemonPod(ds, hash, nodeName));
    if (r.ok) ctx.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.object.metadata.name}`);
    else {
      ctx.event(ds, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`);
      ctx.requeueAfter(keyOf(ds), 10_000);
      return;
    }
  }
}

/** CreatePodTemplate + the node pin: the pod a DaemonSet runs on one node. */
function daemonPod(ds: KubeObject, hash: string, nodeName: string): KubeObject {
  const template = ds.spec?.template ?? {};
  const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? String(ds.metadata.generation ?? 1);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_REVISION_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: generation };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    spec: pinToNode(withDaemonTolerations(template.spec), nodeName),
  };
}
