import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { CheckSpec } from '../../../src/lessons/checks/index.js';
import { check, create, deployment, freshCluster } from './helpers.js';

// One cluster for the read-only cases: web (3 replicas, Ready), a pending PVC, an RBAC grant,
// a busybox client pod and a Service in front of web.
let cluster: Cluster;
beforeAll(() => {
  cluster = freshCluster();
  create(cluster, 'deployments', deployment('web', 3));
  create(cluster, 'deployments', deployment('broken', 1, 'nginx:9.99'));
  create(cluster, 'persistentvolumeclaims', {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'missing' },
  });
  create(cluster, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] },
  });
  create(cluster, 'pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'client', namespace: 'default', labels: { role: 'client' } },
    spec: { containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
  });
  create(cluster, 'roles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'reader', namespace: 'default' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
  });
  create(cluster, 'rolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'alice-reads', namespace: 'default' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
    subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }],
  });
  cluster.advance(60_000);
});

describe('checks against a live cluster', () => {
  it.each<[string, CheckSpec, boolean, string]>([
    ['exists passes', { type: 'exists', kind: 'Deployment', name: 'web' }, true, 'deployment/web exists'],
    ['exists fails', { type: 'exists', kind: 'deploy', name: 'api' }, false, 'deployment/api does not exist yet'],
    ['exists names the namespace', { type: 'exists', kind: 'configmaps', name: 'x', namespace: 'dev' }, false, 'configmap/x in namespace dev does not exist yet'],
    ['absent passes', { type: 'absent', kind: 'Pod', name: 'gone' }, true, 'pod/gone is gone'],
    ['absent fails', { type: 'absent', kind: 'svc', name: 'web' }, false, 'service/web still exists'],
    ['field equals passes', { type: 'field', kind: 'Deployment', name: 'web', path: '.spec.replicas', equals: 3 }, true, 'deployment/web .spec.replicas is 3'],
    ['field equals fails', { type: 'field', kind: 'Deployment', name: 'web', path: '{.spec.replicas}', equals: 5 }, false, 'deployment/web .spec.replicas is 3, expected 5'],
    ['field matches', { type: 'field', kind: 'Deployment', name: 'web', path: '.spec.template.spec.containers[0].image', matches: '^nginx:1\\.2' }, true, 'deployment/web .spec.template.spec.containers[0].image is nginx:1.25'],
    ['field contains a list item', { type: 'field', kind: 'Service', name: 'web', path: '.spec.ports', contains: { port: 80 } }, true, 'service/web .spec.ports is [{"port":80,"targetPort":80,"protocol":"TCP"}]'],
    ['field gte with a quantity', { type: 'field', kind: 'PersistentVolumeClaim', name: 'data', path: '.spec.resources.requests.storage', gte: '512Mi' }, true, 'persistentvolumeclaim/data .spec.resources.requests.storage is 1Gi'],
    ['field lte fails', { type: 'field', kind: 'PersistentVolumeClaim', name: 'data', path: '.spec.resources.requests.storage', lte: '512Mi' }, false, 'persistentvolumeclaim/data .spec.resources.requests.storage is 1Gi, expected at most 512Mi'],
    ['field in', { type: 'field', kind: 'Deployment', name: 'web', path: '.spec.strategy.type', in: ['Recreate', 'RollingUpdate'] }, true, 'deployment/web .spec.strategy.type is RollingUpdate'],
    ['field missing', { type: 'field', kind: 'Deployment', name: 'web', path: '.spec.paused', equals: true }, false, 'deployment/web has no .spec.paused, expected true'],
    ['podsReady passes', { type: 'podsReady', selector: 'app=web', count: 3 }, true, '3/3 pods with app=web are ready'],
    ['podsReady fails', { type: 'podsReady', selector: 'app=web', count: 4 }, false, '3/4 pods with app=web are ready'],
    ['podsReady exact fails', { type: 'podsReady', selector: 'app=web', count: 2, exact: true }, false, '3 pods with app=web exist, expected exactly 2'],
    ['podStatus by name', { type: 'podStatus', name: 'client', status: 'Running' }, true, 'pod/client is Running'],
    ['podStatus by selector fails', { type: 'podStatus', selector: 'app=broken', status: 'Running' }, false, '0/1 pods with app=broken are Running (one is ImagePullBackOff)'],
    ['podStatus shows the STATUS column', { type: 'podStatus', selector: 'app=broken', status: 'ImagePullBackOff' }, true, '1/1 pods with app=broken are ImagePullBackOff'],
    ['podStatus phase', { type: 'podStatus', name: 'client', phase: 'Succeeded' }, false, 'pod/client is Running, expected Succeeded'],
    ['rolloutComplete passes', { type: 'rolloutComplete', deployment: 'web' }, true, 'deployment "web" successfully rolled out'],
    ['rolloutComplete fails like rollout status', { type: 'rolloutComplete', deployment: 'broken' }, false, 'Waiting for deployment "broken" rollout to finish: 0 of 1 updated replicas are available...'],
    ['rolloutComplete with an image', { type: 'rolloutComplete', deployment: 'web', image: 'nginx:1.27' }, false, 'deployment/web runs nginx:1.25, expected nginx:1.27'],
    ['serviceEndpoints passes', { type: 'serviceEndpoints', service: 'web', count: 3 }, true, 'service/web has 3 ready endpoints'],
    ['serviceEndpoints fails', { type: 'serviceEndpoints', service: 'web', count: 2 }, false, 'service/web has 3 ready endpoints, expected 2'],
    ['serviceEndpoints without the service', { type: 'serviceEndpoints', service: 'api' }, false, 'service/api does not exist yet'],
    ['pvcBound fails', { type: 'pvcBound', name: 'data' }, false, 'persistentvolumeclaim/data is Pending, expected Bound'],
    ['canI yes', { type: 'canI', as: 'alice', verb: 'list', resource: 'pods', expect: 'yes' }, true, 'can alice list pods in namespace default? yes'],
    ['canI no, expected yes', { type: 'canI', as: 'alice', verb: 'delete', resource: 'pods', expect: 'yes' }, false, 'can alice delete pods in namespace default? no, expected yes'],
    ['canI a service account', { type: 'canI', as: 'system:serviceaccount:default:default', verb: 'create', resource: 'deployments', expect: 'no' }, true, 'can system:serviceaccount:default:default create deployments in namespace default? no'],
    ['eventSeen passes', { type: 'eventSeen', reason: 'BackOff', object: 'pod/broken-*' }, true, 'a BackOff event for pod/broken-* was recorded'],
    ['eventSeen fails', { type: 'eventSeen', reason: 'Killing', object: 'pod/web-*' }, false, 'no Killing event for pod/web-* yet'],
    ['reachable from a pod', { type: 'reachable', url: 'http://web', from: 'client', expect: { text: 'Welcome to nginx!' } }, true, 'http://web from pod/client answered 200 with "Welcome to nginx!"'],
    ['reachable expecting a block', { type: 'reachable', url: 'http://web', from: 'role=client', expect: { blocked: true } }, false, 'http://web from pod/client answered 200, expected it to be blocked'],
    ['reachable to a missing service', { type: 'reachable', url: 'http://api', from: 'client' }, false, 'http://api from pod/client failed: unresolved'],
    ['all reports the first failure', { type: 'all', checks: [{ type: 'exists', kind: 'Deployment', name: 'web' }, { type: 'exists', kind: 'Deployment', name: 'api' }] }, false, 'deployment/api does not exist yet'],
    ['any passes on one', { type: 'any', checks: [{ type: 'exists', kind: 'Deployment', name: 'api' }, { type: 'exists', kind: 'Deployment', name: 'web' }] }, true, 'deployment/web exists'],
    ['not inverts', { type: 'not', check: { type: 'exists', kind: 'Deployment', name: 'web' } }, false, 'not expected: deployment/web exists'],
    ['a title replaces the line', { type: 'podsReady', selector: 'app=web', count: 4, title: 'four web pods are ready' }, false, 'four web pods are ready (3/4 pods with app=web are ready)'],
  ])('%s', (_name, spec, ok, message) => {
    expect(check(cluster, spec)).toEqual({ ok, message });
  });

  it('commandRan reads the stage history', () => {
    const history = [
      { line: 'kubectl get pods', exitCode: 0, at: 0 },
      { line: 'kubectl logs web', exitCode: 1, at: 0 },
    ];
    expect(check(cluster, { type: 'commandRan', pattern: 'kubectl get pods' }, { history })).toEqual({ ok: true, message: 'ran `kubectl get pods`' });
    expect(check(cluster, { type: 'commandRan', pattern: 'logs' }, { history })).toEqual({ ok: false, message: 'no command matching /logs/ has succeeded yet' });
  });

  it('commandRan with an exit code wants a refused command', () => {
    const history = [
      { line: 'kubectl apply -f ok.yaml', exitCode: 0, at: 0 },
      { line: 'kubectl apply -f bad.yaml', exitCode: 1, at: 0 },
    ];
    expect(check(cluster, { type: 'commandRan', pattern: 'apply -f bad', exitCode: 1 }, { history })).toEqual({ ok: true, message: 'ran `kubectl apply -f bad.yaml` (exit 1)' });
    expect(check(cluster, { type: 'commandRan', pattern: 'apply -f ok', exitCode: 1 }, { history })).toEqual({ ok: false, message: 'no command matching /apply -f ok/ has exited 1 yet' });
  });

  it('evaluates a stage of checks in under 2 ms', () => {
    const specs: CheckSpec[] = [
      { type: 'exists', kind: 'Deployment', name: 'web' },
      { type: 'podsReady', selector: 'app=web', count: 3 },
      { type: 'rolloutComplete', deployment: 'web' },
      { type: 'serviceEndpoints', service: 'web', count: 3 },
      { type: 'field', kind: 'Deployment', name: 'web', path: '.spec.replicas', equals: 3 },
    ];
    for (const s of specs) check(cluster, s);
    const start = performance.now();
    for (let i = 0; i < 50; i++) for (const s of specs) check(cluster, s);
    expect((performance.now() - start) / 50).toBeLessThan(2);
  });
});
