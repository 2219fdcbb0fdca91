import { describe, expect, it } from 'vitest';
import { applyDefaults, imageTag, jobCreateDefaults, podQOSClass, prepareForCreate } from '../../../../src/engine/api/defaults/index.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';

const pod = (spec: object): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

describe('image tags decide imagePullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:abcd', 'IfNotPresent'],
  ])('%s -> %s', (image, policy) => {
    const out = applyDefaults(pod({ containers: [{ name: 'c', image }] }));
    expect(out.spec.containers[0].imagePullPolicy).toBe(policy);
  });
  it('reads the tag of the last path segment', () => expect(imageTag('registry:5000/team/app:1.2')).toBe('1.2'));
});

describe('Pod defaults', () => {
  it('fills the spec as a v1.30 server does', () => {
    const input = pod({ containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] });
    const out = applyDefaults(input);
    expect(out.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx:1.25',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    expect(input.spec.dnsPolicy).toBeUndefined();
  });

  it('keeps values the user set', () => {
    const out = applyDefaults(pod({ restartPolicy: 'Never', terminationGracePeriodSeconds: 0, containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'Never' }] }));
    expect([out.spec.restartPolicy, out.spec.terminationGracePeriodSeconds, out.spec.containers[0].imagePullPolicy]).toEqual(['Never', 0, 'Never']);
  });

  it('defaults probes and their HTTP handlers', () => {
    const out = applyDefaults(pod({ containers: [{ name: 'c', image: 'x:1', livenessProbe: { httpGet: { port: 8080 } }, readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 } }] }));
    expect(out.spec.containers[0].livenessProbe).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(out.spec.containers[0].readinessProbe.periodSeconds).toBe(5);
  });

  it('defaults volume sources', () => {
    const out = applyDefaults(pod({ containers: [], volumes: [{ name: 'a' }, { name: 'b', configMap: { name: 'cm' } }, { name: 'c', secret: { secretName: 's' } }, { name: 'd', hostPath: { path: '/x' } }] }));
    expect(out.spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'c', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'd', hostPath: { path: '/x', type: '' } },
    ]);
  });

  it('defaults requests to limits on Pods', () => {
    const out = applyDefaults(pod({ containers: [{ name: 'c', image: 'x:1', resources: { limits: { cpu: '500m' }, requests: { memory: '64Mi' } } }] }));
    expect(out.spec.containers[0].resources).toEqual({ limits: { cpu: '500m' }, requests: { memory: '64Mi', cpu: '500m' } });
  });

  it('mirrors serviceAccountName into the deprecated serviceAccount', () => {
    expect(applyDefaults(pod({ containers: [], serviceAccountName: 'bot' })).spec.serviceAccount).toBe('bot');
  });
});

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

describe('workload defaults', () => {
  it('Deployment', () => {
    const out = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
    expect(out.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
    expect(out.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web' } });
    expect(out.spec.template.spec.securityContext).toEqual({});
    // enableServiceLinks and priority are Pod-only.
    expect(out.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(out.spec.template.spec.priority).toBeUndefined();
  });

  it('Deployment with Recreate gets no rollingUpdate', () => {
    const out = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: { strategy: { type: 'Recreate' }, template } });
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('ReplicaSet', () => {
    expect(applyDefaults({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template } }).spec.replicas).toBe(1);
  });

  it('StatefulSet', () => {
    const out = applyDefaults({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', template, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } });
    expect(out.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(out.spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  });

  it('DaemonSet', () => {
    const out = applyDefaults({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template } });
    expect(out.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(out.spec.revisionHistoryLimit).toBe(10);
  });

  it('Job', () => {
    const out = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } } } });
    expect(out.spec).toMatchObject({ parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(out.spec.manualSelector).toBeUndefined();
  });

  it('Job with only parallelism leaves completions unset', () => {
    const out = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'w' }, spec: { parallelism: 3, template } });
    expect([out.spec.parallelism, out.spec.completions]).toEqual([3, undefined]);
  });

  it('jobCreateDefaults adds the selector and the controller labels', () => {
    const job = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } });
    const out = jobCreateDefaults(job, 'u-1');
    const labels = { 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi' };
    expect(out.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
    expect(out.spec.template.metadata.labels).toEqual(labels);
    expect(out.metadata.labels).toEqual(labels);
    expect(job.spec.selector).toBeUndefined();
  });

  it('jobCreateDefaults leaves a manual selector alone', () => {
    const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { manualSelector: true, selector: { matchLabels: { a: 'b' } }, template } };
    expect(jobCreateDefaults(job, 'u').spec.selector).toEqual({ matchLabels: { a: 'b' } });
  });

  it('CronJob', () => {
    const out = applyDefaults({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } });
    expect(out.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(out.spec.jobTemplate.metadata).toEqual({ creationTimestamp: null });
    expect(out.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(out.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
  });
});

