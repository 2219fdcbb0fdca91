import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createEndpointsController } from '../../../src/engine/controllers/endpoints/index.js';
import { clusterWith, create, list, must, pod, reap, runPod } from './platform-helpers.js';

function service(name: string, spec: Record<string, unknown>, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) }, spec };
}

const web = () => service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }, { app: 'web' });

function endpoints(cluster: ReturnType<typeof clusterWith>, name: string): KubeObject | undefined {
  return cluster.internals.store.get('endpoints', 'default', name);
}

describe('endpoints controller', () => {
  it('lists ready pods under addresses and unready ones under notReadyAddresses, sorted by IP text', () => {
    const cluster = clusterWith(createEndpointsController());
    create(cluster, 'services', web());
    for (const n of ['a', 'b', 'c']) create(cluster, 'pods', pod(`web-${n}`, { app: 'web' }));
    create(cluster, 'pods', pod('other', { app: 'db' }));
    runPod(cluster, 'default', 'web-a', '10.244.1.9');
    runPod(cluster, 'default', 'web-b', '10.244.1.10');
    runPod(cluster, 'default', 'web-c', '10.244.2.4', false);
    runPod(cluster, 'default', 'other', '10.244.2.5');
    const ep = endpoints(cluster, 'web')!;
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ep.subsets).toHaveLength(1);
    const s = ep.subsets[0];
    expect(s.addresses.map((a: { ip: string }) => a.ip)).toEqual(['10.244.1.10', '10.244.1.9']);
    expect(s.notReadyAddresses.map((a: { ip: string }) => a.ip)).toEqual(['10.244.2.4']);
    expect(s.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const pa = list(cluster, 'pods', 'default').find((p) => p.metadata.name === 'web-a')!;
    expect(s.addresses[1]).toEqual({ ip: '10.244.1.9', nodeName: pa.spec.nodeName, targetRef: { kind: 'Pod', name: 'web-a', namespace: 'default', uid: pa.metadata.uid } });
  });

  it('gives a Service that selects nothing an Endpoints object without subsets', () => {
    const cluster = clusterWith(createEndpointsController());
    create(cluster, 'services', web());
    const ep = endpoints(cluster, 'web')!;
    expect(ep).toBeDefined();
    expect(ep.subsets).toBeUndefined();
  });

  it('drops terminating pods and follows selector changes', () => {
    const cluster = clusterWith(createEndpointsController());
    create(cluster, 'services', web());
    create(cluster, 'pods', pod('web-a', { app: 'web' }));
    create(cluster, 'pods', pod('api-a', { app: 'api' }));
    runPod(cluster, 'default', 'web-a', '10.244.1.5');
    runPod(cluster, 'default', 'api-a', '10.244.1.6');
    expect(endpoints(cluster, 'web')!.subsets[0].addresses.map((a: { ip: string }) => a.ip)).toEqual(['10.244.1.5']);
    must(cluster.client().patch('services', 'default', 'web', { spec: { selector: { app: 'api' } } }, 'merge'));
    cluster.settle();
    expect(endpoints(cluster, 'web')!.subsets[0].addresses.map((a: { ip: string }) => a.ip)).toEqual(['10.244.1.6']);
    must(cluster.client().delete('pods', 'default', 'api-a'));
    cluster.settle();
    expect(list(cluster, 'pods', 'default').find((p) => p.metadata.name === 'api-a')?.metadata.deletionTimestamp).toBeDefined();
    expect(endpoints(cluster, 'web')!.subsets).toBeUndefined();
    reap(cluster);
    expect(endpoints(cluster, 'web')!.subsets).toBeUndefined();
  });

  it('counts every pod as ready when the Service publishes unready addresses', () => {
    const cluster = clusterWith(createEndpointsController());
    create(cluster, 'services', service('db', { selector: { app: 'db' }, clusterIP: 'None', publishNotReadyAddresses: true, ports: [{ port: 5432 }] }));
    create(cluster, 'pods', pod('db-0', { app: 'db' }));
    runPod(cluster, 'default', 'db-0', '10.244.1.7', false);
    const ep = endpoints(cluster, 'db')!;
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(ep.subsets[0].addresses.map((a: { ip: string }) => a.ip)).toEqual(['10.244.1.7']);
    expect(ep.subsets[0].notReadyAddresses).toBeUndefined();
  });

  it('resolves a named targetPort per pod and leaves out pods that lack it', () => {
    const cluster = clusterWith(createEndpointsController());
    create(cluster, 'services', service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }));
    create(cluster, 'pods', pod('web-a', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]));
    create(cluster, 'pods', pod('web-b', { app: 'web' }, [{ name: 'http', containerPort: 9090 }]));
    create(cluster, 'pods', pod('web-c', { app: 'web' }, [{ name: 'metrics', containerPort: 9100 }]));
    runPod(cluster, 'default', 'web-a', '10.244.1.2');
    runPod(cluster, 'default', 'web-b', '10.244.1.3');
    runPod(cluster, 'default', 'web-c', '10.244.1.4');
    const subsets = endpoints(cluster, 'web')!.subsets;
    expect(subsets.map((s: { addresses: { ip: string }[]; ports: { port: number }[] }) => [s.addresses.map((a) => a.ip), s.ports])).toEqual([
      [['10.244.1.2'], [{ name: 'http', port: 8080, protocol: 'TCP' }]],
      [['10.244.1.3'], [{ name: 'http', port: 9090, protocol: 'TCP' }]],
    ]);
  });

  it('leaves the Endpoints of a Service without a selector alone, and deletes Endpoints with their Service', () => {
    const cluster = clusterWith(createEndpointsController());
    create(cluster, 'services', service('ext', { ports: [{ port: 80 }] }));
    create(cluster, 'endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.0.10' }], ports: [{ port: 80 }] }] });
    expect(endpoints(cluster, 'ext')!.subsets[0].addresses).toEqual([{ ip: '192.168.0.10' }]);
    expect(endpoints(cluster, 'kubernetes')!.subsets[0].ports[0].port).toBe(6443);
    create(cluster, 'services', web());
    expect(endpoints(cluster, 'web')).toBeDefined();
    must(cluster.client().delete('services', 'default', 'web'));
    cluster.settle();
    expect(endpoints(cluster, 'web')).toBeUndefined();
  });
});
