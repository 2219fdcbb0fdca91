import { describe, expect, it } from 'vitest';
import { cronjobs, jobs } from '../../../../src/kubectl/printers/kinds/batch.js';
import { controllerrevisions, daemonsets, deployments, pods, replicasets, replicationcontrollers, statefulsets } from '../../../../src/kubectl/printers/kinds/workloads.js';
import { ago, cells, headers, obj } from './helpers.js';

const template = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] } };

describe('columns', () => {
  it.each([
    [pods, 'NAME READY STATUS RESTARTS AGE', 'IP NODE NOMINATED NODE READINESS GATES'],
    [deployments, 'NAME READY UP-TO-DATE AVAILABLE AGE', 'CONTAINERS IMAGES SELECTOR'],
    [replicasets, 'NAME DESIRED CURRENT READY AGE', 'CONTAINERS IMAGES SELECTOR'],
    [statefulsets, 'NAME READY AGE', 'CONTAINERS IMAGES'],
    [daemonsets, 'NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE', 'CONTAINERS IMAGES SELECTOR'],
    [jobs, 'NAME STATUS COMPLETIONS DURATION AGE', 'CONTAINERS IMAGES SELECTOR'],
    [cronjobs, 'NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE', 'CONTAINERS IMAGES SELECTOR'],
    [replicationcontrollers, 'NAME DESIRED CURRENT READY AGE', 'CONTAINERS IMAGES SELECTOR'],
    [controllerrevisions, 'NAME CONTROLLER REVISION AGE', ''],
  ])('%#: default then wide', (table, normal, wide) => {
    expect(headers(table).join(' ')).toBe(normal);
    expect(headers(table, true).join(' ')).toBe(`${normal} ${wide}`.trim());
  });
});

describe('pods', () => {
  it('shows IP, node and <none> for what is unset in wide output', () => {
    const pod = obj('v1', 'Pod', 'web', { spec: { containers: [{ name: 'c' }], nodeName: 'node01' }, status: { phase: 'Pending', podIPs: [{ ip: '10.244.1.5' }] } });
    expect(cells(pods, pod, true)).toEqual({
      NAME: 'web', READY: '0/1', STATUS: 'Pending', RESTARTS: '0', AGE: '5m', IP: '10.244.1.5', NODE: 'node01', 'NOMINATED NODE': '<none>', 'READINESS GATES': '<none>',
    });
  });

  it('counts true readiness gates', () => {
    const pod = obj('v1', 'Pod', 'web', {
      spec: { containers: [], readinessGates: [{ conditionType: 'a' }, { conditionType: 'b' }] },
      status: { conditions: [{ type: 'a', status: 'True' }, { type: 'b', status: 'False' }] },
    });
    expect(cells(pods, pod, true)['READINESS GATES']).toBe('1/2');
    expect(cells(pods, pod, true).IP).toBe('<none>');
  });
});

