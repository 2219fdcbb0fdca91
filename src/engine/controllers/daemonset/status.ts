/**
 * DaemonSet status (daemon_controller.go updateDaemonSetStatus): counts over the nodes
 * that should run a pod and the ones that run one but should not.
 */
import type { KubeObject } from '../../api/types.js';
import { isPodAvailable, isPodReady } from '../pods.js';
import { keyOf, type ControllerContext } from '../types.js';
import { POD_REVISION_LABEL } from '../statefulset/history.js';
import { podsByNode } from './index.js';
import { nodeShouldRunDaemonPod } from './placement.js';

/** Computes and writes the status when it changed. */
export function syncDaemonSetStatus(ds: KubeObject, hash: string, ctx: ControllerContext): void {
  const current = ctx.store.get('daemonsets', ds.metadata.namespace, ds.metadata.name!);
  if (!current) return;
  const byNode = podsByNode(current, ctx);
  const now = ctx.clock.now();
  const minReady = current.spec?.minReadySeconds ?? 0;
  let desired = 0;
  let scheduled = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const node of ctx.store.list('nodes')) {
    const { shouldRun } = nodeShouldRunDaemonPod(current, node);
    const pods = (byNode.get(node.metadata.name!) ?? []).filter((p) => !(p.metadata.deletionTimestamp && (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded')));
    if (!shouldRun) {
      if (pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    if (pods.length === 0) continue;
    scheduled++;
    const pod = pods[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
      else ctx.requeueAfter(keyOf(current), minReady * 1000);
    }
    if (pod.metadata.labels?.[POD_REVISION_LABEL] === hash) updated++;
  }
  const status: Record<string, unknown> = {
    currentNumberScheduled: scheduled,
    desiredNumberScheduled: desired,
    ...(available > 0 ? { numberAvailable: available } : {}),
    numberMisscheduled: misscheduled,
    numberReady: ready,
    ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
    observedGeneration: current.metadata.generation,
    ...(updated > 0 ? { updatedNumberScheduled: updated } : {}),
    ...(current.status?.collisionCount ? { collisionCount: current.status.collisionCount } : {}),
  };
  if (JSON.stringify(status) === JSON.stringify(current.status)) return;
  ctx.client.updateStatus('daemonsets', current.metadata.namespace, { ...current, status });
}
