import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { naturalCompare, naturalLess, sortObjects } from '../../../src/kubectl/printers/sort-by.js';

const sign = (n: number) => Math.sign(n);

describe('naturalCompare (sortorder.NaturalLess)', () => {
  it.each([
    ['pod-2', 'pod-10', -1],
    ['pod-10', 'pod-2', 1],
    ['pod-2', 'pod-2', 0],
    ['a1', 'ab', -1], // digits sort before other characters
    ['007', '7', 1], // equal numbers: the one with more leading zeros is later
    ['2024-07-01T09:59:59Z', '2024-07-01T10:00:00Z', -1],
    ['web', 'web-1', -1],
  ])('%s vs %s is %i, and naturalLess agrees', (a, b, expected) => {
    expect(sign(naturalCompare(a, b))).toBe(expected);
    expect(naturalLess(a, b)).toBe(expected < 0);
    expect(sign(naturalCompare(b, a))).toBe(-expected || 0);
  });
});

describe('sortObjects', () => {
  const obj = (name: string, value: unknown): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: value === undefined ? {} : { v: value } }) as KubeObject;
  const names = (objects: readonly KubeObject[], sortBy: string) => {
    const r = sortObjects(objects, sortBy);
    return r.ok ? r.objects.map((o) => o.metadata.name) : r.error;
  };

  it('compares quantities by value, parsing each once', () => {
    expect(names([obj('a', '1Gi'), obj('b', '500Mi'), obj('c', '2')], '.data.v')).toEqual(['c', 'b', 'a']);
  });

  it('puts objects without the field first and keeps equal keys in list order', () => {
    expect(names([obj('a', 'x2'), obj('b', undefined), obj('c', 'x10'), obj('d', 'x2')], '.data.v')).toEqual(['b', 'a', 'd', 'c']);
  });

  // Plain field paths are read directly; anything else goes through the JSONPath evaluator.
  // Both must find the same values.
  const pod = (name: string, image: string, extra: Record<string, unknown> = {}): KubeObject =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image }], ...extra } }) as KubeObject;
  it.each([
    ['a field path', '{.spec.priority}', ['b', 'c', 'a']],
    ['an index into a list', '{.spec.containers[0].image}', ['b', 'c', 'a']],
    ['a field of a list, which finds nothing', '.spec.containers.image', 'couldn\'t find any field with path "{.spec.containers.image}" in the list of objects'],
    ['a null value, which counts as found', '.spec.nodeName', ['a', 'c', 'b']],
  ])('sorts by %s', (_, sortBy, expected) => {
    const objects = [
      pod('a', 'z:1', { priority: 30 }),
      pod('b', 'x:1', { priority: 10, nodeName: null }),
      pod('c', 'y:1', { priority: 20 }),
    ];
    expect(names(objects, sortBy)).toEqual(expected);
  });

  it('says when no object has the field', () => {
    expect(names([obj('a', undefined)], '.data.v')).toBe('couldn\'t find any field with path "{.data.v}" in the list of objects');
  });
});
