/**
 * The scheduler framework's vocabulary (pkg/scheduler/framework/interface.go): statuses
 * that tell "does not fit, for this reason" apart from an internal error, and the plugin
 * shapes a profile is built from.
 */
import type { KubeObject } from '../api/types.js';
import type { StoreReader } from '../api/store.js';
import type { NodeInfo } from './node-info.js';

/**
 * framework.Code. Unschedulable: preemption might help. UnschedulableAndUnresolvable:
 * it cannot (a taint, a selector). Error: a bug or a missing object, not a verdict.
 */
export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error';

/** A plugin's verdict. `reasons` are what FailedScheduling prints for the node. */
export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  /** The plugin that produced it (set by the framework). */
  readonly plugin?: string;
}

/** The success status; plugins return it when a pod fits. */
export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: [] });

/** A "does not fit, preemption may help" status. */
export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

/** A "does not fit, and evicting pods will not change that" status. */
export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/** An internal error (the reason is the error text). */
export function internalError(message: string): Status {
  return { code: 'Error', reasons: [message] };
}

export function isSuccess(s: Status): boolean {
  return s.code === 'Success';
}

/** The highest score a plugin may give a node (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/**
 * What one scheduling attempt shares between plugins (framework.CycleState): the pod's
 * pre-computed state per plugin, and read access to the cluster's other objects.
 */
export interface CycleState {
  /** The store, for PVCs, PVs, StorageClasses, Services, ReplicaSets. */
  readonly store: StoreReader;
  /** Every node's info in this attempt, in name order. */
  readonly nodes: readonly NodeInfo[];
  /** Per-plugin data written by PreFilter/PreScore and read by Filter/Score. */
  readonly data: Map<string, unknown>;
}

/** A plugin that checks a pod before looking at nodes (PreFilter), e.g. missing PVCs. */
export interface PreFilterPlugin {
  readonly name: string;
  preFilter(pod: KubeObject, state: CycleState): Status;
}

/** A plugin that decides whether a pod fits one node. Pure: no writes. */
export interface FilterPlugin {
  readonly name: string;
  filter(pod: KubeObject, node: NodeInfo, state: CycleState): Status;
}

/** A plugin that ranks feasible nodes; `normalize` maps raw scores to 0..100. */
export interface ScorePlugin {
  readonly name: string;
  /** Runs once before scoring; returning false skips this plugin (framework.Skip). */
  preScore?(pod: KubeObject, nodes: readonly NodeInfo[], state: CycleState): boolean;
  score(pod: KubeObject, node: NodeInfo, state: CycleState): number;
  normalize?(scores: number[], nodes: readonly NodeInfo[], state: CycleState): void;
}

/** The pod's priority (spec.priority, set by the Priority admission plugin). */
export function podPriority(pod: KubeObject): number {
  return typeof pod.spec?.priority === 'number' ? pod.spec.priority : 0;
}

/** `namespace/name` of a pod. */
export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

/**
 * helper.DefaultNormalizeScore: scales scores so the highest becomes 100; `reverse` turns
 * "more is worse" counts into scores. All zero stays zero (or all 100 when reversed).
 */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  const maxCount = Math.max(0, ...scores);
  if (maxCount === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((MAX_NODE_SCORE * scores[i]!) / maxCount);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
