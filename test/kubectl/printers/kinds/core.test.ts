import { describe, expect, it } from 'vitest';
import { configmaps, createdAtTable, namespaces, resourcequotas, secrets, serviceaccounts } from '../../../../src/kubectl/printers/kinds/core.js';
import { events } from '../../../../src/kubectl/printers/kinds/events.js';
import { leases, nodes } from '../../../../src/kubectl/printers/kinds/nodes.js';
import { clusterrolebindings, roles, rolebindings } from '../../../../src/kubectl/printers/kinds/rbac.js';
import { horizontalpodautoscalers, poddisruptionbudgets } from '../../../../src/kubectl/printers/kinds/scaling.js';
import { persistentvolumeclaims, persistentvolumes, storageclasses } from '../../../../src/kubectl/printers/kinds/storage.js';
import { ago, cells, headers, obj } from './helpers.js';

describe('config kinds', () => {
  it('counts configmap data and binaryData keys', () => {
    expect(cells(configmaps, obj('v1', 'ConfigMap', 'app', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }))).toEqual({ NAME: 'app', DATA: '3', AGE: '5m' });
  });

  it('prints the raw secret type', () => {
    expect(cells(secrets, obj('v1', 'Secret', 'tls', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }))).toEqual({ NAME: 'tls', TYPE: 'kubernetes.io/tls', DATA: '2', AGE: '5m' });
  });

  it('prints 0 secrets for a modern service account', () => {
    expect(cells(serviceaccounts, obj('v1', 'ServiceAccount', 'default'))).toEqual({ NAME: 'default', SECRETS: '0', AGE: '5m' });
  });

  it('prints namespace phase', () => {
    expect(cells(namespaces, obj('v1', 'Namespace', 'dev', { status: { phase: 'Terminating' } }))).toEqual({ NAME: 'dev', STATUS: 'Terminating', AGE: '5m' });
  });

  it('splits quota usage into REQUEST and LIMIT, sorted, after AGE', () => {
    const rq = obj('v1', 'ResourceQuota', 'compute', { status: { hard: { pods: '10', 'requests.cpu': '1', 'limits.memory': '2Gi', 'limits.cpu': '2' }, used: { pods: '2', 'requests.cpu': '500m' } } });
    expect(headers(resourcequotas)).toEqual(['NAME', 'AGE', 'REQUEST', 'LIMIT']);
    expect(cells(resourcequotas, rq)).toEqual({ NAME: 'compute', AGE: '5m', REQUEST: 'pods: 2/10, requests.cpu: 500m/1', LIMIT: 'limits.cpu: 0/2, limits.memory: 0/2Gi' });
  });

  it('prints the apiserver default table for kinds without a printer', () => {
    expect(cells(createdAtTable, obj('rbac.authorization.k8s.io/v1', 'Role', 'reader', {}, { creationTimestamp: '2024-05-01T10:00:00Z' }))).toEqual({ NAME: 'reader', 'CREATED AT': '2024-05-01T10:00:00Z' });
    expect(roles).toBe(createdAtTable);
  });
});

describe('rbac bindings', () => {
  it('prints Kind/name roles and wide subject lists', () => {
    const rb = obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'read', {
      roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: 'rbac.authorization.k8s.io' },
      subjects: [{ kind: 'User', name: 'jane' }, { kind: 'User', name: 'joe' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'dev' }],
    });
    expect(cells(rolebindings, rb, true)).toEqual({ NAME: 'read', ROLE: 'ClusterRole/view', AGE: '5m', USERS: 'jane, joe', GROUPS: 'devs', SERVICEACCOUNTS: 'dev/ci' });
    expect(headers(clusterrolebindings)).toEqual(['NAME', 'ROLE', 'AGE']);
  });
});

describe('storage', () => {
  it('prints a bound PV', () => {
    const pv = obj('v1', 'PersistentVolume', 'pv1', {
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'manual' },
      status: { phase: 'Bound' },
    });
    expect(cells(persistentvolumes, pv, true)).toEqual({
      NAME: 'pv1', CAPACITY: '1Gi', 'ACCESS MODES': 'RWO,RWX', 'RECLAIM POLICY': 'Retain', STATUS: 'Bound', CLAIM: 'default/data', STORAGECLASS: 'manual',
      VOLUMEATTRIBUTESCLASS: '<unset>', REASON: '', AGE: '5m', VOLUMEMODE: '<unset>',
    });
  });

  it('prints Terminating for a PV being deleted', () => {
    expect(cells(persistentvolumes, obj('v1', 'PersistentVolume', 'pv', { spec: {}, status: { phase: 'Released' } }, { deletionTimestamp: ago(1) })).STATUS).toBe('Terminating');
  });

  it('leaves VOLUME, CAPACITY and ACCESS MODES empty until a PVC is bound', () => {
    const pending = obj('v1', 'PersistentVolumeClaim', 'data', { spec: { storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } });
    expect(cells(persistentvolumeclaims, pending)).toEqual({ NAME: 'data', STATUS: 'Pending', VOLUME: '', CAPACITY: '', 'ACCESS MODES': '', STORAGECLASS: 'standard', VOLUMEATTRIBUTESCLASS: '<unset>', AGE: '5m' });
    const bound = obj('v1', 'PersistentVolumeClaim', 'data', { spec: { volumeName: 'pvc-1', storageClassName: 'standard' }, status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] } });
    expect(cells(persistentvolumeclaims, bound)).toMatchObject({ VOLUME: 'pvc-1', CAPACITY: '1Gi', 'ACCESS MODES': 'RWO' });
  });

  it('marks the default storage class and fills in defaults', () => {
    const sc = obj('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'rancher.io/local-path' }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } });
    expect(cells(storageclasses, sc)).toEqual({ NAME: 'standard (default)', PROVISIONER: 'rancher.io/local-path', RECLAIMPOLICY: 'Delete', VOLUMEBINDINGMODE: 'Immediate', ALLOWVOLUMEEXPANSION: 'false', AGE: '5m' });
  });
});

