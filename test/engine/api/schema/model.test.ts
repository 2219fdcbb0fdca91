import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../../../src/engine/api/discovery.js';
import { definition, definitionForKind, propertyAt } from '../../../../src/engine/api/schema/model.js';

describe('schema model', () => {
  it.each(RESOURCE_TYPES.map((t) => [t.kind, t.group, t.version] as const))('has the v1.30 definition of %s', (kind, group, version) => {
    expect(definitionForKind(kind)?.gvk).toEqual([group, version, kind]);
  });

  it.each([
    ['spec.containers', { pk: 'name', ps: 'merge' }],
    ['spec.volumes', { pk: 'name', ps: 'merge,retainKeys' }],
    ['spec.containers.ports', { pk: 'containerPort', ps: 'merge', lk: ['containerPort', 'protocol'] }],
    ['spec.containers.env', { pk: 'name', ps: 'merge' }],
    ['spec.containers.volumeMounts', { pk: 'mountPath', ps: 'merge' }],
    ['metadata.finalizers', { ps: 'merge' }],
  ])('carries the strategic merge metadata of Pod %s', (path, meta) => {
    expect(propertyAt(definitionForKind('Pod')!, path.split('.'))).toMatchObject(meta);
  });

  it('knows required fields, enums and scalar types', () => {
    const container = definition('io.k8s.api.core.v1.Container')!;
    expect(container.r).toEqual(['name']);
    expect(container.p?.imagePullPolicy.e).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(definition('io.k8s.apimachinery.pkg.util.intstr.IntOrString')?.s).toBe('int-or-string');
    expect(definition('io.k8s.apimachinery.pkg.api.resource.Quantity')?.s).toBe('quantity');
  });

  it('keeps v1.30 enum sets where newer releases grew them', () => {
    expect(definition('io.k8s.api.core.v1.Toleration')?.p?.operator.e).toEqual(['Equal', 'Exists']);
  });
});
