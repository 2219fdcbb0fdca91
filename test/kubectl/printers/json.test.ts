import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { printJson, toJson } from '../../../src/kubectl/printers/json.js';
import { hasKubectl, kubectl, manifestFile } from './real-kubectl.js';

describe('toJson', () => {
  it('indents by four spaces, sorts keys and keeps empty collections inline', () => {
    expect(toJson({ b: { y: 1, x: [] }, a: {} })).toBe('{\n    "a": {},\n    "b": {\n        "x": [],\n        "y": 1\n    }\n}\n');
  });

  it('escapes <, > and & as Go does', () => {
    expect(toJson({ e: 'a<b&c>' })).toBe('{\n    "e": "a\\u003cb\\u0026c\\u003e"\n}\n');
  });

  it('keeps insertion order when asked (typed objects print in struct order)', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1' }, { keepOrder: true })).toBe('{\n    "kind": "Pod",\n    "apiVersion": "v1"\n}\n');
  });
});

describe('printJson', () => {
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', managedFields: [] }, data: { k: 'v' } };

  it('drops managedFields', () => {
    expect(printJson(cm)).toBe('{\n    "apiVersion": "v1",\n    "data": {\n        "k": "v"\n    },\n    "kind": "ConfigMap",\n    "metadata": {\n        "name": "c"\n    }\n}\n');
  });

  it('wraps an array in a List with an empty resourceVersion', () => {
    expect(printJson([])).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });
});

describe.skipIf(!hasKubectl)('against the real kubectl', () => {
  it('matches label --local -o json (unstructured, sorted keys)', () => {
    const file = manifestFile('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "1", amp: "a<b&c>", n: "é"}\n');
    const out = kubectl(['label', '-f', file, '--local', 'foo=bar', '-o', 'json']);
    expect(toJson(JSON.parse(out))).toBe(out);
  });

  it('matches create --dry-run=client -o json (typed, struct order)', () => {
    const out = kubectl(['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'json']);
    expect(toJson(JSON.parse(out), { keepOrder: true })).toBe(out);
  });
});