describe('apps workloads', () => {
  it('prints a deployment as ready/desired with comma-joined containers', () => {
    const d = obj('apps/v1', 'Deployment', 'web', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    });
    expect(cells(deployments, d, true)).toEqual({
      NAME: 'web', READY: '2/3', 'UP-TO-DATE': '3', AVAILABLE: '2', AGE: '5m', CONTAINERS: 'nginx,log', IMAGES: 'nginx:1.25,busybox', SELECTOR: 'app=web',
    });
  });

  it('prints zeros for a deployment with no status yet', () => {
    expect(cells(deployments, obj('apps/v1', 'Deployment', 'web', { spec: { replicas: 1, template } }))).toEqual({ NAME: 'web', READY: '0/1', 'UP-TO-DATE': '0', AVAILABLE: '0', AGE: '5m' });
  });

  it('prints a replicaset with DESIRED from spec and CURRENT/READY from status', () => {
    const rs = obj('apps/v1', 'ReplicaSet', 'web-7d4b9c8f6d', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' } }, template }, status: { replicas: 3, readyReplicas: 1 },
    });
    expect(cells(replicasets, rs, true)).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '1', SELECTOR: 'app=web,pod-template-hash=7d4b9c8f6d' });
  });

  it('formats matchExpressions selectors like labels.Selector', () => {
    const rs = obj('apps/v1', 'ReplicaSet', 'x', {
      spec: { selector: { matchLabels: { b: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['z', 'y'] }, { key: 'c', operator: 'DoesNotExist' }] }, template },
    });
    expect(cells(replicasets, rs, true).SELECTOR).toBe('a in (y,z),b=1,!c');
  });

  it('prints a statefulset READY as ready/desired', () => {
    expect(cells(statefulsets, obj('apps/v1', 'StatefulSet', 'db', { spec: { replicas: 3, template }, status: { readyReplicas: 3 } }))).toEqual({ NAME: 'db', READY: '3/3', AGE: '5m' });
  });

  it('prints a daemonset NODE SELECTOR or <none>', () => {
    const ds = obj('apps/v1', 'DaemonSet', 'agent', {
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    });
    expect(cells(daemonsets, ds)).toEqual({ NAME: 'agent', DESIRED: '3', CURRENT: '3', READY: '2', 'UP-TO-DATE': '3', AVAILABLE: '2', 'NODE SELECTOR': 'kubernetes.io/os=linux', AGE: '5m' });
    expect(cells(daemonsets, obj('apps/v1', 'DaemonSet', 'x', { spec: { template } }))['NODE SELECTOR']).toBe('<none>');
  });

  it('names the controlling owner of a controller revision as kind.group/name', () => {
    const cr = obj('apps/v1', 'ControllerRevision', 'db-5f7', { revision: 2 }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true }] });
    expect(cells(controllerrevisions, cr)).toEqual({ NAME: 'db-5f7', CONTROLLER: 'statefulset.apps/db', REVISION: '2', AGE: '5m' });
  });
});

describe('jobs', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
    obj('batch/v1', 'Job', 'pi', { spec: { template, ...spec }, status }, meta);

  it.each([
    [{ completions: 3 }, { succeeded: 1 }, '1/3'],
    [{ parallelism: 2 }, { succeeded: 0 }, '0/1 of 2'],
    [{}, { succeeded: 1 }, '1/1'],
  ])('COMPLETIONS for %j %j is %s', (spec, status, expected) => {
    expect(cells(jobs, job(spec, status)).COMPLETIONS).toBe(expected);
  });

  it.each([
    [{ conditions: [{ type: 'Complete', status: 'True' }] }, {}, 'Complete'],
    [{ conditions: [{ type: 'Failed', status: 'True' }] }, {}, 'Failed'],
    [{}, { deletionTimestamp: ago(1) }, 'Terminating'],
    [{ conditions: [{ type: 'Suspended', status: 'True' }] }, {}, 'Suspended'],
    [{ conditions: [{ type: 'FailureTarget', status: 'True' }] }, {}, 'FailureTarget'],
    [{ conditions: [{ type: 'Complete', status: 'False' }] }, {}, 'Running'],
  ])('STATUS for %j %j is %s', (status, meta, expected) => {
    expect(cells(jobs, job({}, status, meta)).STATUS).toBe(expected);
  });

  it('DURATION is empty before start, running time while running, and start to completion after', () => {
    expect(cells(jobs, job({})).DURATION).toBe('');
    expect(cells(jobs, job({}, { startTime: ago(45) })).DURATION).toBe('45s');
    expect(cells(jobs, job({}, { startTime: ago(200), completionTime: ago(50) })).DURATION).toBe('2m30s');
  });
});

describe('cronjobs', () => {
  it('shows <none> for unset timezone and last schedule, False for suspend: false', () => {
    const cj = obj('batch/v1', 'CronJob', 'hello', { spec: { schedule: '*/1 * * * *', suspend: false, jobTemplate: { spec: { template } } }, status: {} });
    expect(cells(cronjobs, cj)).toEqual({ NAME: 'hello', SCHEDULE: '*/1 * * * *', TIMEZONE: '<none>', SUSPEND: 'False', ACTIVE: '0', 'LAST SCHEDULE': '<none>', AGE: '5m' });
  });

  it('shows <unset> suspend, the timezone, active jobs and time since the last schedule', () => {
    const cj = obj('batch/v1', 'CronJob', 'hello', {
      spec: { schedule: '0 * * * *', timeZone: 'Etc/UTC', jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'hello-1' }], lastScheduleTime: ago(30) },
    });
    expect(cells(cronjobs, cj)).toMatchObject({ TIMEZONE: 'Etc/UTC', SUSPEND: '<unset>', ACTIVE: '1', 'LAST SCHEDULE': '30s' });
  });
});
