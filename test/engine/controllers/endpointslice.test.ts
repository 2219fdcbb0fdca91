import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import { createEndpointSliceController } from '../../../src/engine/controllers/endpointslice/index.js';
import { createEndpointSliceMirroringController } from '../../../src/engine/controllers/endpointslice/mirroring.js';
import { createGarbageCollectorController } from '../../../src/engine/controllers/garbage-collector/index.js';
import { clusterWith, create, list, must, pod, runPod } from './platform-helpers.js';

function service(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { selector: { app: 'web' }, ...spec } };
}

const slices = (cluster: Cluster) => list(cluster, 'endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
const setup = () => clusterWith(createEndpointSliceController(), createGarbageCollectorController());

describe('endpointslice controller', () => {
  it('keeps one slice per Service listing its pods with ready, serving and terminating conditions', () => {
    const cluster = setup();
    const svc = create(cluster, 'services', service({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
    create(cluster, 'pods', pod('web-a', { app: 'web' }));
    create(cluster, 'pods', pod('web-b', { app: 'web' }));
    const a = runPod(cluster, 'default', 'web-a', '10.244.1.5');
    runPod(cluster, 'default', 'web-b', '10.244.2.6', false);
    const all = slices(cluster);
    expect(all).toHaveLength(1);
    const s = all[0]!;
    expect(s.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.labels).toEqual({ app: 'web', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints[0]).toEqual({
      addresses: ['10.244.1.5'],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: a.spec.nodeName,
      targetRef: { kind: 'Pod', name: 'web-a', namespace: 'default', uid: a.metadata.uid },
    });
    expect(s.endpoints[1].conditions).toEqual({ ready: false, serving: false, terminating: false });
    must(cluster.client().delete('pods', 'default', 'web-a'));
    cluster.settle();
    expect(slices(cluster)[0]!.metadata.name).toBe(s.metadata.name);
    expect(slices(cluster)[0]!.endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  // The real server accepts the placeholder (`endpoints: null`) though the schema marks it required.
  it('keeps an empty placeholder slice for a Service that selects nothing', () => {
    const cluster = setup();
    create(cluster, 'services', service({ ports: [{ port: 80 }] }));
    const all = slices(cluster);
    expect(all).toHaveLength(1);
    expect(all[0]!.endpoints).toBeNull();
    expect(all[0]!.ports).toBeNull();
  });

  it('splits pods whose named port resolves differently, and goes with its Service', () => {
    const cluster = setup();
    create(cluster, 'services', service({ ports: [{ name: 'http', port: 80, targetPort: 'http' }] }));
    create(cluster, 'pods', pod('web-a', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]));
    create(cluster, 'pods', pod('web-b', { app: 'web' }, [{ name: 'http', containerPort: 9090 }]));
    runPod(cluster, 'default', 'web-a', '10.244.1.5');
    runPod(cluster, 'default', 'web-b', '10.244.1.6');
    const ports = slices(cluster).map((s) => s.ports[0].port).sort();
    expect(ports).toEqual([8080, 9090]);
    must(cluster.client().delete('services', 'default', 'web'));
    cluster.settle();
    expect(slices(cluster)).toEqual([]);
  });

  it('leaves Services without a selector alone', () => {
    const cluster = setup();
    create(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    expect(slices(cluster)).toEqual([]);
  });
});

describe('endpointslice controller without pods', () => {
  it('lists no endpoints once the last pod is gone', () => {
    const cluster = setup();
    create(cluster, 'services', service({ ports: [{ port: 80 }] }));
    create(cluster, 'pods', pod('web-a', { app: 'web' }));
    runPod(cluster, 'default', 'web-a', '10.244.1.5');
    expect(slices(cluster).flatMap((s) => s.endpoints ?? [])).toHaveLength(1);
    cluster.internals.server.finalizeDelete('pods', 'default', 'web-a');
    cluster.settle();
    expect(slices(cluster).flatMap((s) => s.endpoints ?? [])).toEqual([]);
  });
});

describe('endpointslice mirroring controller', () => {
  it('mirrors hand-written Endpoints of a selectorless Service, but not the kubernetes Service', () => {
    const cluster = clusterWith(createEndpointSliceMirroringController(), createGarbageCollectorController());
    create(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { ports: [{ name: 'db', port: 5432 }] } });
    const ep = create(cluster, 'endpoints', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'ext', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '192.168.0.10' }], notReadyAddresses: [{ ip: '192.168.0.11' }], ports: [{ name: 'db', port: 5432 }] }],
    });
    const mirrored = list(cluster, 'endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'ext');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io');
    expect(mirrored[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Endpoints', name: 'ext', uid: ep.metadata.uid });
    expect(mirrored[0]!.ports).toEqual([{ name: 'db', port: 5432, protocol: 'TCP' }]);
    expect(mirrored[0]!.endpoints).toEqual([
      { addresses: ['192.168.0.10'], conditions: { ready: true } },
      { addresses: ['192.168.0.11'], conditions: { ready: false } },
    ]);
    expect(list(cluster, 'endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'kubernetes')).toEqual([]);
    must(cluster.client().delete('endpoints', 'default', 'ext'));
    cluster.settle();
    expect(list(cluster, 'endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'ext')).toEqual([]);
  });
});
