import { describe, expect, it } from 'vitest';
import { jobCreateDefaults, applyDefaults } from '../../../../src/engine/api/defaults/index.js';
import { validateCreate } from '../../../../src/engine/api/validation/index.js';
import { createErrors, deployment, pod, render, template, updateErrors } from './helpers.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('metadata', () => {
  it('rejects a Pod name that is not a subdomain', () => {
    expect(createErrors(pod('Web_1', { containers: [{ name: 'c', image: 'nginx' }] }))).toEqual([`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN_MSG}`]);
  });
  it('requires a name or generateName', () => {
    expect(createErrors(pod('', { containers: [{ name: 'c', image: 'nginx' }] }))).toEqual(['metadata.name: Required value: name or generateName is required']);
  });
  it('accepts a generateName ending in a dash', () => {
    expect(createErrors(pod('', { containers: [{ name: 'c', image: 'nginx' }] }, { name: 'x', generateName: 'web-' }))).toEqual([]);
  });
  it('checks label keys and values on metadata.labels', () => {
    const errs = createErrors(pod('p', { containers: [{ name: 'c', image: 'nginx' }] }, { labels: { 'app!': 'ok', tier: 'front end' } }));
    expect(errs.map((e) => e.slice(0, 48))).toEqual(['metadata.labels: Invalid value: "app!": name par', 'metadata.labels: Invalid value: "front end": a v']);
  });
  it('names a Namespace as an RFC 1123 label and a Service as a DNS-1035 label', () => {
    expect(createErrors({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev.team' } })).toEqual(['metadata.name: Invalid value: "dev.team": must not contain dots']);
    expect(createErrors({ apiVersion: 'v1', kind: 'Service', metadata: { name: '9web' }, spec: { ports: [{ port: 80 }] } })[0]).toMatch(/^metadata\.name: Invalid value: "9web": a DNS-1035 label must/);
  });
});

describe('Pod spec', () => {
  it.each<[string, object, string[]]>([
    ['missing image', { containers: [{ name: 'web' }] }, ['spec.containers[0].image: Required value']],
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    ['duplicate container names', { containers: [{ name: 'a', image: 'x:1' }, { name: 'a', image: 'y:1' }] }, ['spec.containers[1].name: Duplicate value: "a"']],
    [
      'duplicate port names',
      { containers: [{ name: 'a', image: 'x:1', ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] }] },
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    ['port out of range', { containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 70000 }] }] }, ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    [
      'request above limit',
      { containers: [{ name: 'a', image: 'x:1', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] },
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ],
    [
      'memory request above limit prints canonical quantities',
      { containers: [{ name: 'a', image: 'x:1', resources: { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } } }] },
      ['spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi'],
    ],
    ['mount of an unknown volume', { containers: [{ name: 'a', image: 'x:1', volumeMounts: [{ name: 'data', mountPath: '/d' }] }] }, ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['liveness successThreshold', { containers: [{ name: 'a', image: 'x:1', livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }] }, ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['probe without handler', { containers: [{ name: 'a', image: 'x:1', readinessProbe: {} }] }, ['spec.containers[0].readinessProbe: Required value: must specify a handler type']],
    ['configMap volume without name', { containers: [{ name: 'a', image: 'x:1' }], volumes: [{ name: 'v', configMap: {} }] }, ['spec.volumes[0].configMap.name: Required value']],
    ['env var without name', { containers: [{ name: 'a', image: 'x:1', env: [{ value: 'x' }] }] }, ['spec.containers[0].env[0].name: Required value']],
  ])('%s', (_name, spec, expected) => {
    expect(createErrors(pod('p', spec))).toEqual(expected);
  });

  it('accepts a valid pod', () => {
    expect(createErrors(pod('nginx', { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] }))).toEqual([]);
  });
});

