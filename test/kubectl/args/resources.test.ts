import { describe, expect, it } from 'vitest';
import { resolveResourceArgs, resolveResourceType, splitResourceArgument } from '../../../src/kubectl/args/resources.js';

/** Groups as `resource:name1,name2` for compact tables. */
const groups = (line: string) => {
  const r = resolveResourceArgs(line === '' ? [] : line.split(' '));
  return r.ok ? r.groups.map((g) => `${g.type.resource}:${g.names.join(',')}`) : r.error;
};

describe('resolveResourceType', () => {
  it.each([
    ['pods', 'pods'],
    ['pod', 'pods'],
    ['po', 'pods'],
    ['Pod', 'pods'],
    ['PODS', 'pods'],
    ['deploy', 'deployments'],
    ['Deployment', 'deployments'],
    ['deployment.apps', 'deployments'],
    ['deployments.apps', 'deployments'],
    ['deploy.apps', 'deployments'],
    ['deployments.v1.apps', 'deployments'],
    ['hpa', 'horizontalpodautoscalers'],
    ['hpa.autoscal', 'horizontalpodautoscalers'],
    ['horizontalpodautoscalers.v2.autoscaling', 'horizontalpodautoscalers'],
    ['svc', 'services'],
    ['ep', 'endpoints'],
    ['endpoints', 'endpoints'],
    ['netpol', 'networkpolicies'],
    ['networkpolicies.networking.k8s.io', 'networkpolicies'],
    ['roles.v1.rbac.authorization.k8s.io', 'roles'],
    ['pvc', 'persistentvolumeclaims'],
    ['PersistentVolumeClaim', 'persistentvolumeclaims'],
    ['ns', 'namespaces'],
    ['cj', 'cronjobs'],
    ['jobs.batch', 'jobs'],
  ])('%s -> %s', (arg, resource) => {
    expect(resolveResourceType(arg)?.resource).toBe(resource);
  });

  it.each(['foo', 'PO', 'deployments.v2.apps', 'pods.apps', 'deployment.app', ''])('%s is unknown', (arg) => {
    expect(resolveResourceType(arg)).toBeUndefined();
  });
});

describe('resolveResourceArgs', () => {
  it.each([
    ['', []],
    ['pods', ['pods:']],
    ['pod web', ['pods:web']],
    ['pod web other', ['pods:web,other']],
    ['pod/web', ['pods:web']],
    ['pods/web', ['pods:web']],
    ['deploy,svc', ['deployments:', 'services:']],
    ['deploy,svc,deploy', ['deployments:', 'services:']],
    ['deploy,svc web', ['deployments:web', 'services:web']],
    ['deploy,svc web api', ['deployments:web,api', 'services:web,api']],
    ['deploy/web svc/web', ['deployments:web', 'services:web']],
    ['deploy/web deployment.apps/api svc/web deploy/db', ['deployments:web,api', 'services:web', 'deployments:db']],
    ['deployments.v1.apps/web', ['deployments:web']],
    [
      'all',
      [
        'pods:',
        'replicationcontrollers:',
        'services:',
        'daemonsets:',
        'deployments:',
        'replicasets:',
        'statefulsets:',
        'horizontalpodautoscalers:',
        'cronjobs:',
        'jobs:',
      ],
    ],
    ['all,pvc', ['pods:', 'replicationcontrollers:', 'services:', 'daemonsets:', 'deployments:', 'replicasets:', 'statefulsets:', 'horizontalpodautoscalers:', 'cronjobs:', 'jobs:', 'persistentvolumeclaims:']],
  ])('%s', (line, expected) => {
    expect(groups(line)).toEqual(expected);
  });

  it.each([
    [
      'pod pod/web',
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    ],
    ['foo', 'the server doesn\'t have a resource type "foo"'],
    ['pods,foo', 'the server doesn\'t have a resource type "foo"'],
    ['foo.bar', 'the server doesn\'t have a resource type "foo"'],
    ['deployments.v2.apps/web', 'the server doesn\'t have a resource type "deployments"'],
    ['pods,', 'the server doesn\'t have a resource type ""'],
    ['foo/web', 'the server doesn\'t have a resource type "foo"'],
    ['all/web', 'the server doesn\'t have a resource type "all"'],
    ['all web', 'you must provide a resource and a resource name together'],
    ['pod/', 'arguments in resource/name form must have a single resource and name'],
    ['/web', 'arguments in resource/name form must have a single resource and name'],
    ['deploy,svc/web', 'arguments in resource/name form must have a single resource and name'],
    ['pod/a/b', 'arguments in resource/name form may not have more than one slash'],
  ])('rejects %s', (line, error) => {
    expect(groups(line)).toBe(error);
  });

  it('keeps discovery data on each group', () => {
    const r = resolveResourceArgs(['deploy/web']);
    expect(r.ok && r.groups[0]!.type).toMatchObject({ kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true });
  });
});

describe('splitResourceArgument', () => {
  it('drops repeats and keeps order and empty entries', () => {
    expect(splitResourceArgument('svc,pods,svc,,')).toEqual(['svc', 'pods', '']);
  });
});
