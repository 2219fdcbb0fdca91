import { describe, expect, it } from 'vitest';
import { deployment, session, setImage } from './helpers.js';

describe('kubectl rollout: the life story of a Deployment', () => {
  it('waits for a new Deployment, printing each change, then reports success', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25'));
    const r = s.k('rollout status deployment/web');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\n');
    expect(r.out.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
  });

  it('--watch=false prints the current line once', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25'));
    expect(s.k('rollout status deploy/web --watch=false').out).toBe('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...\n');
  });

  it('reports a bad image as an exceeded progress deadline, then undo brings back revision 1', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25'));
    s.k('rollout status deployment/web');
    setImage(s, 'web', 'nginx:nope');
    const stuck = s.k('rollout status deployment/web');
    expect(stuck.out.split('\n')[0]).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(stuck.err).toBe('error: deployment "web" exceeded its progress deadline\n');
    expect(stuck.code).toBe(1);

    expect(s.k('rollout history deployment/web').out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(s.k('rollout undo deployment/web').out).toBe('deployment.apps/web rolled back\n');
    expect(s.k('rollout status deployment/web').out).toMatch(/deployment "web" successfully rolled out\n$/);
    expect(s.k('rollout history deployment/web').out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(s.k('rollout undo deployment/web --to-revision=3').out).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
  });

  it('prints one revision with its pod template, and refuses a missing one', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25'));
    const r = s.k('rollout history deployment/web --revision=1');
    expect(r.out.startsWith('deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n')).toBe(true);
    expect(r.out).toContain('    Image:\tnginx:1.25\n');
    const missing = s.k('rollout history deployment/web --revision=7');
    expect([missing.err, missing.code]).toEqual(['error: unable to find the specified revision\n', 1]);
    const undo = s.k('rollout undo deployment/web --to-revision=7');
    expect([undo.err, undo.code]).toEqual(['error: unable to find specified revision 7 in history\n', 1]);
  });

  it('prints the revision objects (ReplicaSets) with -o, in revision order', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25'));
    s.k('rollout status deployment/web');
    setImage(s, 'web', 'nginx:1.26');
    s.k('rollout status deployment/web');
    const names = s.k('rollout history deployment/web -o name').out.split('\n').filter(Boolean);
    expect(names).toHaveLength(2);
    expect(names.every((n) => /^replicaset\.apps\/web-[a-z0-9]+$/.test(n))).toBe(true);
    expect(s.k("rollout history deployment/web --revision=2 -o jsonpath='{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'").out).toBe('2');
    const yaml = s.k('rollout history deployment/web -o yaml').out;
    expect(yaml.split('\n---\n')).toHaveLength(2);
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: ReplicaSet\n/);
    expect(yaml).not.toContain('managedFields');
    expect(s.k('rollout history deployment/web -o json --revision=1').out).toMatch(/^\{\n    "kind": "ReplicaSet",\n    "apiVersion": "apps\/v1",\n    "metadata": \{\n        "name": "web-/);
    expect(s.k('rollout history deployment/web -o name --revision=9')).toMatchObject({ err: 'error: unable to find the specified revision\n', code: 1 });
  });

  it('pauses, refuses to pause twice, resumes, and restarts with a virtual-time stamp', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25'));
    expect(s.k('rollout pause deployment/web').out).toBe('deployment.apps/web paused\n');
    expect(s.k('rollout pause deployment/web').err).toBe('error: deployments.apps "web" is already paused\n');
    expect(s.k('rollout restart deployment/web').err).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n');
    expect(s.k('rollout resume deployment/web').out).toBe('deployment.apps/web resumed\n');
    expect(s.k('rollout resume deployment/web').err).toBe('error: deployments.apps "web" is not paused\n');
    expect(s.k('rollout restart deployment/web').out).toBe('deployment.apps/web restarted\n');
    const d = s.cluster.client().get('deployments', 'default', 'web');
    expect(d.ok && d.value.spec?.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2024-07-01T10:00:00Z');
    expect(s.k('rollout restart deployment/web').err).toBe(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
  });

  it.each([
    ['rollout status', 'error: required resource not specified\n'],
    ['rollout status pod/x', 'Error from server (NotFound): pods "x" not found\n'],
    ['rollout history deploy/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['rollout foo', 'error: unknown command "foo"\nSee \'kubectl rollout -h\' for help and examples\n'],
  ])('%s fails with kubectl\'s words', (line, err) => {
    const r = session().k(line);
    expect([r.err, r.code]).toEqual([err, 1]);
  });
});
