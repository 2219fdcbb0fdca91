/** Admission requests over a fixed store, for plugin tests. */
import { Random } from '../../../../src/engine/random.js';
import type { AdmissionRequest } from '../../../../src/engine/api/pipeline.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { storeOf } from '../rbac/fixtures.js';

export { storeOf };

export const NOW = '2024-07-01T10:00:00Z';

export function request(resource: string, object: KubeObject, objects: readonly KubeObject[], extra: Partial<AdmissionRequest> = {}): AdmissionRequest {
  return {
    operation: 'CREATE',
    resource,
    object,
    namespace: object.metadata.namespace,
    user: { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
    store: storeOf(objects),
    random: new Random(1),
    dryRun: false,
    now: NOW,
    ...extra,
  };
}

export function namespace(name: string, phase = 'Active'): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase } };
}

export function serviceAccount(namespace: string, name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace }, ...extra };
}

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

export function pod(name: string, containers: { name: string; resources?: Resources }[] = [{ name: 'nginx' }], namespace = 'default', spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: containers.map((c) => ({ image: 'nginx', ...c })), ...spec },
  };
}

export function limitRange(namespace: string, limits: unknown[]): KubeObject {
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace }, spec: { limits } };
}

export function quota(namespace: string, name: string, hard: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace }, spec: { hard, ...spec } };
}
