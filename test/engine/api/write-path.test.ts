import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster.js';
import { sameJson } from '../../../src/engine/api/server.js';
import { copyUnfrozen, deepFreeze } from '../../../src/engine/api/store.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { decode } from '../../../src/engine/api/schema/decode.js';
import { validateAgainstSchema } from '../../../src/engine/api/schema/validate.js';
import { deepCopy } from '../../../src/engine/api/defaults/util.js';

const pod = (name: string, container: Record<string, unknown> = { name: 'web', image: 'nginx:1.25' }, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [container], ...spec },
});

function errorOf<T>(r: { ok: true; value: T } | { ok: false; error: { message: string; reason: string } }): string {
  return r.ok ? 'ok' : `${r.error.reason}: ${r.error.message}`;
}

/** A bare cluster (no controllers touching the pods), its admin and a system component's client. */
function clients() {
  const cluster = createCluster(undefined, { bare: true, controllers: [] });
  const admin = cluster.client();
  admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  admin.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
  const system = cluster.client({ name: 'system:serviceaccount:kube-system:replicaset-controller', groups: ['system:masters', 'system:authenticated'] }).systemComponent();
  return { cluster, admin, system };
}

describe("users' writes keep every check", () => {
  it('rejects an unknown field in a status write with the strict decoding error', () => {
    const { admin } = clients();
    const created = admin.create('pods', 'default', pod('web'));
    if (!created.ok) throw new Error(created.error.message);
    const stored = created.value.object;
    const r = admin.updateStatus('pods', 'default', { ...stored, status: { ...stored.status, phase: 'Running', podIPz: '10.0.0.1' } });
    expect(errorOf(r)).toBe('BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "status.podIPz"');
  });

  it.each([
    ['an unknown field', pod('web', { name: 'web', image: 'nginx', imagee: 'x' }), 'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"'],
    ['a mistyped field', pod('web', { name: 'web', image: 'nginx', ports: [{ containerPort: 'x' }] }), 'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    ['an unsupported enum value', pod('web', undefined, { restartPolicy: 'Sometimes' }), 'Invalid: Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
  ])('rejects %s on create with the server wording', (_what, obj, message) => {
    expect(errorOf(clients().admin.create('pods', 'default', obj))).toBe(message);
  });
});

describe("system components' writes (strict decoding and schema checks skipped)", () => {
  it('still get defaults and admission', () => {
    const { system } = clients();
    const r = system.create('pods', 'default', pod('web'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.object.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', serviceAccountName: 'default', schedulerName: 'default-scheduler' });
    expect(r.value.object.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(r.value.object.spec.containers[0].volumeMounts[0].mountPath).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
  });

  it("are still refused by the kind's own validation, with its message", () => {
    const { system } = clients();
    expect(errorOf(system.create('pods', 'default', pod('Web_1')))).toMatch(/^Invalid: Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain/);
  });

  it.each([
    ['strict decoding', pod('web', { name: 'web', image: 'nginx', imagee: 'x' }), 'system:serviceaccount:kube-system:replicaset-controller wrote Pod web, which strict decoding rejects'],
    ['schema validation', pod('web', undefined, { restartPolicy: 'Sometimes' }), 'system:serviceaccount:kube-system:replicaset-controller wrote Pod web, which schema validation rejects: spec.restartPolicy: Unsupported value'],
  ])('throw under test when %s would have refused them, so the shortcut cannot hide a bug', (_stage, obj, message) => {
    expect(() => clients().system.create('pods', 'default', obj)).toThrow(message);
  });

  it('are not passed on to a client impersonating someone else', () => {
    const { system } = clients();
    const as = system.impersonate({ user: 'jane', groups: ['system:masters'] });
    if (!as.ok) throw new Error(as.error.message);
    expect(errorOf(as.value.create('pods', 'default', pod('web', { name: 'web', image: 'nginx', imagee: 'x' })))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });
});

describe('writes share what they did not change with the stored object', () => {
  it('keeps the stored spec in a status write and never freezes the caller’s objects', () => {
    const { admin, cluster } = clients();
    const created = admin.create('pods', 'default', pod('web'));
    if (!created.ok) throw new Error(created.error.message);
    const before = created.value.object;
    const status = { ...before.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    const r = admin.updateStatus('pods', 'default', { ...before, status });
    if (!r.ok) throw new Error(r.error.message);
    const after = cluster.internals.store.get('pods', 'default', 'web')!;
    expect(after.spec).toBe(before.spec);
    expect(after.status.phase).toBe('Running');
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
    expect(Object.isFrozen(after.status)).toBe(true);
    expect(Object.isFrozen(status)).toBe(false);
    expect(Object.isFrozen(status.conditions[0])).toBe(false);
  });

  it.each([
    ['create', 'user'],
    ['create', 'system'],
    ['update', 'user'],
    ['update', 'system'],
  ])('a %s (%s) neither changes nor freezes the objects it was given', (verb, who) => {
    const { admin, system } = clients();
    const api = who === 'user' ? admin : system;
    const input = pod('web', { name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }] });
    input.metadata.labels = { app: 'web' };
    if (verb === 'update') {
      const created = admin.create('pods', 'default', pod('web'));
      if (!created.ok) throw new Error(created.error.message);
      Object.assign(input, { spec: structuredClone(created.value.object.spec), metadata: { ...structuredClone(created.value.object.metadata), labels: { app: 'web' } } });
    }
    const before = structuredClone(input);
    const r = verb === 'create' ? api.create('pods', 'default', input) : api.update('pods', 'default', input);
    if (!r.ok) throw new Error(r.error.message);
    expect(input).toStrictEqual(before);
    expect([input, input.metadata, input.metadata.labels, input.spec, input.spec.containers[0]].map(Object.isFrozen)).toEqual([false, false, false, false, false]);
    expect(r.value.object.metadata.labels).toEqual({ app: 'web' });
    expect(Object.isFrozen(r.value.object.spec.containers[0])).toBe(true);
  });

  it('copyUnfrozen copies what is not frozen and shares what is', () => {
    const shared = deepFreeze({ a: [1, 2] });
    const input = { shared, own: { b: 1 } };
    const out = copyUnfrozen(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(out.shared).toBe(shared);
    expect(out.own).not.toBe(input.own);
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: 2 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [{ a: 1, b: undefined }, { a: 1 }],
    [{ a: () => 1 }, {}],
    [[1, undefined], [1, null]],
    [[NaN], [null]],
    [{ n: -0 }, { n: 0 }],
    [{ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }],
    [{ a: [] }, { a: {} }],
    [{ a: '1' }, { a: 1 }],
    [{ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 2 }] } }],
    [{ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } }],
  ])('answers as comparing JSON.stringify does: %j vs %j', (a, b) => {
    expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });
});

describe('shortcuts of the checks answer as the full walk does', () => {
  it('strict decoding reports a frozen part every time, and its clean twin never', () => {
    const bad = deepFreeze({ name: 'web', image: 'nginx', imagee: 'x' });
    const good = deepFreeze({ name: 'web', image: 'nginx' });
    for (let i = 0; i < 2; i++) {
      expect(decode(pod('a', bad)).unknown).toEqual(['spec.containers[0].imagee']);
      expect(decode(pod('a', good))).toEqual({ unknown: [] });
    }
  });

  it('schema validation reports a frozen part every time', () => {
    const spec = deepFreeze({ containers: [{ name: 'web', image: 'nginx' }], restartPolicy: 'Sometimes' });
    for (let i = 0; i < 2; i++) expect(validateAgainstSchema({ ...pod('a'), spec }).map((e) => `${e.type} ${e.field}`)).toEqual(['NotSupported spec.restartPolicy']);
  });

  it('the defaulters’ copy is what a JSON round trip makes', () => {
    const tricky = { a: 1, b: undefined, c: [1, undefined, () => 1, NaN, -0], d: { e: null, f: new Date(0) }, 2: 'x', 1: 'y', g: Infinity, h: JSON.parse('{"__proto__": {"x": 1}}') };
    const copy = deepCopy(tricky);
    expect(copy).toStrictEqual(JSON.parse(JSON.stringify(tricky)));
    expect(Object.keys(copy)).toEqual(Object.keys(JSON.parse(JSON.stringify(tricky))));
    expect(Object.is((copy.c as unknown[])[4], 0)).toBe(true);
  });
});
