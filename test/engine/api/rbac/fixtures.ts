/** A StoreReader over a fixed set of objects, for authorizer and admission tests. */
import { typeForKind } from '../../../../src/engine/api/discovery.js';
import type { StoreReader } from '../../../../src/engine/api/store.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';

export function storeOf(objects: readonly KubeObject[]): StoreReader {
  const byResource = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const lower = o.kind.toLowerCase();
    const resource = typeForKind(o.kind)?.resource ?? (lower.endsWith('s') ? `${lower}es` : `${lower}s`);
    byResource.set(resource, [...(byResource.get(resource) ?? []), o]);
  }
  const key = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return {
    get: (resource, namespace, name) => byResource.get(resource)?.find((o) => (o.metadata.namespace ?? undefined) === (namespace || undefined) && o.metadata.name === name),
    list: (resource, namespace) =>
      (byResource.get(resource) ?? []).filter((o) => namespace === undefined || o.metadata.namespace === namespace).sort((a, b) => (key(a) < key(b) ? -1 : 1)),
  };
}

const RBAC = 'rbac.authorization.k8s.io/v1';

export function role(namespace: string, name: string, rules: unknown[]): KubeObject {
  return { apiVersion: RBAC, kind: 'Role', metadata: { name, namespace }, rules };
}

export function clusterRole(name: string, rules: unknown[], labels?: Record<string, string>): KubeObject {
  return { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name, ...(labels ? { labels } : {}) }, rules };
}

export function roleBinding(namespace: string, name: string, roleRef: { kind: string; name: string }, subjects: unknown[]): KubeObject {
  return { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name, namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef }, subjects };
}

export function clusterRoleBinding(name: string, roleName: string, subjects: unknown[]): KubeObject {
  return { apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName }, subjects };
}
