import { describe, expect, it } from 'vitest';
import { limitRangeItemDefaults, limitRanger } from '../../../../src/engine/api/admission/index.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { limitRange, pod, request } from './fixtures.js';

const defaults = limitRange('dev', [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }]);

function admitted(p: KubeObject, objects: KubeObject[]): KubeObject {
  const result = limitRanger.mutate!(request('pods', p, objects));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('LimitRanger defaults', () => {
  it('fills in missing requests and limits and notes it in an annotation', () => {
    const out = admitted(pod('web', [{ name: 'nginx' }], 'dev'), [defaults]);
    expect(out.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    expect(out.metadata.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx' });
  });

  it('keeps what the container set and only adds the rest', () => {
    const out = admitted(pod('web', [{ name: 'nginx', resources: { limits: { cpu: '1' } } }], 'dev'), [defaults]);
    expect(out.spec.containers[0].resources).toEqual({ limits: { cpu: '1', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
    expect(out.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container nginx; memory limit for container nginx');
  });

  it('leaves pods alone in a namespace without LimitRanges', () => {
    const p = pod('web', [{ name: 'nginx' }], 'dev');
    expect(admitted(p, [])).toBe(p);
  });

  it('applies the LimitRange defaulting: default from max, defaultRequest from default or min', () => {
    expect(limitRangeItemDefaults({ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } })).toEqual({
      type: 'Container',
      max: { cpu: '2' },
      min: { memory: '64Mi' },
      default: { cpu: '2' },
      defaultRequest: { cpu: '2', memory: '64Mi' },
    });
  });
});

describe('LimitRanger validation', () => {
  const bounds = limitRange('dev', [{ type: 'Container', max: { cpu: '1', memory: '1Gi' }, min: { cpu: '100m' } }]);
  const check = (p: KubeObject, objects: KubeObject[] = [bounds]) => limitRanger.validate!(request('pods', p, objects))?.message;

  it.each([
    [{ limits: { cpu: '2', memory: '512Mi' }, requests: { cpu: '500m' } }, 'pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2'],
    [{ limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '50m' } }, 'pods "web" is forbidden: minimum cpu usage per Container is 100m, but request is 50m'],
    [{ limits: { memory: '512Mi' }, requests: { cpu: '500m' } }, 'pods "web" is forbidden: maximum cpu usage per Container is 1.  No limit is specified'],
    [
      { limits: { cpu: '2', memory: '2Gi' }, requests: { cpu: '500m' } },
      'pods "web" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    ],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1' } }, undefined],
  ])('%o → %s', (resources, message) => {
    expect(check(pod('web', [{ name: 'nginx', resources }], 'dev'))).toBe(message);
  });

  it('checks the limit to request ratio', () => {
    const ratio = limitRange('dev', [{ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }]);
    expect(check(pod('web', [{ name: 'nginx', resources: { limits: { cpu: '1' }, requests: { cpu: '250m' } } }], 'dev'), [ratio])).toBe(
      'pods "web" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000',
    );
  });

  it('checks Pod items against the sum of the containers', () => {
    const perPod = limitRange('dev', [{ type: 'Pod', max: { memory: '1Gi' } }]);
    const two = pod('web', [
      { name: 'a', resources: { limits: { memory: '768Mi' } } },
      { name: 'b', resources: { limits: { memory: '512Mi' } } },
    ], 'dev');
    expect(check(two, [perPod])).toBe('pods "web" is forbidden: maximum memory usage per Pod is 1Gi, but limit is 1280Mi');
  });

  it('bounds PVC storage requests', () => {
    const storage = limitRange('dev', [{ type: 'PersistentVolumeClaim', max: { storage: '5Gi' }, min: { storage: '1Gi' } }]);
    const pvc = (size: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'dev' }, spec: { resources: { requests: { storage: size } } } });
    expect(limitRanger.validate!(request('persistentvolumeclaims', pvc('10Gi'), [storage]))?.message).toBe(
      'persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 5Gi, but request is 10Gi',
    );
    expect(limitRanger.validate!(request('persistentvolumeclaims', pvc('500Mi'), [storage]))?.message).toBe(
      'persistentvolumeclaims "data" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi',
    );
    expect(limitRanger.validate!(request('persistentvolumeclaims', pvc('2Gi'), [storage]))).toBeUndefined();
  });

  it('names a generated pod by its generateName', () => {
    const p = pod('x', [{ name: 'nginx', resources: { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '1' } } }], 'dev');
    p.metadata = { generateName: 'web-5d8f7c9b6-', namespace: 'dev' };
    expect(check(p)).toBe('pods "web-5d8f7c9b6-" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
  });
});
