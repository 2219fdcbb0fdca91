/**
 * DaemonSet rolling update (pkg/controller/daemon/update.go rollingUpdate): without surge,
 * old pods are deleted while no more than maxUnavailable nodes lack an available pod;
 * with surge, a new pod starts beside the old one, which goes once the new one is available.
 */
import type { KubeObject } from '../../api/types.js';
import { isPodAvailable } from '../pods.js';
import type { ControllerContext } from '../types.js';
import { POD_REVISION_LABEL } from '../statefulset/history.js';
import { nodeShouldRunDaemonPod } from './placement.js';

/** Resolves an int-or-percent against a total, rounding up (as the daemon controller does). */
function scaled(value: number | string | undefined, total: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(value) || 0;
}

/** The number of nodes that should run a daemon pod. */
export function desiredNodes(ds: KubeObject, ctx: ControllerContext): string[] {
  return ctx.store
    .list('nodes')
    .filter((n) => nodeShouldRunDaemonPod(ds, n).shouldRun)
    .map((n) => n.metadata.name!);
}

/** updatedDesiredNodeCounts: maxSurge and maxUnavailable resolved; both 0 makes unavailable 1. */
export function surgeAndUnavailable(ds: KubeObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = scaled(ru.maxSurge, desired, 0);
  let maxUnavailable = scaled(ru.maxUnavailable, desired, 1);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** The pods to delete and the nodes to start a new pod on in this step of the rollout. */
export function rollingUpdate(ds: KubeObject, hash: string, byNode: ReadonlyMap<string, readonly KubeObject[]>, ctx: ControllerContext): { toDelete: KubeObject[]; toCreate: string[] } {
  const now = ctx.clock.now();
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: KubeObject) => isPodAvailable(p, minReady, now);
  const nodes = desiredNodes(ds, ctx).sort();
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(ds, nodes.length);
  const split = (node: string) => {
    const pods = (byNode.get(node) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    return { pods, newPod: pods.find((p) => p.metadata.labels?.[POD_REVISION_LABEL] === hash), oldPod: pods.find((p) => p.metadata.labels?.[POD_REVISION_LABEL] !== hash) };
  };

  if (maxSurge === 0) {
    let unavailable = 0;
    const replaceNow: KubeObject[] = [];
    const candidates: KubeObject[] = [];
    for (const node of nodes) {
      const { pods, newPod, oldPod } = split(node);
      if (pods.length > 2 || (!newPod && !oldPod) || (newPod && oldPod)) unavailable++;
      else if (newPod) {
        if (!available(newPod)) unavailable++;
      } else if (!available(oldPod!)) replaceNow.push(oldPod!);
      else if (unavailable < maxUnavailable) candidates.push(oldPod!);
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
    return { toDelete: [...replaceNow, ...candidates.slice(0, remaining)], toCreate: [] };
  }

  let surging = 0;
  const toDelete: KubeObject[] = [];
  const allowedNew: string[] = [];
  const candidateNew: string[] = [];
  for (const node of nodes) {
    const { newPod, oldPod } = split(node);
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) allowedNew.push(node);
      else candidateNew.push(node);
      continue;
    }
    surging++;
    if (available(newPod)) toDelete.push(oldPod);
  }
  const remaining = Math.min(Math.max(0, maxSurge - surging), candidateNew.length);
  return { toDelete, toCreate: [...allowedNew, ...candidateNew.slice(0, remaining)] };
}
