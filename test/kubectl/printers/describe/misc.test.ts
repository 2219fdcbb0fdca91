import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { describe } from '../../../../src/kubectl/printers/describe/index.js';
import { contextOf } from './fixtures.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const NOW = '2024-07-01T10:05:00Z';
const ctx = (...objects: KubeObject[]) => contextOf(NOW, objects);

suite('describe namespace', () => {
  it('says there is no quota and no limit range', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, status: { phase: 'Active' } };
    expect(describe('namespaces', ns, ctx(ns))).toBe(
      lines(
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    );
  });
});

suite('describe configmap and secret', () => {
  it('prints configmap data and an empty BinaryData section', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { mode: 'dev', 'app.conf': 'a=1\nb=2' } };
    expect(describe('configmaps', cm, ctx(cm))).toBe(
      lines(
        'Name:         app',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'app.conf:',
        '----',
        'a=1',
        'b=2',
        '',
        'mode:',
        '----',
        'dev',
        '',
        '',
        'BinaryData',
        '====',
        '',
        'Events:  <none>',
      ),
    );
  });

  it('prints secret sizes, never values', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'default' },
      type: 'Opaque',
      data: { username: Buffer.from('admin').toString('base64'), password: Buffer.from('s3cr3t!').toString('base64') },
    };
    expect(describe('secrets', secret, ctx(secret))).toBe(
      lines('Name:         db', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  7 bytes', 'username:  5 bytes'),
    );
  });
});

suite('describe serviceaccount', () => {
  it('prints the three secret headers', () => {
    const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default', uid: 'sa' } };
    expect(describe('serviceaccounts', sa, ctx(sa))).toBe(
      lines(
        'Name:                default',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  <none>',
        'Mountable secrets:   <none>',
        'Tokens:              <none>',
        'Events:              <none>',
      ),
    );
  });
});

suite('describe rbac', () => {
  it('breaks down, compacts and sorts rules by their PolicyRule string (verbs first)', () => {
    const role: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pod-reader', namespace: 'default' },
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'watch', 'list'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'], verbs: ['get'] },
      ],
    };
    expect(describe('roles', role, ctx(role))).toBe(
      lines(
        'Name:         pod-reader',
        'Labels:       <none>',
        'Annotations:  <none>',
        'PolicyRule:',
        '  Resources         Non-Resource URLs  Resource Names  Verbs',
        '  ---------         -----------------  --------------  -----',
        '  deployments.apps  []                 []              [create]',
        // "[get watch list]" sorts before "[get]": a space is less than "]".
        '  pods/log          []                 []              [get watch list]',
        '  pods              []                 []              [get watch list]',
        '  configmaps        []                 [app]           [get]',
      ),
    );
  });

  it('prints a binding with its role and subjects', () => {
    const rb: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'read-pods', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      subjects: [
        { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'ServiceAccount', name: 'ci', namespace: 'default' },
      ],
    };
    expect(describe('rolebindings', rb, ctx(rb))).toBe(
      lines(
        'Name:         read-pods',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Role:',
        '  Kind:  Role',
        '  Name:  pod-reader',
        'Subjects:',
        '  Kind            Name  Namespace',
        '  ----            ----  ---------',
        '  User            jane  ',
        '  ServiceAccount  ci    default',
      ),
    );
  });
});

suite('describe storage', () => {
  it('prints a pending claim with empty capacity and its user', () => {
    const pvc: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default', finalizers: ['kubernetes.io/pvc-protection'] },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    };
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db-0', namespace: 'default' }, spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } };
    expect(describe('persistentvolumeclaims', pvc, ctx(pvc, pod))).toBe(
      lines(
        'Name:          data',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Pending',
        'Volume:        ',
        'Labels:        <none>',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      ',
        'Access Modes:  ',
        'VolumeMode:    Filesystem',
        'Used By:       db-0',
        'Events:        <none>',
      ),
    );
  });

  it('prints a hostPath volume bound to a claim', () => {
    const pv: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-1', finalizers: ['kubernetes.io/pv-protection'] },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'manual',
        volumeMode: 'Filesystem',
        hostPath: { path: '/mnt/data', type: '' },
        claimRef: { namespace: 'default', name: 'data' },
      },
      status: { phase: 'Bound' },
    };
    expect(describe('persistentvolumes', pv, ctx(pv))).toBe(
      lines(
        'Name:            pv-1',
        'Labels:          <none>',
        'Annotations:     <none>',
        'Finalizers:      [kubernetes.io/pv-protection]',
        'StorageClass:    manual',
        'Status:          Bound',
        'Claim:           default/data',
        'Reclaim Policy:  Retain',
        'Access Modes:    RWO,ROX',
        'VolumeMode:      Filesystem',
        'Capacity:        1Gi',
        'Node Affinity:   <none>',
        'Message:         ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /mnt/data',
        '    HostPathType:  ',
        'Events:            <none>',
      ),
    );
  });
});

suite('describe job and cronjob', () => {
  it('prints a completed job with its duration', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default', uid: 'j' },
      spec: {
        parallelism: 1,
        completions: 1,
        completionMode: 'NonIndexed',
        suspend: false,
        backoffLimit: 6,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'j' } },
        template: { metadata: { labels: { 'job-name': 'pi' } }, spec: { containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }], restartPolicy: 'Never' } },
      },
      status: { startTime: '2024-07-01T10:00:00Z', completionTime: '2024-07-01T10:00:42Z', succeeded: 1, ready: 0 },
    };
    expect(describe('jobs', job, ctx(job))).toContain(
      lines(
        'Completions:      1',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    6',
        'Start Time:       Mon, 01 Jul 2024 10:00:00 +0000',
        'Completed At:     Mon, 01 Jul 2024 10:00:42 +0000',
        'Duration:         42s',
        'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
        'Pod Template:',
      ),
    );
  });

  it('prints a cronjob with unset limits as <unset>', () => {
    const cj: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default' },
      spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }] } } } } },
      status: {},
    };
    expect(describe('cronjobs', cj, ctx(cj))).toContain(
      lines(
        'Schedule:                      */1 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      <unset>',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        'Pod Template:',
      ),
    );
  });
});

suite('generic describer', () => {
  it('prints fields with smart labels for kinds without a describer', () => {
    const lease: KubeObject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node01', namespace: 'kube-node-lease', uid: 'l1', resourceVersion: '42', creationTimestamp: '2024-07-01T10:00:00Z' },
      spec: { holderIdentity: 'node01', leaseDurationSeconds: 40 },
    };
    expect(describe('leases', lease, ctx(lease))).toBe(
      lines(
        'Name:         node01',
        'Namespace:    kube-node-lease',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  coordination.k8s.io/v1',
        'Kind:         Lease',
        'Metadata:',
        '  Creation Timestamp:  2024-07-01T10:00:00Z',
        '  Resource Version:    42',
        '  UID:                 l1',
        'Spec:',
        '  Holder Identity:         node01',
        '  Lease Duration Seconds:  40',
        'Events:                    <none>',
      ),
    );
  });
});
