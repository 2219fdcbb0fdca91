/**
 * NodeResourcesFit: a pod fits when its requests fit in what the node's allocatable
 * leaves after the requests of the pods already there, and the node has a pod slot left.
 * Its score (LeastAllocated) prefers the emptiest node.
 */
import type { KubeObject } from '../../api/types.js';
import type { NodeInfo } from '../node-info.js';
import { podRequests, type Resources } from '../resources.js';
import { MAX_NODE_SCORE, SUCCESS, unschedulable, type CycleState, type FilterPlugin, type ScorePlugin } from '../types.js';

/** The pod's requests, computed once per attempt. */
export function requestsOf(pod: KubeObject, state: CycleState, nonZero = false): Resources {
  const key = nonZero ? 'NodeResourcesFit/nonZero' : 'NodeResourcesFit/requests';
  let r = state.data.get(key) as Resources | undefined;
  if (!r) {
    r = podRequests(pod, nonZero);
    state.data.set(key, r);
  }
  return r;
}

/**
 * The reasons a pod does not fit on a node, in fitsRequest's order: pods, cpu, memory,
 * ephemeral-storage, then extended resources by name.
 */
export function insufficientResources(req: Resources, node: NodeInfo): string[] {
  const reasons: string[] = [];
  if (node.pods.size + 1 > node.allowedPodNumber) reasons.push('Too many pods');
  const alloc = node.allocatable;
  const used = node.requested;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) reasons.push('Insufficient cpu');
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) reasons.push('Insufficient memory');
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) reasons.push('Insufficient ephemeral-storage');
  for (const name of Object.keys(req.scalar).sort()) {
    const want = req.scalar[name]!;
    if (want > 0 && want > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, node, state) {
    const reasons = insufficientResources(requestsOf(pod, state), node);
    return reasons.length === 0 ? SUCCESS : unschedulable(...reasons);
  },
};

/** leastRequestedScore: the free share of a resource after placing the pod, 0..100. */
function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated over cpu and memory, weight 1 each, using the non-zero requests. */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  score(pod, node, state) {
    const req = requestsOf(pod, state, true);
    let total = 0;
    let weights = 0;
    const pairs: [number, number][] = [
      [node.nonZeroRequested.milliCPU + req.milliCPU, node.allocatable.milliCPU],
      [node.nonZeroRequested.memory + req.memory, node.allocatable.memory],
    ];
    for (const [requested, capacity] of pairs) {
      if (capacity === 0) continue;
      total += leastRequested(requested, capacity);
      weights++;
    }
    return weights === 0 ? 0 : Math.trunc(total / weights);
  },
};
