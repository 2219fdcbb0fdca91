import { describe, expect, it } from 'vitest';
import { defaultStorageClassPlugin, storageObjectInUseProtection, taintNodesByCondition } from '../../../../src/engine/api/admission/index.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { request } from './fixtures.js';

const sc = (name: string, isDefault: boolean, created = '2024-07-01T09:00:00Z'): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  provisioner: 'rancher.io/local-path',
});
const pvc = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});
const classOf = (claim: KubeObject, classes: KubeObject[]) => {
  const result = defaultStorageClassPlugin.mutate!(request('persistentvolumeclaims', claim, classes));
  return result.ok ? result.value.spec.storageClassName : result.error.message;
};

describe('DefaultStorageClass', () => {
  it('gives a classless PVC the default class', () => {
    expect(classOf(pvc(), [sc('fast', false), sc('standard', true)])).toBe('standard');
  });

  it('keeps an explicit class, including "" for no class', () => {
    expect(classOf(pvc({ storageClassName: 'fast' }), [sc('standard', true)])).toBe('fast');
    expect(classOf(pvc({ storageClassName: '' }), [sc('standard', true)])).toBe('');
  });

  it('leaves the class unset when no class is the default', () => {
    expect(classOf(pvc(), [sc('fast', false)])).toBeUndefined();
  });

  it('prefers the newest of several defaults', () => {
    expect(classOf(pvc(), [sc('old', true, '2024-07-01T08:00:00Z'), sc('new', true, '2024-07-01T09:00:00Z')])).toBe('new');
  });
});

describe('StorageObjectInUseProtection', () => {
  it.each([
    ['persistentvolumeclaims', pvc(), 'kubernetes.io/pvc-protection'],
    ['persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: {} }, 'kubernetes.io/pv-protection'],
  ])('adds the finalizer to new %s', (resource, obj, finalizer) => {
    const result = storageObjectInUseProtection.mutate!(request(resource, obj as KubeObject, []));
    expect(result.ok && result.value.metadata.finalizers).toEqual([finalizer]);
  });
});

describe('TaintNodesByCondition', () => {
  it('registers new nodes as not-ready for scheduling', () => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: {} };
    const result = taintNodesByCondition.mutate!(request('nodes', node, []));
    expect(result.ok && result.value.spec.taints).toEqual([{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]);
  });
});
