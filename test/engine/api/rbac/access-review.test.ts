import { describe, expect, it } from 'vitest';
import { accessReview, bootstrapPolicy, impersonate, rulesReview } from '../../../../src/engine/api/rbac/index.js';
import type { UserInfo } from '../../../../src/engine/api/types.js';
import { role, roleBinding, storeOf } from './fixtures.js';

const admin: UserInfo = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
const jane: UserInfo = { name: 'jane', groups: ['system:authenticated'] };
const bob: UserInfo = { name: 'bob', groups: ['system:authenticated'] };

const store = storeOf([
  ...bootstrapPolicy(),
  role('dev', 'pod-reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
  roleBinding('dev', 'jane-reads-pods', { kind: 'Role', name: 'pod-reader' }, [{ kind: 'User', name: 'jane' }]),
  roleBinding('dev', 'jane-broken', { kind: 'Role', name: 'reader' }, [{ kind: 'User', name: 'jane' }]),
]);

function ssar(verb: string, resource: string, namespace?: string) {
  return { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { resourceAttributes: { verb, resource, ...(namespace ? { namespace } : {}) } } };
}

describe('accessReview', () => {
  it('answers a SelfSubjectAccessReview for the requester', () => {
    expect(accessReview(ssar('list', 'pods', 'dev'), jane, store).status).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "jane-reads-pods/dev" of Role "pod-reader" to User "jane"',
    });
    expect(accessReview(ssar('list', 'pods', 'default'), jane, store).status).toEqual({ allowed: false });
  });

  it('carries the missing-role error as the reason (kubectl prints `no - RBAC: …`)', () => {
    expect(accessReview(ssar('delete', 'pods', 'dev'), jane, store).status).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "reader" not found',
    });
  });

  it('asks about spec.user in a SubjectAccessReview', () => {
    const sar = { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { user: 'jane', groups: [], resourceAttributes: { verb: 'get', resource: 'pods', namespace: 'dev' } } };
    expect(accessReview(sar, admin, store).status.allowed).toBe(true);
  });

  it('pins a LocalSubjectAccessReview to its own namespace', () => {
    const lsar = { apiVersion: 'authorization.k8s.io/v1', kind: 'LocalSubjectAccessReview', metadata: { namespace: 'default' }, spec: { user: 'jane', resourceAttributes: { verb: 'get', resource: 'pods', namespace: 'dev' } } };
    expect(accessReview(lsar, admin, store).status.allowed).toBe(false);
  });

  it('does not change the review it was given', () => {
    const review = ssar('list', 'pods', 'dev');
    accessReview(review, jane, store);
    expect(review).not.toHaveProperty('status');
  });
});

describe('rulesReview', () => {
  it('lists the rules that apply in the namespace', () => {
    const status = rulesReview(jane, 'dev', store);
    expect(status.resourceRules).toContainEqual({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] });
    expect(status.resourceRules).toContainEqual({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] });
    expect(status.nonResourceRules).toContainEqual({ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] });
    expect(status.incomplete).toBe(false);
    expect(status.evaluationError).toBe('role.rbac.authorization.k8s.io "reader" not found');
  });

  it('does not show dev rules in default', () => {
    expect(rulesReview(jane, 'default', store).resourceRules).not.toContainEqual({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] });
  });

  it('starts with the superuser rules for system:masters', () => {
    const status = rulesReview({ name: 'root', groups: ['system:masters'] }, 'default', store);
    expect(status.resourceRules[0]).toEqual({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    expect(status.nonResourceRules[0]).toEqual({ verbs: ['*'], nonResourceURLs: ['*'] });
  });
});

describe('impersonate', () => {
  it('lets cluster-admin act as a user, adding system:authenticated', () => {
    expect(impersonate(admin, { user: 'jane' }, store)).toEqual({ ok: true, value: { name: 'jane', groups: ['system:authenticated'] } });
  });

  it('gives an impersonated ServiceAccount its fixed groups', () => {
    expect(impersonate(admin, { user: 'system:serviceaccount:dev:ci' }, store)).toEqual({
      ok: true,
      value: { name: 'system:serviceaccount:dev:ci', groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'] },
    });
  });

  it('uses the given groups as they are', () => {
    expect(impersonate(admin, { user: 'jane', groups: ['devs'] }, store)).toEqual({ ok: true, value: { name: 'jane', groups: ['devs'] } });
  });

  it.each([
    [{ user: 'jane' }, 'users "jane" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope'],
    [{ user: 'system:serviceaccount:dev:ci' }, 'serviceaccounts "ci" is forbidden: User "bob" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "dev"'],
  ])('refuses bob acting as %o', (as, message) => {
    const result = impersonate(bob, as, store);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.reason, result.error.code, result.error.message]).toEqual(['Forbidden', 403, message]);
  });

  it('refuses a group the requester may not impersonate', () => {
    const bobAsUser = storeOf([
      ...bootstrapPolicy(),
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'imp-users' }, rules: [{ apiGroups: [''], resources: ['users'], verbs: ['impersonate'] }] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'bob-imp' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'imp-users' }, subjects: [{ kind: 'User', name: 'bob' }] },
    ]);
    expect(impersonate(bob, { user: 'jane' }, bobAsUser).ok).toBe(true);
    const result = impersonate(bob, { user: 'jane', groups: ['system:masters'] }, bobAsUser);
    expect(result.ok ? '' : result.error.message).toBe('groups "system:masters" is forbidden: User "bob" cannot impersonate resource "groups" in API group "" at the cluster scope');
  });
});
