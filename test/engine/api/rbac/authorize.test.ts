import { describe, expect, it } from 'vitest';
import { authorize, bootstrapPolicy, forbiddenMessage } from '../../../../src/engine/api/rbac/index.js';
import type { RequestAttributes } from '../../../../src/engine/api/pipeline.js';
import type { UserInfo } from '../../../../src/engine/api/types.js';
import { clusterRole, clusterRoleBinding, role, roleBinding, storeOf } from './fixtures.js';

const jane: UserInfo = { name: 'jane', groups: ['system:authenticated'] };
const ciBot: UserInfo = { name: 'system:serviceaccount:dev:ci', groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'] };
const admin: UserInfo = { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };

const store = storeOf([
  ...bootstrapPolicy(),
  role('dev', 'pod-reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
  roleBinding('dev', 'jane-reads-pods', { kind: 'Role', name: 'pod-reader' }, [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }]),
  // A ClusterRole granted through a RoleBinding: only inside "team".
  clusterRole('secret-reader', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]),
  roleBinding('team', 'jane-secrets', { kind: 'ClusterRole', name: 'secret-reader' }, [{ kind: 'User', name: 'jane' }]),
  // The ci ServiceAccount may view everything in dev (namespace defaulted from the binding).
  roleBinding('dev', 'ci-view', { kind: 'ClusterRole', name: 'view' }, [{ kind: 'ServiceAccount', name: 'ci' }]),
  // resourceNames and subresources.
  role('dev', 'one-config', [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['app-config'], verbs: ['get', 'update'] }]),
  role('dev', 'log-reader', [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }]),
  role('dev', 'any-scale', [{ apiGroups: ['apps'], resources: ['*/scale'], verbs: ['update'] }]),
  roleBinding('dev', 'bob-config', { kind: 'Role', name: 'one-config' }, [{ kind: 'User', name: 'bob' }]),
  roleBinding('dev', 'bob-logs', { kind: 'Role', name: 'log-reader' }, [{ kind: 'User', name: 'bob' }]),
  roleBinding('dev', 'bob-scale', { kind: 'Role', name: 'any-scale' }, [{ kind: 'User', name: 'bob' }]),
  // Cluster-wide node reading for the ops group.
  clusterRole('node-reader', [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] }]),
  clusterRoleBinding('ops-nodes', 'node-reader', [{ kind: 'Group', name: 'ops', apiGroup: 'rbac.authorization.k8s.io' }]),
]);

const bob: UserInfo = { name: 'bob', groups: ['system:authenticated'] };
const olga: UserInfo = { name: 'olga', groups: ['ops', 'system:authenticated'] };

function req(user: UserInfo, verb: string, resource: string, namespace?: string, extra: Partial<RequestAttributes> = {}): RequestAttributes {
  const [res, sub] = resource.split('/');
  const group = ['deployments', 'replicasets', 'statefulsets', 'daemonsets'].includes(res!) ? 'apps' : '';
  return { user, verb, apiGroup: group, resource: res!, ...(sub ? { subresource: sub } : {}), ...(namespace ? { namespace } : {}), resourceRequest: true, ...extra };
}