describe('Pod update', () => {
  const base = pod('web', { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] });
  it('allows changing the image', () => {
    expect(updateErrors(pod('web', { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }), base)).toEqual([]);
  });
  it('forbids changing anything else, with the real message', () => {
    const errs = updateErrors(pod('web', { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 8080 }] }] }), base);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.split('\n')[0]).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(errs[0]).toContain('core.PodSpec{');
  });
  it('forbids adding containers', () => {
    expect(updateErrors(pod('web', { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'busybox' }] }), base)).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });
  it('allows adding tolerations but not removing them', () => {
    const tol = { key: 'k', operator: 'Exists', effect: 'NoSchedule' };
    const withTol = pod('web', { ...base.spec, tolerations: [tol] });
    expect(updateErrors(withTol, base)).toEqual([]);
    expect(updateErrors(base, withTol)[0]).toMatch(/^spec: Forbidden: pod updates may not change/);
  });
});

describe('Deployment', () => {
  it('requires a selector and reports the template mismatch (reference §5 example)', () => {
    expect(createErrors(deployment({ template: template({ app: 'x' }) }))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });
  it('rejects a selector that does not match', () => {
    expect(createErrors(deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'x' }) }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });
  it('prints missing template labels as a nil map', () => {
    expect(createErrors(deployment({ selector: { matchLabels: { app: 'web' } }, template: template(undefined) }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ]);
  });
  it('rejects negative replicas and a non-Always restartPolicy', () => {
    const t = { ...template({ app: 'web' }), spec: { restartPolicy: 'Never', containers: [{ name: 'web', image: 'nginx' }] } };
    expect(createErrors(deployment({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: t }))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });
  it('prefixes template container errors with the template path', () => {
    expect(createErrors(deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, [{ name: 'web' }]) }))).toEqual(['spec.template.spec.containers[0].image: Required value']);
  });
  it('keeps the selector immutable', () => {
    const old = deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web', v: '2' }) });
    const next = deployment({ selector: { matchLabels: { app: 'web', v: '2' } }, template: template({ app: 'web', v: '2' }) });
    expect(updateErrors(next, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
  it('rejects maxSurge and maxUnavailable both 0', () => {
    const d = deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } });
    expect(createErrors(d)).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']);
  });
});

describe('StatefulSet', () => {
  const sts = (spec: object): KubeObject => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec });
  it('lets mounts name a volumeClaimTemplate', () => {
    const t = template({ app: 'db' }, [{ name: 'db', image: 'postgres:16', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql' }] }]);
    expect(createErrors(sts({ serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: t, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }))).toEqual([]);
  });
  it('forbids updating fields other than the mutable ones', () => {
    const old = sts({ serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }) });
    const next = sts({ serviceName: 'other', selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }) });
    expect(updateErrors(next, old)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });
});

describe('Job and CronJob', () => {
  const jobTemplate = { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } };
  const job = (spec: object): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', uid: 'u-1' }, spec });
  it('validates cleanly after the create-time selector is generated', () => {
    const created = jobCreateDefaults(applyDefaults({ ...job({ template: jobTemplate }), metadata: { name: 'pi', namespace: 'default', uid: 'u-1' } }), 'u-1');
    expect(validateCreate(created).map(render)).toEqual([]);
  });
  it('requires restartPolicy OnFailure or Never', () => {
    const created = jobCreateDefaults(applyDefaults({ ...job({ template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } }), metadata: { name: 'pi', namespace: 'default', uid: 'u-1' } }), 'u-1');
    expect(validateCreate(created).map(render)).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });
  it('keeps the template immutable', () => {
    const old = jobCreateDefaults(applyDefaults(job({ template: jobTemplate })), 'u-1');
    const next = { ...old, spec: { ...old.spec, template: { ...old.spec.template, spec: { ...old.spec.template.spec, containers: [{ name: 'pi', image: 'perl:5.36' }] } } } };
    expect(updateErrors(next, old)).toEqual(['spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable']);
  });
  const cron = (schedule: string, name = 'hello'): KubeObject => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name }, spec: { schedule, jobTemplate: { spec: { template: jobTemplate } } } });
  it.each([
    ['*/5 * * * *', []],
    ['@hourly', []],
    ['0 0 * * MON-FRI', []],
    ['hello', ['spec.schedule: Invalid value: "hello": expected exactly 5 fields, found 1: [hello]']],
    ['* * * * * *', ['spec.schedule: Invalid value: "* * * * * *": expected exactly 5 fields, found 6: [* * * * * *]']],
    ['60 * * * *', ['spec.schedule: Invalid value: "60 * * * *": end of range (60) above maximum (59): 60']],
    ['x * * * *', ['spec.schedule: Invalid value: "x * * * *": failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax']],
    ['@fortnightly', ['spec.schedule: Invalid value: "@fortnightly": unrecognized descriptor: @fortnightly']],
    ['', ['spec.schedule: Required value']],
  ])('schedule %j', (schedule, expected) => {
    expect(createErrors(cron(schedule))).toEqual(expected);
  });
  it('limits CronJob names to 52 characters', () => {
    expect(createErrors(cron('* * * * *', 'a'.repeat(53)))).toEqual([`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`]);
  });
});

