import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { checkSortBy, labelHeader, noResourcesMessage, printTables } from '../../../src/kubectl/printers/table.js';
import { ago, NOW, obj } from './kinds/helpers.js';

const running = (name: string, ns = 'default', labels: Record<string, string> = {}, created = 300): KubeObject =>
  obj('v1', 'Pod', name, {
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'node01' },
    status: { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] },
  }, { namespace: ns, labels, creationTimestamp: ago(created) });

const kubernetesSvc = obj('v1', 'Service', 'kubernetes', { spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] } }, { creationTimestamp: ago(3600 * 50) });
const deploy = obj('apps/v1', 'Deployment', 'web', { spec: { replicas: 1 }, status: { readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1 } });
const node = obj('v1', 'Node', 'controlplane', { status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.30.2' } } }, { namespace: undefined, labels: { 'node-role.kubernetes.io/control-plane': '' } });

describe('printTables', () => {
  it('prints one kind with its header', () => {
    expect(printTables([{ resource: 'pods', objects: [running('nginx')] }], { now: NOW })).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          5m\n',
    );
  });

  it('prints the wide columns with -o wide', () => {
    expect(printTables([{ resource: 'pods', objects: [running('nginx')] }], { now: NOW, wide: true })).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'nginx   1/1     Running   0          5m    10.244.1.5   node01   <none>           <none>\n',
    );
  });

  it('prepends NAMESPACE with -A', () => {
    expect(printTables([{ resource: 'pods', objects: [running('web', 'default'), running('coredns-abc', 'kube-system')] }], { now: NOW, allNamespaces: true })).toBe(
      'NAMESPACE     NAME          READY   STATUS    RESTARTS   AGE\n' +
        'default       web           1/1     Running   0          5m\n' +
        'kube-system   coredns-abc   1/1     Running   0          5m\n',
    );
  });

  it('adds no NAMESPACE column for cluster-scoped kinds', () => {
    expect(printTables([{ resource: 'nodes', objects: [node] }], { now: NOW, allNamespaces: true })).toBe(
      'NAME           STATUS   ROLES           AGE   VERSION\ncontrolplane   Ready    control-plane   5m    v1.30.2\n',
    );
  });

  it('prefixes names with kind.group and separates kinds with one blank line', () => {
    const out = printTables(
      [
        { resource: 'pods', objects: [running('web-abc')] },
        { resource: 'services', objects: [kubernetesSvc] },
        { resource: 'daemonsets', objects: [] },
        { resource: 'deployments', objects: [deploy] },
      ],
      { now: NOW },
    );
    expect(out).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE\npod/web-abc   1/1     Running   0          5m\n\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2d2h\n\n' +
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   1/1     1            1           5m\n',
    );
  });

  it('keeps a single kind unprefixed, even from several groups of it', () => {
    expect(printTables([{ resource: 'pods', objects: [running('a')] }, { resource: 'pods', objects: [running('b')] }], { now: NOW })).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\na      1/1     Running   0          5m\nb      1/1     Running   0          5m\n',
    );
  });

  it('adds -L columns under the last segment of the key, and LABELS last', () => {
    const pod = running('web', 'default', { app: 'web', 'app.kubernetes.io/version': '1.0' });
    expect(printTables([{ resource: 'pods', objects: [pod, running('db')] }], { now: NOW, labelColumns: ['app', 'app.kubernetes.io/version'], showLabels: true })).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   APP   VERSION   LABELS\n' +
        'web    1/1     Running   0          5m    web   1.0       app=web,app.kubernetes.io/version=1.0\n' +
        'db     1/1     Running   0          5m                    <none>\n',
    );
  });

  it('sorts with --sort-by, naturally and by quantity', () => {
    const pods = [running('web-10', 'default', {}, 10), running('web-9', 'default', {}, 20), running('web-1', 'default', {}, 30)];
    const names = (sortBy: string) => printTables([{ resource: 'pods', objects: pods }], { now: NOW, sortBy, noHeaders: true }).split('\n').map((l) => l.split(' ')[0]).filter(Boolean);
    expect(names('.metadata.name')).toEqual(['web-1', 'web-9', 'web-10']);
    expect(names('{.metadata.creationTimestamp}')).toEqual(['web-1', 'web-9', 'web-10']);
  });

  it('omits headers and the blank line with --no-headers', () => {
    expect(printTables([{ resource: 'pods', objects: [running('a')] }, { resource: 'services', objects: [kubernetesSvc] }], { now: NOW, noHeaders: true })).toBe(
      'pod/a   1/1   Running   0     5m\nservice/kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   2d2h\n',
    );
  });

  it('prints nothing, not even a header, when there are no objects', () => {
    expect(printTables([{ resource: 'pods', objects: [] }], { now: NOW })).toBe('');
  });

  it('prints roles as NAME / CREATED AT', () => {
    const role = obj('rbac.authorization.k8s.io/v1', 'Role', 'reader', {}, { creationTimestamp: '2024-05-01T10:00:00Z' });
    expect(printTables([{ resource: 'roles', objects: [role] }], { now: NOW })).toBe('NAME     CREATED AT\nreader   2024-05-01T10:00:00Z\n');
  });

  it('falls back to NAME / AGE for unknown kinds', () => {
    const widget = obj('example.com/v1', 'Widget', 'w', {});
    expect(printTables([{ resource: 'widgets', objects: [widget] }], { now: NOW })).toBe('NAME   AGE\nw      5m\n');
  });
});

describe('checkSortBy', () => {
  it('reports a field no object has', () => {
    expect(checkSortBy([{ resource: 'pods', objects: [running('a')] }], '.spec.nope')).toBe('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n');
    expect(checkSortBy([{ resource: 'pods', objects: [running('a')] }], '.metadata.name')).toBeUndefined();
  });
});

describe('labelHeader', () => {
  it.each([['app', 'APP'], ['app.kubernetes.io/name', 'NAME'], ['tier', 'TIER']])('%s → %s', (key, header) => {
    expect(labelHeader(key)).toBe(header);
  });
});

describe('noResourcesMessage', () => {
  it.each([
    [{ namespace: 'default', resources: ['pods'] }, 'No resources found in default namespace.\n'],
    [{ namespace: 'dev', resources: ['pods', 'services'] }, 'No resources found in dev namespace.\n'],
    [{ namespace: 'default', allNamespaces: true, resources: ['pods'] }, 'No resources found\n'],
    [{ namespace: 'default', resources: ['nodes'] }, 'No resources found\n'],
  ])('%j → %j', (opts, expected) => {
    expect(noResourcesMessage(opts)).toBe(expected);
  });
});