const svc = (spec: object): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec });

describe('Service defaults', () => {
  it('ClusterIP', () => {
    expect(applyDefaults(svc({ selector: { app: 'web' }, ports: [{ port: 80 }] })).spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
  });
  it('NodePort and LoadBalancer get externalTrafficPolicy; LoadBalancer allocates node ports', () => {
    expect(applyDefaults(svc({ type: 'NodePort', ports: [{ port: 80 }] })).spec.externalTrafficPolicy).toBe('Cluster');
    const lb = applyDefaults(svc({ type: 'LoadBalancer', ports: [{ port: 80 }] })).spec;
    expect([lb.externalTrafficPolicy, lb.allocateLoadBalancerNodePorts]).toEqual(['Cluster', true]);
  });
  it('ExternalName gets no IP families or traffic policies', () => {
    const spec = applyDefaults(svc({ type: 'ExternalName', externalName: 'example.com' })).spec;
    expect(spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });
  it('headless without selector requires dual stack', () => {
    expect(applyDefaults(svc({ clusterIP: 'None' })).spec.ipFamilyPolicy).toBe('RequireDualStack');
  });
  it('ClientIP affinity gets the 3h timeout', () => {
    expect(applyDefaults(svc({ sessionAffinity: 'ClientIP' })).spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });
});

describe('other kinds', () => {
  it.each<[string, KubeObject, (o: KubeObject) => unknown, unknown]>([
    ['Secret type', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }, (o) => o.type, 'Opaque'],
    ['PVC volumeMode', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: {} }, (o) => [o.spec.volumeMode, o.status.phase], ['Filesystem', 'Pending']],
    ['PV reclaim', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: {} }, (o) => [o.spec.persistentVolumeReclaimPolicy, o.spec.volumeMode], ['Retain', 'Filesystem']],
    ['StorageClass', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' }, provisioner: 'p' }, (o) => [o.reclaimPolicy, o.volumeBindingMode], ['Delete', 'Immediate']],
    ['Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, (o) => [o.metadata.labels, o.status], [{ 'kubernetes.io/metadata.name': 'dev' }, { phase: 'Active' }]],
    ['RoleBinding', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'sa', namespace: 'd' }, { kind: 'ServiceAccount', apiGroup: '', name: 'sb', namespace: 'd' }] }, (o) => [o.roleRef.apiGroup, o.subjects[0].apiGroup, 'apiGroup' in o.subjects[1], 'apiGroup' in o.subjects[2]], ['rbac.authorization.k8s.io', 'rbac.authorization.k8s.io', false, false]],
    ['HPA v2', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { maxReplicas: 5 } }, (o) => [o.spec.minReplicas, o.spec.metrics[0].resource.target.averageUtilization], [1, 80]],
    ['NetworkPolicy', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } }, (o) => [o.spec.policyTypes, o.spec.egress[0].ports[0].protocol], [['Ingress', 'Egress'], 'TCP']],
    ['Node allocatable', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { capacity: { cpu: '2' } } }, (o) => o.status.allocatable, { cpu: '2' }],
  ])('%s', (_name, obj, pick, expected) => {
    expect(pick(applyDefaults(obj))).toEqual(expected);
  });
});

describe('prepareForCreate', () => {
  it('adds the kubernetes finalizer to a Namespace', () => {
    expect(prepareForCreate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }).spec).toEqual({ finalizers: ['kubernetes'] });
  });
  it.each([
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }, 'Burstable'],
  ])('QoS of %j is %s', (resources, qos) => {
    expect(podQOSClass({ containers: [{ name: 'c', resources }] })).toBe(qos);
    expect(prepareForCreate(pod({ containers: [{ name: 'c', resources }] })).status).toEqual({ phase: 'Pending', qosClass: qos });
  });
});
