import { describe, expect, it } from 'vitest';
import { nameLine, printNames } from '../../../src/kubectl/printers/name.js';
import { hasKubectl, kubectl } from './real-kubectl.js';

const obj = (apiVersion: string, kind: string, name: string) => ({ apiVersion, kind, metadata: { name } });

describe('nameLine', () => {
  it.each([
    [obj('v1', 'Pod', 'web'), undefined, false, 'pod/web'],
    [obj('apps/v1', 'Deployment', 'web'), 'created', false, 'deployment.apps/web created'],
    [obj('apps/v1', 'Deployment', 'web'), 'created', true, 'deployment.apps/web created (dry run)'],
    [obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'x'), 'created', true, 'clusterrolebinding.rbac.authorization.k8s.io/x created (dry run)'],
    [obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web'), 'autoscaled', false, 'horizontalpodautoscaler.autoscaling/web autoscaled'],
    [obj('apps/v1', 'Deployment', 'web'), 'image updated', false, 'deployment.apps/web image updated'],
  ])('%j %s dry-run=%s → %s', (o, op, dry, expected) => {
    expect(nameLine(o, op, dry)).toBe(expected);
  });

  it('prints one line per object for -o name', () => {
    expect(printNames([obj('v1', 'Service', 'a'), obj('batch/v1', 'Job', 'pi')])).toBe('service/a\njob.batch/pi\n');
  });
});

describe.skipIf(!hasKubectl)('against the real kubectl', () => {
  it.each([
    [['create', 'deployment', 'web', '--image=nginx'], obj('apps/v1', 'Deployment', 'web')],
    [['create', 'configmap', 'app-cfg', '--from-literal=a=b'], obj('v1', 'ConfigMap', 'app-cfg')],
    [['create', 'clusterrolebinding', 'x', '--clusterrole=view'], obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'x')],
  ])('matches kubectl %j --dry-run=client', (args, o) => {
    expect(kubectl([...args, '--dry-run=client'])).toBe(`${nameLine(o, 'created', true)}\n`);
  });
});
