import { describe, expect, it } from 'vitest';
import { fieldErrorMessage } from '../../../../src/engine/api/errors.js';
import { validateAgainstSchema } from '../../../../src/engine/api/schema/validate.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';

const messages = (obj: KubeObject): string[] => validateAgainstSchema(obj).map(fieldErrorMessage);
const pod = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec });

describe('validateAgainstSchema', () => {
  it.each([
    ['restartPolicy, in Go validation order', pod({ restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }] }), 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ['imagePullPolicy, sorted', pod({ containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Sometimes' }] }), 'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ['a port protocol', pod({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, protocol: 'tcp' }] }] }), 'spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
    ['a Service type', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'Nodeport', ports: [{ port: 80 }] } } as KubeObject, 'spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ['a Deployment strategy', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: {}, strategy: { type: 'BlueGreen' }, template: {} } } as KubeObject, 'spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"'],
  ])('rejects an unsupported %s', (_, obj, want) => {
    expect(messages(obj)).toEqual([want]);
  });

  it.each([
    ['a Pod without containers', pod({}), ['spec.containers: Required value']],
    ['a container without a name', pod({ containers: [{ image: 'x' }] }), ['spec.containers[0].name: Required value']],
    ['an env var without a name', pod({ containers: [{ name: 'a', env: [{ value: 'x' }] }] }), ['spec.containers[0].env[0].name: Required value']],
    ['a Deployment without a selector (but not its template, a Go value)', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: {} } as KubeObject, ['spec.selector: Required value']],
  ])('reports %s as Required', (_, obj, want) => {
    expect(messages(obj)).toEqual(want);
  });

  const slice = (extra: Record<string, unknown>): KubeObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abc12' }, addressType: 'IPv4', ...extra });
  it.each([
    ['empty', { endpoints: [] }],
    ['null', { endpoints: null }],
    ['absent', {}],
  ])('accepts an EndpointSlice whose endpoints are %s, as the placeholder slice has them', (_, extra) => {
    expect(messages(slice(extra))).toEqual([]);
  });

  it('still requires an EndpointSlice addressType', () => {
    expect(messages({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's' }, endpoints: [] })).toEqual(['addressType: Required value']);
  });

  it('passes a valid Pod and leaves empty enums to defaulting and status alone', () => {
    expect(messages({ ...pod({ restartPolicy: '', containers: [{ name: 'a', image: 'nginx' }] }), status: { phase: 'Whatever', conditions: [{}] } })).toEqual([]);
  });
});
