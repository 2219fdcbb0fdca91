import { describe, expect, it } from 'vitest';
import { defaultTolerationSeconds, priority } from '../../../../src/engine/api/admission/index.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { pod, request } from './fixtures.js';

const NOT_READY = { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 };
const UNREACHABLE = { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 };

const mutated = (plugin: typeof priority, obj: KubeObject, objects: KubeObject[] = []) => plugin.mutate!(request('pods', obj, objects));

describe('DefaultTolerationSeconds', () => {
  it.each([
    ['no tolerations', undefined, [NOT_READY, UNREACHABLE]],
    ['its own not-ready toleration', [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }], [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }, UNREACHABLE]],
    ['a tolerate-everything toleration', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    ['an unrelated NoSchedule toleration', [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }], [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }, NOT_READY, UNREACHABLE]],
  ])('a pod with %s', (_name, tolerations, expected) => {
    const result = mutated(defaultTolerationSeconds, pod('web', undefined, 'default', tolerations ? { tolerations } : {}));
    expect(result.ok && result.value.spec.tolerations).toEqual(expected);
  });
});

describe('Priority', () => {
  it('gives a pod without a class priority 0 and the default preemption policy', () => {
    const result = mutated(priority, pod('web'));
    expect(result.ok && [result.value.spec.priority, result.value.spec.preemptionPolicy, result.value.spec.priorityClassName]).toEqual([0, 'PreemptLowerPriority', undefined]);
  });

  it('uses the globalDefault PriorityClass', () => {
    const pc = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'normal' }, value: 1000, globalDefault: true };
    const result = mutated(priority, pod('web'), [pc]);
    expect(result.ok && [result.value.spec.priorityClassName, result.value.spec.priority]).toEqual(['normal', 1000]);
  });

  it('knows the built-in system classes', () => {
    const result = mutated(priority, pod('dns', undefined, 'kube-system', { priorityClassName: 'system-cluster-critical' }));
    expect(result.ok && result.value.spec.priority).toBe(2000000000);
  });

  it.each([
    [{ priorityClassName: 'gold' }, 'pods "web" is forbidden: no PriorityClass with name gold was found'],
    [{ priority: 5 }, 'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name'],
  ])('refuses %o', (spec, message) => {
    const result = mutated(priority, pod('web', undefined, 'default', spec));
    expect(result.ok ? undefined : result.error.message).toBe(message);
  });
});
