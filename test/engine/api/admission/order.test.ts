import { describe, expect, it } from 'vitest';
import { mutatingPlugins, validatingPlugins } from '../../../../src/engine/api/admission/index.js';

describe('plugin order', () => {
  it('follows kube-apiserver AllOrderedPlugins', () => {
    expect(mutatingPlugins.map((p) => p.name)).toEqual([
      'NamespaceLifecycle',
      'LimitRanger',
      'ServiceAccount',
      'TaintNodesByCondition',
      'Priority',
      'DefaultTolerationSeconds',
      'DefaultStorageClass',
      'StorageObjectInUseProtection',
    ]);
    expect(validatingPlugins.map((p) => p.name)).toEqual(['LimitRanger', 'ServiceAccount', 'ResourceQuota']);
  });

  it('puts only plugins with the matching hook in each list', () => {
    expect(mutatingPlugins.every((p) => typeof p.mutate === 'function')).toBe(true);
    expect(validatingPlugins.every((p) => typeof p.validate === 'function')).toBe(true);
  });
});
