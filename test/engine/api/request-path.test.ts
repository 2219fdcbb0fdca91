import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';

const pod = (name: string, container: Record<string, unknown> = { name: 'web', image: 'nginx:1.25' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [container] },
});

function errorOf<T>(r: { ok: true; value: T } | { ok: false; error: { message: string; reason: string } }): string {
  return r.ok ? 'ok' : `${r.error.reason}: ${r.error.message}`;
}

describe('the API request path', () => {
  it('rejects an unknown field in strict decoding with the server wording', () => {
    const api = createCluster().client();
    expect(errorOf(api.create('pods', 'default', pod('web', { name: 'web', imagee: 'nginx' })))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });

  it('answers Invalid with the field cause for a missing image', () => {
    const api = createCluster().client();
    const r = api.create('pods', 'default', pod('web', { name: 'web' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.causes?.map((c) => `${c.field}: ${c.message}`)).toContain('spec.containers[0].image: Required value');
  });

  it('defaults a pod and mounts its service account token', () => {
    const api = createCluster().client();
    const r = api.create('pods', 'default', pod('web'));
    expect(r.ok).toBe(true);
    const p = r.ok ? r.value.object : undefined;
    expect(p?.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, serviceAccountName: 'default', schedulerName: 'default-scheduler' });
    expect(p?.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(p?.spec.containers[0].volumeMounts[0]).toMatchObject({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true });
    expect(p?.spec.tolerations.map((t: { key: string }) => t.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
  });

  it('refuses a create in a namespace that does not exist', () => {
    const api = createCluster().client();
    expect(errorOf(api.create('pods', 'dev', pod('web')))).toBe('NotFound: namespaces "dev" not found');
  });

  it('allocates a ClusterIP and node ports for a NodePort Service', () => {
    const api = createCluster().client();
    const r = api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const svc = r.ok ? r.value.object : undefined;
    expect(svc?.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(svc?.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
    expect(svc?.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc?.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
  });

  it('merges a Secret\'s stringData into base64 data and does not keep it', () => {
    const api = createCluster(undefined, { kubelets: false }).client();
    const r = api.create('secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==' }, stringData: { token: 'abc' } });
    const secret = r.ok ? r.value.object : undefined;
    expect(secret?.data).toEqual({ a: 'eA==', token: 'YWJj' });
    expect(secret?.stringData).toBeUndefined();
  });

  it('refuses a stale update with Conflict', () => {
    const api = createCluster().client();
    const created = api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { a: '1' } });
    const first = created.ok ? created.value.object : undefined;
    api.update('configmaps', 'default', { ...first!, data: { a: '2' } });
    expect(errorOf(api.update('configmaps', 'default', { ...first!, data: { a: '3' } }))).toBe(
      'Conflict: Operation cannot be fulfilled on configmaps "app": the object has been modified; please apply your changes to the latest version and try again',
    );
  });
});

describe('RBAC through the API', () => {
  function withJane() {
    const cluster = createCluster();
    const admin = cluster.client();
    admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    admin.create('roles', 'dev', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] });
    admin.create('rolebindings', 'dev', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'jane-reads' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }],
    });
    return cluster;
  }

  it('lets jane list pods in dev only', () => {
    const jane = withJane().client('jane');
    expect(jane.list('pods', { namespace: 'dev' }).ok).toBe(true);
    expect(errorOf(jane.list('pods', { namespace: 'default' }))).toBe('Forbidden: pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
    expect(errorOf(jane.create('pods', 'dev', pod('x')))).toBe('Forbidden: pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "dev"');
  });

  it('answers can-i for jane, and only an admin may impersonate her', () => {
    const cluster = withJane();
    const asJane = cluster.client().impersonate({ user: 'jane' });
    expect(asJane.ok).toBe(true);
    if (!asJane.ok) return;
    expect(asJane.value.canI({ verb: 'list', resource: 'pods', namespace: 'dev' })).toMatchObject({ ok: true, value: { allowed: true } });
    expect(asJane.value.canI({ verb: 'delete', resource: 'pods', namespace: 'dev' })).toMatchObject({ ok: true, value: { allowed: false } });
    expect(errorOf(cluster.client('jane').impersonate({ user: 'bob' }))).toBe('Forbidden: users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it('lets a ServiceAccount bound to view get deployments but not delete them', () => {
    const cluster = createCluster();
    const admin = cluster.client();
    admin.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'viewer' } });
    admin.create('rolebindings', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'viewer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'default' }],
    });
    const sa = cluster.client('system:serviceaccount:default:viewer');
    expect(sa.list('deployments', { namespace: 'default' }).ok).toBe(true);
    expect(errorOf(sa.delete('deployments', 'default', 'web'))).toBe(
      'Forbidden: deployments.apps "web" is forbidden: User "system:serviceaccount:default:viewer" cannot delete resource "deployments" in API group "apps" in the namespace "default"',
    );
  });
});
