/**
 * The rows of the Pods pane, computed from a cluster snapshot: the same READY, STATUS and
 * RESTARTS kubectl shows, and which rows are new or leaving.
 */
import type { KubeObject } from '../../engine/api/types.js';
import { podSummary } from '../../kubectl/printers/pod-status.js';
import { humanDuration } from '../../kubectl/printers/duration.js';

export interface PodRow {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
  readonly age: string;
  readonly node: string;
  /** Created within the last few seconds: shown marked for a moment. */
  readonly fresh: boolean;
}

/** How long a new pod stays marked. */
export const FRESH_MS = 3000;

/** Rows for the pods of a namespace (or all), in kubectl's order. */
export function podRows(pods: readonly KubeObject[], now: number): PodRow[] {
  return pods.map((p) => {
    const s = podSummary(p, now);
    const created = Date.parse(p.metadata.creationTimestamp ?? '') || 0;
    return {
      key: `${p.metadata.namespace}/${p.metadata.name}`,
      namespace: p.metadata.namespace ?? '',
      name: p.metadata.name!,
      ready: s.ready,
      status: s.status,
      restarts: s.restarts,
      age: humanDuration(now - created),
      node: p.spec?.nodeName ?? '<none>',
      fresh: now - created < FRESH_MS,
    };
  });
}
