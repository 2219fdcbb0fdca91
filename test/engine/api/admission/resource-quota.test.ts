import { describe, expect, it } from 'vitest';
import { computeQuotaUsage, resourceQuota } from '../../../../src/engine/api/admission/index.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { NOW, pod, quota, request, storeOf } from './fixtures.js';

const compute = quota('dev', 'compute-quota', { 'requests.cpu': '2', 'requests.memory': '1Gi', 'limits.cpu': '4', pods: '3' });
const sized = (name: string, cpu: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  ...pod(name, [{ name: 'nginx', resources: { requests: { cpu, memory: '128Mi' }, limits: { cpu } } }], 'dev'),
  ...extra,
});
const check = (obj: KubeObject, objects: KubeObject[], resource = 'pods') => resourceQuota.validate!(request(resource, obj, objects))?.message;

describe('ResourceQuota admission', () => {
  it('admits a pod that fits', () => {
    expect(check(sized('web-2', '1'), [compute, sized('web-1', '1')])).toBeUndefined();
  });

  it('refuses a pod that would exceed the quota, with the real wording', () => {
    expect(check(sized('web-2', '2'), [compute, sized('web-1', '1')])).toBe(
      'pods "web-2" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2',
    );
  });

  it('lists every exceeded resource, sorted', () => {
    expect(check(sized('web-2', '3'), [compute, sized('web-1', '1500m')])).toBe(
      'pods "web-2" is forbidden: exceeded quota: compute-quota, requested: limits.cpu=3,requests.cpu=3, used: limits.cpu=1500m,requests.cpu=1500m, limited: limits.cpu=4,requests.cpu=2',
    );
  });

  it('requires every container to state what the quota tracks', () => {
    const q = quota('dev', 'q', { 'requests.cpu': '2', 'limits.cpu': '2' });
    expect(check(pod('web', [{ name: 'nginx' }], 'dev'), [q])).toBe('pods "web" is forbidden: failed quota: q: must specify limits.cpu for: nginx; requests.cpu for: nginx');
    const two = pod('web', [{ name: 'app', resources: { requests: { cpu: '1' } } }, { name: 'log' }], 'dev');
    expect(check(two, [q])).toBe('pods "web" is forbidden: failed quota: q: must specify limits.cpu for: app,log; requests.cpu for: log');
  });

  it('counts pods, ignoring finished ones', () => {
    const count = quota('dev', 'pod-count', { pods: '2' });
    const done = { ...pod('old', undefined, 'dev'), status: { phase: 'Succeeded' } };
    expect(check(pod('c', undefined, 'dev'), [count, pod('a', undefined, 'dev'), done])).toBeUndefined();
    expect(check(pod('c', undefined, 'dev'), [count, pod('a', undefined, 'dev'), pod('b', undefined, 'dev')])).toBe(
      'pods "c" is forbidden: exceeded quota: pod-count, requested: pods=1, used: pods=2, limited: pods=2',
    );
  });

  it('counts objects by count/<resource>', () => {
    const q = quota('dev', 'objects', { 'count/deployments.apps': '1', configmaps: '1' });
    const deploy = (name: string): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'dev' }, spec: {} });
    expect(check(deploy('b'), [q, deploy('a')], 'deployments')).toBe(
      'deployments.apps "b" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'dev' } };
    expect(check(cm, [q], 'configmaps')).toBeUndefined();
  });

  it('charges services for node ports', () => {
    const q = quota('dev', 'svc', { 'services.nodeports': '1' });
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'dev' }, spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] } };
    expect(check(svc, [q], 'services')).toBe('services "web" is forbidden: exceeded quota: svc, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1');
  });

  it('only applies scoped quotas to matching pods', () => {
    const q = quota('dev', 'best-effort', { pods: '0' }, { scopes: ['BestEffort'] });
    expect(check(pod('be', undefined, 'dev'), [q])).toBe('pods "be" is forbidden: exceeded quota: best-effort, requested: pods=1, used: pods=0, limited: pods=0');
    expect(check(sized('burstable', '1'), [q])).toBeUndefined();
  });

  it('ignores other namespaces and subresources', () => {
    expect(check(sized('web', '5'), [quota('prod', 'q', { 'requests.cpu': '1' })])).toBeUndefined();
    expect(resourceQuota.validate!(request('pods', sized('web', '5'), [compute], { subresource: 'status' }))).toBeUndefined();
  });
});

describe('computeQuotaUsage', () => {
  it('sums live usage for every tracked resource, printed canonically', () => {
    const store = storeOf([compute, sized('a', '500m'), sized('b', '1'), { ...sized('c', '1'), status: { phase: 'Failed' } }, sized('other', '1', { metadata: { name: 'other', namespace: 'prod' } })]);
    expect(computeQuotaUsage(compute, store, NOW)).toEqual({
      hard: { 'requests.cpu': '2', 'requests.memory': '1Gi', 'limits.cpu': '4', pods: '3' },
      used: { 'requests.cpu': '1500m', 'requests.memory': '256Mi', 'limits.cpu': '1500m', pods: '2' },
    });
  });

  it('stops charging a pod once its deletion grace period has passed', () => {
    const deleting = sized('a', '1');
    deleting.metadata = { ...deleting.metadata, deletionTimestamp: '2024-07-01T09:59:00Z', deletionGracePeriodSeconds: 30 };
    expect(computeQuotaUsage(compute, storeOf([compute, deleting]), NOW).used.pods).toBe('0');
    expect(computeQuotaUsage(compute, storeOf([compute, deleting]), '2024-07-01T09:59:10Z').used.pods).toBe('1');
  });
});