describe('nodes', () => {
  const node = (ready: string | undefined, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) =>
    obj('v1', 'Node', 'node01', {
      spec: extra,
      status: {
        conditions: ready ? [{ type: 'Ready', status: ready }] : [],
        nodeInfo: { kubeletVersion: 'v1.30.2', osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-105-generic', containerRuntimeVersion: 'containerd://1.7.13' },
        addresses: [{ type: 'InternalIP', address: '192.168.1.11' }, { type: 'Hostname', address: 'node01' }],
      },
    }, { labels });

  it.each([
    ['True', {}, 'Ready'], ['False', {}, 'NotReady'], [undefined, {}, 'Unknown'], ['True', { unschedulable: true }, 'Ready,SchedulingDisabled'],
  ])('Ready=%s %j → %s', (ready, spec, expected) => {
    expect(cells(nodes, node(ready, spec)).STATUS).toBe(expected);
  });

  it('prints sorted roles and the wide system info', () => {
    const n = node('True', {}, { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/etcd': '', 'kubernetes.io/hostname': 'node01' });
    expect(cells(nodes, n, true)).toEqual({
      NAME: 'node01', STATUS: 'Ready', ROLES: 'control-plane,etcd', AGE: '5m', VERSION: 'v1.30.2', 'INTERNAL-IP': '192.168.1.11', 'EXTERNAL-IP': '<none>',
      'OS-IMAGE': 'Ubuntu 22.04.4 LTS', 'KERNEL-VERSION': '5.15.0-105-generic', 'CONTAINER-RUNTIME': 'containerd://1.7.13',
    });
    expect(cells(nodes, node('True')).ROLES).toBe('<none>');
  });

  it('prints a lease holder', () => {
    expect(cells(leases, obj('coordination.k8s.io/v1', 'Lease', 'node01', { spec: { holderIdentity: 'node01' } }))).toEqual({ NAME: 'node01', HOLDER: 'node01', AGE: '5m' });
  });
});

describe('events', () => {
  const ev = obj('v1', 'Event', 'web.17d', {
    type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container web in pod web_default(uid)\n',
    involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{web}' },
    source: { component: 'kubelet', host: 'node01' }, firstTimestamp: ago(62), lastTimestamp: ago(8), count: 4,
  });

  it('prints LAST SEEN, TYPE, REASON, OBJECT, MESSAGE', () => {
    expect(cells(events, ev)).toEqual({ 'LAST SEEN': '8s', TYPE: 'Warning', REASON: 'BackOff', OBJECT: 'pod/web', MESSAGE: 'Back-off restarting failed container web in pod web_default(uid)' });
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME when wide', () => {
    expect(headers(events, true).join(' ')).toBe('LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME');
    expect(cells(events, ev, true)).toMatchObject({ SUBOBJECT: 'spec.containers{web}', SOURCE: 'kubelet, node01', 'FIRST SEEN': '62s', COUNT: '4', NAME: 'web.17d' });
  });

  it('falls back to the first timestamp and a count of 1', () => {
    const single = obj('v1', 'Event', 'x', { involvedObject: { kind: 'Node' }, firstTimestamp: ago(30), reportingController: 'node-controller' });
    expect(cells(events, single, true)).toMatchObject({ 'LAST SEEN': '30s', OBJECT: 'node', COUNT: '1', SOURCE: 'node-controller' });
  });
});

describe('autoscaling and disruption budgets', () => {
  const hpa = (metrics: unknown[], currentMetrics: unknown[] = [], minReplicas?: number) =>
    obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 10, ...(minReplicas ? { minReplicas } : {}), metrics },
      status: { currentReplicas: 2, currentMetrics },
    });
  const cpu = (n: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: n } } });

  it('prints the reference, metric targets, <unset> min pods', () => {
    expect(cells(horizontalpodautoscalers, hpa([cpu(80)], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50 } } }]))).toEqual({
      NAME: 'web', REFERENCE: 'Deployment/web', TARGETS: 'cpu: 50%/80%', MINPODS: '<unset>', MAXPODS: '10', REPLICAS: '2', AGE: '5m',
    });
  });

  it.each([
    [[cpu(80)], [], 'cpu: <unknown>/80%'],
    [[], [], '<none>'],
    [[cpu(80), { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } }, cpu(90)], [], 'cpu: <unknown>/80%, memory: <unknown>/200Mi + 1 more...'],
  ])('TARGETS for %j is %s', (metrics, current, expected) => {
    expect(cells(horizontalpodautoscalers, hpa(metrics, current, 1)).TARGETS).toBe(expected);
  });

  it('converts an autoscaling/v1 target', () => {
    const v1 = obj('autoscaling/v1', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3, targetCPUUtilizationPercentage: 50 }, status: { currentCPUUtilizationPercentage: 12 } });
    expect(cells(horizontalpodautoscalers, v1).TARGETS).toBe('cpu: 12%/50%');
  });

  it('prints N/A for the unset side of a PDB', () => {
    const pdb = obj('policy/v1', 'PodDisruptionBudget', 'web', { spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } });
    expect(cells(poddisruptionbudgets, pdb)).toEqual({ NAME: 'web', 'MIN AVAILABLE': '50%', 'MAX UNAVAILABLE': 'N/A', 'ALLOWED DISRUPTIONS': '1', AGE: '5m' });
  });
});