describe('Service', () => {
  const svc = (spec: object, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
  it.each<[string, object, string[]]>([
    ['no ports', { selector: { app: 'web' } }, ['spec.ports: Required value']],
    ['port out of range', { ports: [{ port: 0 }] }, ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['unnamed ports when several', { ports: [{ port: 80 }, { port: 443 }] }, ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['nodePort on ClusterIP', { ports: [{ port: 80, nodePort: 30080 }] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    [
      'duplicate ports',
      { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] },
      ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    ],
    ['ExternalName without a name', { type: 'ExternalName' }, ['spec.externalName: Required value']],
    ['headless without ports', { clusterIP: 'None', selector: { app: 'db' } }, []],
  ])('%s', (_name, spec, expected) => {
    expect(createErrors(svc(spec))).toEqual(expected);
  });
  it('keeps clusterIP immutable', () => {
    const old = svc({ clusterIP: '10.96.5.5', ports: [{ port: 80 }] });
    expect(updateErrors(svc({ clusterIP: '10.96.5.6', ports: [{ port: 80 }] }), old)).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.5.6"}: may not change once set']);
  });
});

describe('storage', () => {
  it('PVC needs access modes and a storage request', () => {
    expect(createErrors({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: {} })).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
  });
  it('a bound PVC may grow but not shrink', () => {
    const old: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd' }, spec: { accessModes: ['ReadWriteOnce'], volumeName: 'pv1', resources: { requests: { storage: '2Gi' } } }, status: { phase: 'Bound' } };
    const resized = (size: string): KubeObject => ({ ...old, spec: { ...old.spec, resources: { requests: { storage: size } } } });
    expect(updateErrors(resized('5Gi'), old)).toEqual([]);
    expect(updateErrors(resized('1Gi'), old)).toEqual(['spec.resources.requests.storage: Forbidden: field can not be less than previous value']);
  });
  it('PV needs access modes, capacity and a source', () => {
    expect(createErrors({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/d' } } })).toEqual(['spec.accessModes: Required value']);
  });
});

describe('RBAC', () => {
  it('rules need verbs, groups and resources', () => {
    expect(createErrors({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' }, rules: [{ resources: ['pods'] }] })).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
    ]);
  });
  it('a binding may not change its roleRef', () => {
    const b = (name: string): KubeObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name }, subjects: [{ kind: 'User', name: 'jane' }] });
    expect(createErrors(b('view'))).toEqual([]);
    expect(updateErrors(b('edit'), b('view'))).toEqual(['roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef']);
  });
});

describe('ConfigMap and Secret', () => {
  it('rejects bad keys', () => {
    expect(createErrors({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'a b': 'x' } })[0]).toMatch(/^data\[a b\]: Invalid value: "a b": a valid config key must consist/);
  });
  it('freezes immutable data', () => {
    const old: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, immutable: true, data: { a: '1' } };
    expect(updateErrors({ ...old, data: { a: '2' } }, old)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });
  it('needs the keys of a TLS secret', () => {
    expect(createErrors({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/tls', data: {} })).toEqual(['data[tls.crt]: Required value', 'data[tls.key]: Required value']);
  });
});