describe('authorize', () => {
  it.each([
    ['jane lists pods in dev (Role pod-reader)', req(jane, 'list', 'pods', 'dev'), true],
    ['jane gets a pod in dev', req(jane, 'get', 'pods', 'dev', { name: 'web' }), true],
    ['jane cannot delete pods in dev', req(jane, 'delete', 'pods', 'dev', { name: 'web' }), false],
    ['jane cannot list pods in default', req(jane, 'list', 'pods', 'default'), false],
    ['jane cannot list pods across namespaces', req(jane, 'list', 'pods'), false],
    ['jane gets secrets in team (ClusterRole via RoleBinding)', req(jane, 'get', 'secrets', 'team', { name: 's' }), true],
    ['the RoleBinding does not reach dev', req(jane, 'get', 'secrets', 'dev', { name: 's' }), false],
    ['the ci SA (view) gets deployments in dev', req(ciBot, 'get', 'deployments', 'dev', { name: 'web' }), true],
    ['the ci SA (view) lists pods in dev', req(ciBot, 'list', 'pods', 'dev'), true],
    ['the ci SA cannot delete deployments', req(ciBot, 'delete', 'deployments', 'dev', { name: 'web' }), false],
    ['view does not read secrets', req(ciBot, 'get', 'secrets', 'dev', { name: 's' }), false],
    ['the ci SA has no rights in other namespaces', req(ciBot, 'get', 'deployments', 'prod', { name: 'web' }), false],
    ['resourceNames: the named configmap', req(bob, 'get', 'configmaps', 'dev', { name: 'app-config' }), true],
    ['resourceNames: another configmap', req(bob, 'get', 'configmaps', 'dev', { name: 'other' }), false],
    ['resourceNames: list has no name and is refused', req(bob, 'list', 'configmaps', 'dev'), false],
    ['pods/log allows logs', req(bob, 'get', 'pods/log', 'dev', { name: 'web' }), true],
    ['pods/log does not allow the pod itself', req(bob, 'get', 'pods', 'dev', { name: 'web' }), false],
    ['bare pods does not allow pods/log', req(jane, 'get', 'pods/log', 'dev', { name: 'web' }), false],
    ['*/scale matches deployments/scale', req(bob, 'update', 'deployments/scale', 'dev', { name: 'web' }), true],
    ['*/scale does not match deployments', req(bob, 'update', 'deployments', 'dev', { name: 'web' }), false],
    ['a group ClusterRoleBinding reaches cluster-scoped nodes', req(olga, 'list', 'nodes'), true],
    ['system:masters may do anything', req(admin, 'delete', 'nodes', undefined, { name: 'node01' }), true],
    ['every authenticated user may create a SelfSubjectAccessReview', { ...req(jane, 'create', 'selfsubjectaccessreviews'), apiGroup: 'authorization.k8s.io' }, true],
    ['every authenticated user may GET /version', { user: jane, verb: 'get', apiGroup: '', resource: '', resourceRequest: false, path: '/version' }, true],
    ['/api/* covers discovery paths', { user: jane, verb: 'get', apiGroup: '', resource: '', resourceRequest: false, path: '/api/v1' }, true],
    ['but not /metrics', { user: jane, verb: 'get', apiGroup: '', resource: '', resourceRequest: false, path: '/metrics' }, false],
  ] as const)('%s', (_name, attrs, allowed) => {
    expect(authorize(attrs, store).allowed).toBe(allowed);
  });

  it('names the binding that allowed a request', () => {
    expect(authorize(req(jane, 'list', 'pods', 'dev'), store).reason).toBe('RBAC: allowed by RoleBinding "jane-reads-pods/dev" of Role "pod-reader" to User "jane"');
    expect(authorize(req(ciBot, 'list', 'pods', 'dev'), store).reason).toBe('RBAC: allowed by RoleBinding "ci-view/dev" of ClusterRole "view" to ServiceAccount "ci/dev"');
  });

  it('gives no reason for a plain deny', () => {
    expect(authorize(req(jane, 'list', 'pods', 'default'), store)).toEqual({ allowed: false });
  });

  it('reports a binding to a missing role as an evaluation error', () => {
    const broken = storeOf([roleBinding('dev', 'jane-reader', { kind: 'Role', name: 'reader' }, [{ kind: 'User', name: 'jane' }])]);
    const decision = authorize(req(jane, 'list', 'pods', 'dev'), broken);
    expect(decision).toEqual({ allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "reader" not found', evaluationError: 'RBAC: role.rbac.authorization.k8s.io "reader" not found' });
  });

  it('joins several resolution errors as the aggregate does', () => {
    const broken = storeOf([
      roleBinding('dev', 'a', { kind: 'Role', name: 'reader' }, [{ kind: 'User', name: 'jane' }]),
      roleBinding('dev', 'b', { kind: 'ClusterRole', name: 'gone' }, [{ kind: 'User', name: 'jane' }]),
    ]);
    expect(authorize(req(jane, 'list', 'pods', 'dev'), broken).reason).toBe(
      'RBAC: [role.rbac.authorization.k8s.io "reader" not found, clusterrole.rbac.authorization.k8s.io "gone" not found]',
    );
  });

  it('lets a user-made ClusterRole labelled aggregate-to-view extend view, edit and admin', () => {
    const crd = clusterRole('widget-viewer', [{ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['get'] }], { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' });
    const s = storeOf([...bootstrapPolicy(), crd, clusterRoleBinding('jane-admin', 'admin', [{ kind: 'User', name: 'jane' }])]);
    const attrs: RequestAttributes = { user: jane, verb: 'get', apiGroup: 'example.com', resource: 'widgets', namespace: 'dev', name: 'w', resourceRequest: true };
    expect(authorize(attrs, s).allowed).toBe(true);
    expect(authorize(attrs, storeOf([...bootstrapPolicy(), clusterRoleBinding('jane-admin', 'admin', [{ kind: 'User', name: 'jane' }])])).allowed).toBe(false);
  });
});

describe('forbiddenMessage', () => {
  it.each([
    [req(jane, 'list', 'pods', 'default'), 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"'],
    [req(jane, 'get', 'pods', 'dev', { name: 'web' }), 'pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "dev"'],
    [req(jane, 'create', 'deployments', 'dev'), 'deployments.apps is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "dev"'],
    [req(jane, 'list', 'nodes'), 'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope'],
    [req(jane, 'get', 'pods/log', 'dev', { name: 'web' }), 'pods "web" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "dev"'],
    [
      req(ciBot, 'list', 'pods', 'default'),
      'pods is forbidden: User "system:serviceaccount:dev:ci" cannot list resource "pods" in API group "" in the namespace "default"',
    ],
    [{ user: jane, verb: 'get', apiGroup: '', resource: '', resourceRequest: false, path: '/metrics' }, 'forbidden: User "jane" cannot get path "/metrics"'],
  ] as const)('%#: %s', (attrs, message) => {
    expect(forbiddenMessage(attrs, authorize(attrs, store))).toBe(message);
  });

  it('appends the RBAC error when a binding points at a missing role', () => {
    const broken = storeOf([roleBinding('dev', 'jane-reader', { kind: 'Role', name: 'reader' }, [{ kind: 'User', name: 'jane' }])]);
    const attrs = req(jane, 'list', 'pods', 'dev');
    expect(forbiddenMessage(attrs, authorize(attrs, broken))).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "dev": RBAC: role.rbac.authorization.k8s.io "reader" not found',
    );
  });
});
