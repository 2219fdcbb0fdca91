import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { deployment, session } from './helpers.js';

const role: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'pod-reader' },
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
} as KubeObject;
const binding: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'jane-reads' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' }],
} as KubeObject;

describe('kubectl auth', () => {
  it.each([
    ['auth can-i get pods --as=jane', 'yes\n', 0],
    ['auth can-i list pods --as=jane', 'yes\n', 0],
    ['auth can-i delete pods --as=jane', 'no\n', 1],
    ['auth can-i get pods -n kube-system --as=jane', 'no\n', 1],
    ['auth can-i create deployments', 'yes\n', 0],
  ])('%s', (line, out, code) => {
    const s = session();
    s.create('roles', role);
    s.create('rolebindings', binding);
    const r = s.k(line);
    expect([r.out, r.code]).toEqual([out, code]);
  });

  it('warns about a type the server does not know, and still asks', () => {
    const r = session().k('auth can-i get foos');
    expect(r.text).toBe("Warning: the server doesn't have a resource type 'foos'\nyes\n");
  });

  it('lists what a user may do, compacted and sorted as kubectl does', () => {
    const s = session();
    s.create('roles', role);
    s.create('rolebindings', binding);
    const r = s.k('auth can-i --list --as=jane');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Resources +Non-Resource URLs +Resource Names +Verbs$/);
    expect(lines).toContainEqual(expect.stringMatching(/^pods +\[\] +\[\] +\[get list\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^selfsubjectreviews\.authentication\.k8s\.io +\[\] +\[\] +\[create\]$/));
  });

  it('whoami -o prints the SelfSubjectReview: YAML sorted, JSON in struct order', () => {
    expect(session().k('auth whoami -o yaml').out).toBe(
      'apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: null\nstatus:\n  userInfo:\n    groups:\n    - system:masters\n    - system:authenticated\n    username: kubernetes-admin\n',
    );
    expect(session().k('auth whoami -o json').out).toBe(
      '{\n    "kind": "SelfSubjectReview",\n    "apiVersion": "authentication.k8s.io/v1",\n    "metadata": {\n        "creationTimestamp": null\n    },\n    "status": {\n        "userInfo": {\n            "username": "kubernetes-admin",\n            "groups": [\n                "system:masters",\n                "system:authenticated"\n            ]\n        }\n    }\n}\n',
    );
    expect(session().k('auth whoami -o jsonpath={.status.userInfo.username}').out).toBe('kubernetes-admin');
  });

  it('whoami prints the user and groups', () => {
    expect(session().k('auth whoami').out).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [system:masters system:authenticated]\n');
  });

  it('needs two arguments', () => {
    expect(session().k('auth can-i get').err).toBe("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n");
  });
});

describe('kubectl wait', () => {
  it('waits for pods of a Deployment to be Ready, and for the Deployment to be Available', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25', 2));
    const pods = s.k('wait --for=condition=Ready pod -l app=web');
    expect(pods.out).toMatch(/^pod\/web-\S+ condition met\npod\/web-\S+ condition met\n$/);
    expect(s.k('wait --for=condition=Available deployment/web').out).toBe('deployment.apps/web condition met\n');
    expect(s.k("wait --for=jsonpath={.status.readyReplicas}=2 deployment/web").out).toBe('deployment.apps/web condition met\n');
  });

  it('times out on a pod that never becomes ready', () => {
    const s = session();
    s.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'app', image: 'nginx:nope' }] } } as KubeObject);
    const start = s.cluster.now();
    const r = s.k('wait --for=condition=Ready pod/bad --timeout=10s');
    expect([r.err, r.code]).toEqual(['error: timed out waiting for the condition on pods/bad\n', 1]);
    expect(s.cluster.now() - start).toBe(10_000);
  });

  it.each([
    ['wait pod/x', 'error: unrecognized condition: ""\n'],
    ['wait --for=condition=Ready pod/x', 'Error from server (NotFound): pods "x" not found\n'],
  ])('%s', (line, err) => {
    expect(session().k(line).err).toBe(err);
  });

  it('--for=delete succeeds at once when the object is already gone', () => {
    const r = session().k('wait --for=delete pod/x');
    expect([r.text, r.code]).toEqual(['', 0]);
  });
});

describe('kubectl events', () => {
  it('lists a Deployment\'s story oldest first, and filters by --for and --types', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25', 1));
    s.cluster.advance(5000);
    const all = s.k('events');
    const lines = all.out.split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(all.out).toMatch(/Normal +ScalingReplicaSet +Deployment\/web +Scaled up replica set web-\S+ to 1\n/);
    expect(s.k('events --for=deployment/web').out.split('\n').length).toBe(3);
    expect(s.k('events --types=Warning').err).toBe('No events found in default namespace.\n');
  });
});

describe('kubectl top', () => {
  it('says the Metrics API is not available when the env has none', () => {
    expect(session({ kubelet: 'none' }).k('top nodes').err).toBe('error: Metrics API not available\n');
  });
});
