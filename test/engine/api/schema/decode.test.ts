import { describe, expect, it } from 'vitest';
import { decode, decodeStatus, unknownFields } from '../../../../src/engine/api/schema/decode.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const deployment = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });

describe('unknownFields', () => {
  it.each([
    ['a typo inside a list item', pod({ containers: [{ name: 'web', imagee: 'nginx' }] }), ['spec.containers[0].imagee']],
    ['a typo in metadata', pod({ containers: [{ name: 'web', image: 'nginx' }] }, { name: 'web', labelz: { app: 'web' } }), ['metadata.labelz']],
    ['deep in a template', deployment({ template: { spec: { containers: [{ name: 'a' }, { name: 'b', ports: [{ containerPort: 80, hostname: 'x' }] }] } } }), ['spec.template.spec.containers[1].ports[0].hostname']],
    ['a top-level typo', { ...pod({ containers: [] }), spek: {} }, ['spek']],
    ['several, in sorted key order', pod({ zzz: 1, containers: [{ name: 'a', imagee: 'x' }] }), ['spec.containers[0].imagee', 'spec.zzz']],
  ])('reports %s', (_, obj, want) => {
    expect(unknownFields(obj)).toEqual(want);
  });

  it.each([
    ['label and annotation keys (maps)', pod({ containers: [{ name: 'a', image: 'x' }] }, { name: 'w', labels: { 'app.kubernetes.io/name': 'w', anything: 'x' }, annotations: { foo: 'bar' } })],
    ['resource names in requests', pod({ containers: [{ name: 'a', resources: { requests: { cpu: '100m', 'nvidia.com/gpu': 1 } } }] })],
    ['nodeSelector keys', pod({ containers: [{ name: 'a' }], nodeSelector: { disktype: 'ssd' } })],
    ['ConfigMap data keys', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.properties': 'x' } } as KubeObject],
  ])('does not report %s', (_, obj) => {
    expect(unknownFields(obj)).toEqual([]);
  });
});

describe('decodeStatus', () => {
  it('words one unknown field as the server does', () => {
    expect(decodeStatus(pod({ containers: [{ name: 'web', imagee: 'nginx' }] }))).toMatchObject({
      reason: 'BadRequest',
      code: 400,
      message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    });
  });

  it('joins several unknown fields with ", "', () => {
    expect(decodeStatus(deployment({ replicaz: 3, template: { spec: { containers: [{ name: 'a', imagee: 'x' }] } } }))?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz", unknown field "spec.template.spec.containers[0].imagee"',
    );
  });

  it.each([
    ['a string for an int32', deployment({ replicas: '3' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['a number for a string', pod({ containers: [{ name: 'a', image: 5 }] }), 'json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string'],
    ['a string for a list', pod({ containers: 'nginx' }), 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container'],
    ['a fraction for an int64', pod({ containers: [], terminationGracePeriodSeconds: 1.5 }), 'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64'],
    ['a number for a label value', pod({ containers: [] }, { name: 'w', labels: { tier: 1 } }), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['a bad quantity', pod({ containers: [{ name: 'a', resources: { limits: { memory: '1 gig' } } }] }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ])('reports %s as the decoder does', (_, obj, detail) => {
    expect(decodeStatus(obj)?.message).toBe(`${obj.kind} in version "v1" cannot be handled as a ${obj.kind}: ${detail}`);
  });

  it('lets a type error win over unknown fields', () => {
    expect(decode(deployment({ replicas: 'x', foo: 1 })).error).toMatch(/^json: cannot unmarshal string/);
  });

  it('accepts int-or-string, quantities given as numbers, and nulls', () => {
    expect(decodeStatus(deployment({ replicas: null, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } }, template: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: 0.5, memory: '128Mi' } } }] } } }))).toBeUndefined();
  });
});
