import { describe, expect, it } from 'vitest';
import { session } from './transcript.js';

describe('ServiceAccount subjects as stored', () => {
  it('create rolebinding --serviceaccount keeps no apiGroup; User and Group get rbac.authorization.k8s.io', () => {
    const s = session();
    s.run('kubectl create role r --verb=get --resource=pods');
    expect(s.run('kubectl create rolebinding b --role=r --serviceaccount=default:robot --user=jane').code).toBe(0);
    expect(s.run('kubectl get rolebinding b -o yaml').stdout).toContain(`subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: jane
- kind: ServiceAccount
  name: robot
  namespace: default
`);
  });

  it('set subject --serviceaccount adds a subject without apiGroup', () => {
    const s = session();
    s.run('kubectl create clusterrolebinding cb --clusterrole=view --group=devs');
    expect(s.run('kubectl set subject clusterrolebinding cb --serviceaccount=kube-system:bot')).toMatchObject({ text: 'clusterrolebinding.rbac.authorization.k8s.io/cb subjects updated\n', code: 0 });
    expect(JSON.parse(s.run('kubectl get clusterrolebinding cb -o jsonpath={.subjects}').stdout)).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devs' },
      { kind: 'ServiceAccount', name: 'bot', namespace: 'kube-system' },
    ]);
  });
});
