/**
 * NodeResourcesBalancedAllocation: prefers the node where cpu and memory would be used in
 * the most even proportion after placing the pod: (1 - standard deviation) × 100.
 */
import { MAX_NODE_SCORE, type ScorePlugin } from '../types.js';
import { requestsOf } from './node-resources-fit.js';

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  score(pod, node, state) {
    const req = requestsOf(pod, state);
    const fractions: number[] = [];
    const pairs: [number, number][] = [
      [node.requested.milliCPU + req.milliCPU, node.allocatable.milliCPU],
      [node.requested.memory + req.memory, node.allocatable.memory],
    ];
    for (const [requested, allocatable] of pairs) {
      if (allocatable === 0) continue;
      fractions.push(Math.min(1, requested / allocatable));
    }
    let std = 0;
    if (fractions.length === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
};
