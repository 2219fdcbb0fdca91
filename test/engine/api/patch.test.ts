import { describe, expect, it } from 'vitest';
import { applyPatch, threeWayMerge } from '../../../src/engine/api/patch.js';
import type { KubeObject } from '../../../src/engine/api/types.js';

const deployment = (containers: unknown[], extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers } }, ...extra },
});
const containersOf = (r: ReturnType<typeof applyPatch>) => (r.ok ? r.value.spec.template.spec.containers : r.error);

describe('strategic merge patch', () => {
  const live = deployment([
    { name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }] },
    { name: 'sidecar', image: 'busybox' },
  ]);

  it('merges containers by name and env by name, keeping what the patch does not mention', () => {
    const r = applyPatch(live, { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27', env: [{ name: 'B', value: '3' }, { name: 'C', value: '4' }] }] } } } }, 'strategic');
    expect(containersOf(r)).toEqual([
      { name: 'web', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }, { name: 'C', value: '4' }], ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
  });

  it('appends a container with a new name and deletes one with $patch: delete', () => {
    const r = applyPatch(live, { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }, { name: 'log', image: 'fluentd' }] } } } }, 'strategic');
    expect((containersOf(r) as { name: string }[]).map((c) => c.name)).toEqual(['web', 'log']);
  });

  it('replaces a whole list with $patch: replace and tolerates $setElementOrder', () => {
    const r = applyPatch(live, { spec: { template: { spec: { 'containers': [{ $patch: 'replace' }, { name: 'only', image: 'x' }], '$setElementOrder/containers': [{ name: 'only' }] } } } }, 'strategic');
    expect(containersOf(r)).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('replaces lists without a patch strategy (tolerations, args) and deletes fields set to null', () => {
    const r = applyPatch(deployment([{ name: 'web', image: 'x', args: ['a', 'b'] }], { minReadySeconds: 5 }), { spec: { minReadySeconds: null, template: { spec: { containers: [{ name: 'web', args: ['c'] }] } } } }, 'strategic');
    expect(r.ok && r.value.spec.minReadySeconds).toBeUndefined();
    expect(containersOf(r)).toEqual([{ name: 'web', image: 'x', args: ['c'] }]);
  });

  it('keeps only $retainKeys keys of the strategy (rolling update to Recreate)', () => {
    const d = deployment([], { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } });
    const r = applyPatch(d, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, 'strategic');
    expect(r.ok && r.value.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('merges ports by containerPort and volumeMounts by mountPath', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http' }], volumeMounts: [{ name: 'v', mountPath: '/data' }] }] } };
    const r = applyPatch(pod, { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'web' }, { containerPort: 443 }], volumeMounts: [{ mountPath: '/data', readOnly: true }] }] } }, 'strategic');
    expect(r.ok && r.value.spec.containers[0]).toEqual({ name: 'a', ports: [{ containerPort: 80, name: 'web' }, { containerPort: 443 }], volumeMounts: [{ name: 'v', mountPath: '/data', readOnly: true }] });
  });

  it('fails when a list item lacks the merge key, as apimachinery words it', () => {
    const r = applyPatch(live, { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, 'strategic');
    expect(r.ok ? undefined : r.error.message).toBe('map: map[image:x] does not contain declared merge key: name');
  });
});

describe('JSON merge patch', () => {
  it('replaces lists and deletes with null', () => {
    const r = applyPatch(deployment([{ name: 'a' }, { name: 'b' }]), { metadata: { labels: { app: null, tier: 'fe' } }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } }, 'merge');
    expect(r.ok && r.value.metadata.labels).toEqual({ tier: 'fe' });
    expect(containersOf(r)).toEqual([{ name: 'c' }]);
  });
});

describe('JSON patch', () => {
  const live = deployment([{ name: 'web', image: 'nginx:1.25' }]);

  it('applies add, replace, remove and test in order without touching the input', () => {
    const r = applyPatch(live, [
      { op: 'test', path: '/spec/replicas', value: 2 },
      { op: 'replace', path: '/spec/replicas', value: 5 },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'log', image: 'fluentd' } },
      { op: 'remove', path: '/metadata/labels/app' },
    ], 'json');
    expect(r.ok && [r.value.spec.replicas, r.value.spec.template.spec.containers.length, r.value.metadata.labels]).toEqual([5, 2, {}]);
    expect(live.spec.replicas).toBe(2);
  });

  it.each([
    ['removing a missing path', [{ op: 'remove', path: '/spec/paused' }]],
    ['replacing a missing path', [{ op: 'replace', path: '/spec/foo/bar', value: 1 }]],
    ['a failed test', [{ op: 'test', path: '/spec/replicas', value: 3 }]],
    ['an unknown op', [{ op: 'frobnicate', path: '/spec' }]],
  ])('answers %s with the bare 422 kubectl shows as "The request is invalid"', (_, ops) => {
    const r = applyPatch(live, ops, 'json');
    expect(r.ok ? undefined : r.error).toMatchObject({ reason: 'Invalid', code: 422, message: 'the server rejected our request due to an error in our request', details: {} });
  });
});

describe('threeWayMerge (kubectl apply)', () => {
  const lastApplied = deployment([{ name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }] }], { minReadySeconds: 5 });
  const live: KubeObject = { ...deployment([{ name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }], imagePullPolicy: 'IfNotPresent' }], { minReadySeconds: 5, progressDeadlineSeconds: 600 }), status: { replicas: 2 } };

  it('deletes a field removed from the manifest and keeps server-set fields', () => {
    const modified = deployment([{ name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }] }]);
    const patch = threeWayMerge(lastApplied, modified, live);
    expect(patch).toEqual({ spec: { minReadySeconds: null } });
    const r = applyPatch(live, patch, 'strategic');
    expect(r.ok && [r.value.spec.minReadySeconds, r.value.spec.progressDeadlineSeconds, r.value.spec.template.spec.containers[0].imagePullPolicy]).toEqual([undefined, 600, 'IfNotPresent']);
  });

  it('deletes a removed env var by merge key and sends changed fields', () => {
    const modified = deployment([{ name: 'web', image: 'nginx:1.27' }], { minReadySeconds: 5 });
    const patch = threeWayMerge(lastApplied, modified, live);
    expect(patch).toEqual({ spec: { template: { spec: { containers: [{ name: 'web', env: null, image: 'nginx:1.27' }] } } } });
    const r = applyPatch(live, patch, 'strategic');
    expect(containersOf(r)).toEqual([{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }]);
  });

  it('is empty when nothing changed (apply prints unchanged)', () => {
    expect(threeWayMerge(lastApplied, lastApplied, live)).toEqual({});
  });
});
