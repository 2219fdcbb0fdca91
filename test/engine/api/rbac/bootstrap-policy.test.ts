import { describe, expect, it } from 'vitest';
import { bootstrapPolicy } from '../../../../src/engine/api/rbac/index.js';

const objects = bootstrapPolicy();
const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);

describe('bootstrapPolicy', () => {
  it('labels and annotates the API server defaults as real clusters do', () => {
    expect(find('ClusterRole', 'view')!.metadata).toEqual({
      name: 'view',
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
      labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' },
    });
    expect(find('ClusterRole', 'view')!.aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }] });
  });

  it('gives cluster-admin everything', () => {
    expect(find('ClusterRole', 'cluster-admin')!.rules).toEqual([
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]);
  });

  it('flattens view, edit and admin in the aggregation controller order', () => {
    const view = find('ClusterRole', 'view')!.rules;
    const edit = find('ClusterRole', 'edit')!.rules;
    const admin = find('ClusterRole', 'admin')!.rules;
    expect(view[0].resources).toContain('pods');
    expect(view).toHaveLength(10);
    // edit = system:aggregate-to-edit (13 rules) then view's; admin = edit's then aggregate-to-admin's.
    expect(edit).toHaveLength(23);
    expect(edit[0].resources).toEqual(['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy']);
    expect(admin).toHaveLength(25);
    expect(admin[24]).toEqual({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] });
  });

  it.each([
    ['cluster-admin', 'cluster-admin', { kind: 'Group', name: 'system:masters' }],
    ['system:basic-user', 'system:basic-user', { kind: 'Group', name: 'system:authenticated' }],
    ['system:discovery', 'system:discovery', { kind: 'Group', name: 'system:authenticated' }],
    ['system:public-info-viewer', 'system:public-info-viewer', { kind: 'Group', name: 'system:authenticated' }],
    ['kubeadm:cluster-admins', 'cluster-admin', { kind: 'Group', name: 'kubeadm:cluster-admins' }],
  ])('binds %s to %s for %o', (binding, roleName, subject) => {
    const crb = find('ClusterRoleBinding', binding)!;
    expect(crb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName });
    expect(crb.subjects[0]).toEqual({ apiGroup: 'rbac.authorization.k8s.io', ...subject });
  });

  it('leaves kubeadm bindings without the rbac-defaults label', () => {
    expect(find('ClusterRoleBinding', 'kubeadm:cluster-admins')!.metadata).toEqual({ name: 'kubeadm:cluster-admins' });
  });

  it('returns fresh copies each call', () => {
    const a = bootstrapPolicy();
    a[0]!.metadata.name = 'changed';
    expect(bootstrapPolicy()[0]!.metadata.name).toBe('admin');
  });
});
