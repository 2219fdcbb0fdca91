/**
 * StatefulSet status (stateful_set_control.go computeReplicaStatus and
 * completeRollingUpdate): counts by readiness and revision, and the current revision
 * catching up with the update revision once a rolling update has finished.
 */
import type { KubeObject } from '../../api/types.js';
import { isPodAvailable, isPodReady } from '../pods.js';
import { keyOf, type ControllerContext } from '../types.js';
import { POD_REVISION_LABEL } from './history.js';
import type { Revisions } from './index.js';

/** Computes and writes the set's status when it changed. */
export function syncStatefulSetStatus(set: KubeObject, revs: Revisions, ctx: ControllerContext): void {
  const current = ctx.store.get('statefulsets', set.metadata.namespace, set.metadata.name!);
  if (!current) return;
  const minReady = current.spec?.minReadySeconds ?? 0;
  const now = ctx.clock.now();
  const pods = ctx.store.list('pods', current.metadata.namespace).filter((p) => (p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === current.metadata.uid));
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let currentReplicas = 0;
  let updated = 0;
  let pendingAvailability = false;
  for (const pod of pods) {
    replicas++;
    if (pod.status?.phase === 'Running' && isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
      else pendingAvailability = true;
    }
    if (pod.metadata.deletionTimestamp) continue;
    const revision = pod.metadata.labels?.[POD_REVISION_LABEL];
    if (revision === revs.current.metadata.name) currentReplicas++;
    if (revision === revs.update.metadata.name) updated++;
  }
  if (pendingAvailability) ctx.requeueAfter(keyOf(current), minReady * 1000);
  let currentRevision = revs.current.metadata.name!;
  // completeRollingUpdate: every pod updated and ready makes the update revision current.
  if (current.spec?.updateStrategy?.type !== 'OnDelete' && updated === replicas && ready === replicas) {
    currentRevision = revs.update.metadata.name!;
    currentReplicas = updated;
  }
  const status: Record<string, unknown> = {
    observedGeneration: current.metadata.generation,
    replicas,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    ...(currentReplicas > 0 ? { currentReplicas } : {}),
    ...(updated > 0 ? { updatedReplicas: updated } : {}),
    currentRevision,
    updateRevision: revs.update.metadata.name,
    collisionCount: current.status?.collisionCount ?? 0,
    availableReplicas: available,
  };
  if (JSON.stringify(status) === JSON.stringify(current.status)) return;
  ctx.client.updateStatus('statefulsets', current.metadata.namespace, { ...current, status });
}
