import { describe, expect, it } from 'vitest';
import { parseJsonPath, printJsonPath } from '../../../src/kubectl/printers/jsonpath.js';
import { hasKubectl, kubectl } from './real-kubectl.js';

// The object `kubectl create deployment web --image=nginx --dry-run=client` produces.
const deployment = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'web' } }, strategy: {},
    template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] } },
  },
  status: {},
};

const list = {
  apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' },
  items: [
    { metadata: { name: 'a' }, status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] } },
    { metadata: { name: 'b' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } },
    { metadata: { name: 'c' }, status: {} },
  ],
};

const DUMP =
  'map[string]interface {}{"apiVersion":"apps/v1", "kind":"Deployment", "metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "labels":map[string]interface {}{"app":"web"}, "name":"web"}, "spec":map[string]interface {}{"replicas":1, "selector":map[string]interface {}{"matchLabels":map[string]interface {}{"app":"web"}}, "strategy":map[string]interface {}{}, "template":map[string]interface {}{"metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "labels":map[string]interface {}{"app":"web"}}, "spec":map[string]interface {}{"containers":[]interface {}{map[string]interface {}{"image":"nginx", "name":"nginx", "resources":map[string]interface {}{}}}}}}, "status":map[string]interface {}{}}';

describe('printJsonPath on one object', () => {
  it.each([
    ['{.metadata.name}', 'web'],
    ['{.spec.replicas}', '1'],
    ['{.metadata.creationTimestamp}', 'null'],
    ['{.spec.template.spec.containers[*].name}', 'nginx'],
    ['{.spec.template.spec.containers[-1].name}', 'nginx'],
    ['{.spec.template.spec.containers[-1:].image}', 'nginx'],
    ['{.spec.selector.matchLabels.app}{"\\n"}', 'web\n'],
    ['{range .spec.template.spec.containers[*]}[{.name}]{end}', '[nginx]'],
    ['{.spec.strategy}', '{}'],
    ['{.metadata.labels}', '{"app":"web"}'],
    ['{.spec.template.spec.containers[?(@.name=="nginx")].image}', 'nginx'],
    ['{$.kind}', 'Deployment'],
    ["{.metadata['name']}", 'web'],
    ['{.spec.replicas}{" "}{true}', '1 true'],
    ['kind={.kind} name={.metadata.name}', 'kind=Deployment name=web'],
    ['{.missing.field}', ''],
    ['{.metadata.name} {.missing}', 'web '],
  ])('%s → %j', (template, expected) => {
    expect(printJsonPath(template, deployment)).toEqual({ ok: true, text: expected });
  });
});

describe('printJsonPath on a list', () => {
  it.each([
    ['{.items[*].metadata.name}', 'a b c'],
    ['{.items[0].metadata.name}', 'a'],
    ['{.items[-1:].metadata.name}', 'c'],
    ['{.items[0:2].metadata.name}', 'a b'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', 'a\nb\nc\n'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}', 'a\tTrue\nb\tFalse\nc\t\n'],
    ['{.items[*].status.conditions[?(@.status=="True")].type}', 'Ready PodScheduled'],
    ['{.items[?(@.status.conditions)].metadata.name}', 'a b'],
    ['{..type}', 'Ready PodScheduled Ready'],
    ['{.items[0,2].metadata.name}', 'a c'],
  ])('%s → %j', (template, expected) => {
    expect(printJsonPath(template, list)).toEqual({ ok: true, text: expected });
  });

  it('prints nothing after {end} when the range is empty, as kubectl does', () => {
    expect(printJsonPath('{range .items[5:5]}{.x}{end}after', list)).toEqual({ ok: true, text: '' });
  });
});

describe('errors', () => {
  it('reports a missing key with --allow-missing-template-keys=false', () => {
    expect(printJsonPath('{.x.y}', deployment, { allowMissingKeys: false })).toEqual({
      ok: false,
      stderr: `error: error executing jsonpath "{.x.y}": Error executing template: x is not found. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.x.y}\n\tobject given to jsonpath engine was:\n\t\t${DUMP}\n\n\n`,
    });
  });

  it('reports an index out of bounds even when keys may be missing', () => {
    const r = printJsonPath('{.spec.template.spec.containers[3]}', deployment);
    expect(r.ok ? '' : r.stderr.split('.')[0]).toBe('error: error executing jsonpath "{');
    expect(r.ok ? '' : r.stderr).toContain('Error executing template: array index out of bounds: index 3, length 1. Printing');
  });

  it('reports [*] on a map', () => {
    const r = printJsonPath('{.metadata.labels[*]}', deployment);
    expect(r.ok ? '' : r.stderr).toContain('Error executing template: map[string]interface {} is not array or slice. Printing');
  });

  it.each([
    ['{.metadata.name', 'error: error parsing jsonpath {.metadata.name, unclosed action\n'],
    ['{.apiVersion,.kind}', "error: error parsing jsonpath {.apiVersion,.kind}, unrecognized character in action: U+002C ','\n"],
    ['{.items[x]}', 'error: error parsing jsonpath {.items[x]}, invalid array index x\n'],
    ['{.items["a"]}', 'error: error parsing jsonpath {.items["a"]}, invalid array index "a"\n'],
  ])('reports a parse error in %s', (template, stderr) => {
    expect(printJsonPath(template, deployment)).toEqual({ ok: false, stderr });
  });

  it('parses into action lists and text', () => {
    const parsed = parseJsonPath('a{.b}');
    expect(parsed.ok && parsed.root.nodes.map((n) => n.type)).toEqual(['text', 'list']);
  });
});

describe.skipIf(!hasKubectl)('against the real kubectl', () => {
  it.each([
    '{.metadata.name}{"\\n"}', '{.spec.template.spec.containers[0]}', '{.metadata.labels}', '{range .spec.template.spec.containers[*]}{.name}={.image}{"\\n"}{end}',
  ])('matches %s', (template) => {
    const out = kubectl(['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', `jsonpath=${template}`]);
    expect(printJsonPath(template, deployment)).toEqual({ ok: true, text: out });
  });
});
