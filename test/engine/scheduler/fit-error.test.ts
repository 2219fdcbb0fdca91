import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from '../../../src/engine/scheduler/fit-error.js';
import { unresolvable, unschedulable } from '../../../src/engine/scheduler/types.js';

describe('fitErrorMessage', () => {
  it('sorts the histogram as strings and appends the preemption message', () => {
    const statuses = [unresolvable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'), unschedulable('Insufficient cpu'), unschedulable('Insufficient cpu')];
    const preemption = 'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(fitErrorMessage(3, statuses, undefined, preemption)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('counts every reason of a node that has several', () => {
    expect(fitErrorMessage(2, [unschedulable('Insufficient cpu', 'Insufficient memory'), unschedulable('Insufficient memory')])).toBe('0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.');
  });

  it('uses the PreFilter message instead of the histogram', () => {
    const s = unresolvable('pod has unbound immediate PersistentVolumeClaims');
    expect(fitErrorMessage(2, [s, s], 'pod has unbound immediate PersistentVolumeClaims', 'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.')).toBe(
      '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('sorts counts as text, so 10 comes before 2', () => {
    const many = Array.from({ length: 10 }, () => unschedulable('Insufficient cpu'));
    expect(fitErrorMessage(12, [...many, unresolvable('node(s) were unschedulable'), unresolvable('node(s) were unschedulable')])).toBe('0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were unschedulable.');
  });
});
