import { describe, expect, it } from 'vitest';
import { readManifests, parseValidate, namespaceForObject, type ManifestRead } from '../../src/kubectl/manifests.js';
import { resourceType } from '../../src/engine/api/discovery.js';
import type { KubectlEnv } from '../../src/kubectl/types.js';

/** An env whose disk is a map of paths (cwd /w). */
function envWith(files: Record<string, string>, stdin?: string): KubectlEnv {
  const abs = (p: string) => (p.startsWith('/') ? p : `/w/${p}`).replace(/\/\.\//g, '/').replace(/\/$/, '');
  return {
    client: () => {
      throw new Error('no API in these tests');
    },
    now: () => 0,
    advance: () => {},
    namespace: 'default',
    cwd: '/w',
    stdin,
    env: {},
    readFile: (p) => files[abs(p)],
    readDir: (p) => {
      const prefix = `${abs(p)}/`;
      const names = new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]!));
      return names.size === 0 ? undefined : [...names];
    },
  };
}

const summary = (r: ManifestRead) => ({
  items: r.items.map((i) => (i.ok ? `${i.source}: ${i.type.resource}/${i.object.metadata.name}` : `${i.source}: ${i.error}`)),
  fatal: r.fatal,
});

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

describe('readManifests', () => {
  it('splits multi-document YAML on --- lines', () => {
    const env = envWith({ '/w/app.yaml': `${POD('a')}---\n# comment\n${POD('b')}--- # trailing comment\n\n---\n` });
    expect(summary(readManifests(env, { filenames: ['app.yaml'] }))).toEqual({ items: ['app.yaml: pods/a', 'app.yaml: pods/b'], fatal: undefined });
  });

  it('reads JSON, and expands kind: List', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }] });
    expect(summary(readManifests(envWith({ '/w/l.json': list }), { filenames: ['l.json'] })).items).toEqual(['l.json: configmaps/c', 'l.json: deployments/d']);
  });

  it('reads -f - from stdin, named STDIN', () => {
    expect(summary(readManifests(envWith({}, POD('s')), { filenames: ['-'] })).items).toEqual(['STDIN: pods/s']);
  });

  it('reads a directory\'s .yaml/.yml/.json files in name order, recursing only with -R', () => {
    const files = { '/w/d/b.yaml': POD('b'), '/w/d/a.yml': POD('a'), '/w/d/notes.txt': 'x', '/w/d/sub/c.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c' } }) };
    expect(summary(readManifests(envWith(files), { filenames: ['d'] })).items).toEqual(['d/a.yml: pods/a', 'd/b.yaml: pods/b']);
    expect(summary(readManifests(envWith(files), { filenames: ['d'], recursive: true })).items).toEqual(['d/a.yml: pods/a', 'd/b.yaml: pods/b', 'd/sub/c.json: pods/c']);
  });

  it('stops at a missing path', () => {
    expect(readManifests(envWith({}), { filenames: ['nope.yaml'] }).fatal).toBe('the path "nope.yaml" does not exist');
  });

  // The real binary's texts for the same files (kubectl create -f FILE --dry-run=client).
  it.each([
    ['a dedented key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: y\n', 'yaml: line 4: did not find expected key'],
    ['an over-indented key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: x\n     image: y\n', 'yaml: line 8: mapping values are not allowed in this context'],
    ['a tab', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', 'yaml: line 4: found character that cannot start any token'],
    ['an open quote', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n', 'yaml: line 5: found unexpected end of stream'],
    ['a dedented nested key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    a: b\n   c: d\n', 'yaml: line 6: did not find expected key'],
    ['an open flow mapping', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n', "yaml: line 3: did not find expected ',' or '}'"],
    ['a list item after a mapping', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n- a\n', 'yaml: line 4: did not find expected key'],
  ])('words a YAML error like go-yaml: %s', (_name, text, expected) => {
    expect(readManifests(envWith({ '/w/bad.yaml': text }), { filenames: ['bad.yaml'] }).fatal).toBe(`error parsing bad.yaml: error converting YAML to JSON: ${expected}`);
  });

  it('counts lines within the document, after earlier documents were read', () => {
    const r = readManifests(envWith({ '/w/f.yaml': `${POD('x')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: y\n  labels: [a\n` }), { filenames: ['f.yaml'] });
    expect(summary(r)).toEqual({ items: ['f.yaml: pods/x'], fatal: "error parsing f.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or ']'" });
  });

  it.each([
    ['--- foo\napiVersion: v1\n', 'error parsing k.yaml: invalid Yaml document separator: foo'],
    ['kind: Pod\nmetadata:\n  name: x\n', 'error validating "k.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['metadata:\n  name: x\n', 'error validating "k.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false'],
  ])('reports %j as kubectl does', (text, expected) => {
    expect(readManifests(envWith({ '/w/k.yaml': text }), { filenames: ['k.yaml'] }).fatal).toBe(expected);
  });

  it('skips client validation with --validate=false, leaving the decode error to the object', () => {
    const r = readManifests(envWith({ '/w/k.yaml': 'metadata:\n  name: x\n' }), { filenames: ['k.yaml'], validate: 'ignore' });
    expect(summary(r).items).toEqual(['k.yaml: unable to decode "k.yaml": Object \'Kind\' is missing in \'{"metadata":{"name":"x"}}\'']);
  });

  it('reports a kind the server does not serve per object', () => {
    const r = readManifests(envWith({ '/w/m.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: m\n  namespace: mon\n' }), { filenames: ['m.yaml'] });
    expect(summary(r).items).toEqual([
      'm.yaml: resource mapping not found for name: "m" namespace: "mon" from "m.yaml": no matches for kind "ServiceMonitor" in version "monitoring.coreos.com/v1"\nensure CRDs are installed first',
    ]);
  });
});

describe('parseValidate', () => {
  it.each([
    ['true', 'strict'],
    ['strict', 'strict'],
    ['warn', 'warn'],
    ['false', 'ignore'],
    ['ignore', 'ignore'],
  ])('%s', (text, expected) => {
    expect(parseValidate(text)).toEqual({ ok: true, value: expected });
  });

  it('rejects others', () => {
    expect(parseValidate('maybe')).toEqual({ ok: false, error: 'invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)' });
  });
});

describe('namespaceForObject', () => {
  const pods = resourceType('pods')!;
  const obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'dev' } };

  it('keeps the object\'s namespace unless -n disagrees', () => {
    expect(namespaceForObject(obj, pods, 'default', false)).toEqual({ ok: true, namespace: 'dev' });
    expect(namespaceForObject(obj, pods, 'prod', true)).toEqual({
      ok: false,
      error: 'the namespace from the provided object "dev" does not match the namespace "prod". You must pass \'--namespace=dev\' to perform this operation.',
    });
  });

  it('gives cluster-scoped objects no namespace', () => {
    expect(namespaceForObject({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } }, resourceType('nodes')!, 'default', false)).toEqual({ ok: true, namespace: undefined });
  });
});
