import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { printYaml, printYamlDocuments, toYaml, yamlKeyLess } from '../../../src/kubectl/printers/yaml.js';
import { hasKubectl, kubectl, manifestFile } from './real-kubectl.js';

const LONG_MESSAGE =
  '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';

// Strings whose quoting go-yaml decides differently; each becomes a ConfigMap data value.
const TRICKY: Record<string, string> = {
  a: '80', b: 'true', c: '', d: 'x: y', e: 'a<b&c>', f: 'null', g: '1.5', h: '~', i: '- x', j: '#x', k: 'x #y',
  l: 'yes', m: '0x1F', n: '1e3', o: ' lead', p: 'trail ', q: 'multi\nline', r: '*', s: '@x', t: '`x', u: 'x:y',
  v: 'on', w: '012', x: '1_000', y: '.5', z: '{a}', a2: LONG_MESSAGE,
  b2: 'this is a plain long string with many words that goes beyond the eighty column limit for sure and more words here to wrap twice over the limit yes',
  c2: 'double quoted\ttab long string with many words that goes beyond the eighty column limit for sure and  two spaces more words',
  d2: 'multi\n  indented\n\nblank\n', e2: '  leading\nx', f2: 'trailing \nx', g2: 'x\n\n', h2: "it's a quote", i2: 'ünïcödé',
  j2: 'a\x01b', k2: '2024-05-01T10:00:00Z', l2: '2024-05-01', m2: '1:20', n2: '---', o2: '-1', p2: '+1', q2: '- ', r2: 'a,b',
  s2: '[a]', t2: '?x', u2: '? x', v2: ':x', w2: 'x: ', x2: 'x#y', y2: '!x', z2: '%x', a3: '|x', b3: '>x', c3: '"x"', d3: '.',
  e3: '.inf', f3: 'Null', g3: 'NO', h3: '<<', i3: '0b101', j3: '09', k3: '1.', l3: '-.5', m3: '1e', n3: 'True', o3: 'FALSE',
  p3: 'ON', q3: 'Off', r3: 'item10', s3: 'emoji 😀',
};

describe('toYaml', () => {
  it('prints a generated Deployment exactly as kubectl create --dry-run=client -o yaml', () => {
    const deployment = {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 1, selector: { matchLabels: { app: 'web' } }, strategy: {},
        template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
      },
      status: {},
    };
    expect(toYaml(deployment)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
  });

  it.each([
    ['80', '"80"'], ['true', '"true"'], ['', '""'], ['x: y', "'x: y'"], ['y', '"y"'], ['2024-05-01T10:00:00Z', '"2024-05-01T10:00:00Z"'],
    ['web', 'web'], ['x:y', 'x:y'], ["it's", "it's"], ['- x', "'- x'"], ['a\tb', '"a\\tb"'],
  ])('quotes %j as %s', (value, expected) => {
    expect(toYaml({ k: value })).toBe(`k: ${expected}\n`);
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(toYaml({ a: 'x\ny', b: 'x\n', c: 'x\n\n' })).toBe('a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n\n');
  });

  it('nests lists of lists and lists of maps', () => {
    expect(toYaml({ a: [[1, 2], { b: [] }, null] })).toBe('a:\n- - 1\n  - 2\n- b: []\n- null\n');
  });

  it.each([
    ['a', 'a3', true], ['item9', 'item10', true], ['_x', 'Ax', true], ['B', 'a', true], ['a', 'B', false],
  ])('orders key %s before %s: %s', (a, b, less) => {
    expect(yamlKeyLess(a, b)).toBe(less);
  });
});

describe('printYaml', () => {
  const pod = (name: string): KubeObject => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', managedFields: [{ manager: 'kubectl' }] },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  });

  it('omits managedFields from a single object', () => {
    expect(printYaml(pod('a'))).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: default\nspec:\n  containers:\n  - image: nginx\n    name: app\n');
  });

  it('wraps several objects in a List', () => {
    expect(printYaml([pod('a')])).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n    namespace: default\n  spec:\n    containers:\n    - image: nginx\n      name: app\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('prints an empty List for no objects', () => {
    expect(printYaml([])).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('separates documents with ---', () => {
    expect(printYamlDocuments([pod('a'), pod('b')]).split('---\n')).toHaveLength(2);
  });
});

describe.skipIf(!hasKubectl)('against the real kubectl', () => {
  it('matches create deployment --dry-run=client -o yaml', () => {
    const args = ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=80', '--dry-run=client'];
    const obj = JSON.parse(kubectl([...args, '-o', 'json']));
    expect(toYaml(obj)).toBe(kubectl([...args, '-o', 'yaml']));
  });

  it('matches quoting, folding and literal blocks of tricky strings', () => {
    const args = ['create', 'configmap', 'c', ...Object.entries(TRICKY).map(([k, v]) => `--from-literal=${k}=${v}`), '--dry-run=client'];
    const obj = JSON.parse(kubectl([...args, '-o', 'json']));
    expect(toYaml(obj)).toBe(kubectl([...args, '-o', 'yaml']));
  });

  it('matches key order and folding of long keys and values in nested lists', () => {
    const file = manifestFile(`apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations: {b10: x, b9: "y", _u: z, Zed: q, "app.kubernetes.io/name": web}
spec:
  containers:
  - name: c
    image: busybox
    args: ["sh", "-c", "while true; do echo hello from the sidecar container that logs a rather long line; sleep 5; done"]
    env: [{name: A, value: "1"}, {name: B, value: "yes"}]
status:
  conditions:
  - type: PodScheduled
    status: "False"
    message: '${LONG_MESSAGE}'
`);
    const args = ['label', '-f', file, '--local', 'extra=1'];
    const obj = JSON.parse(kubectl([...args, '-o', 'json']));
    expect(toYaml(obj)).toBe(kubectl([...args, '-o', 'yaml']));
  });
});

if (!hasKubectl) it.skip('real kubectl comparisons skipped: /usr/bin/kubectl is absent', () => {});
