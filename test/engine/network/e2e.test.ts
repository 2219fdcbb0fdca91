import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster.js';
import { attachClusterNetwork } from '../../../src/engine/network/attach.js';
import { installKubelets } from '../../../src/engine/node/index.js';

/** A default cluster with the network attached and kubelets running, and an nginx Deployment behind a Service. */
function runningCluster() {
  const cluster = createCluster();
  const net = attachClusterNetwork(cluster.internals);
  installKubelets(cluster);
  const admin = cluster.client();
  const labels = { app: 'web' };
  admin.create('deployments', 'default', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ name: 'http', containerPort: 80 }] }] } } },
  });
  admin.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: labels, ports: [{ port: 80, targetPort: 'http' }] } });
  cluster.advance(120_000);
  return { cluster, net, admin };
}

describe('the network on a running cluster', () => {
  it('allocates pod IPs from the node CIDRs and serves nginx through the Service', () => {
    const { cluster, net } = runningCluster();
    const pods = cluster.internals.store.list('pods', 'default').filter((p) => p.metadata.labels?.app === 'web');
    expect(pods.map((p) => p.status?.podIP)).toEqual(expect.arrayContaining([expect.stringMatching(/^10\.244\.[12]\.\d+$/)]));
    const client = { namespace: 'default', name: pods[0]!.metadata.name!, ip: pods[0]!.status.podIP };
    expect(net.resolve(client, 'web')).toMatchObject({ ok: true, fqdn: 'web.default.svc.cluster.local' });
    const r = net.request(client, 'http://web', { timeoutMs: 1000 });
    expect(r.ok && r.body).toContain('<title>Welcome to nginx!</title>');
  });

  it('resolves through ready CoreDNS pods and times out once CoreDNS is scaled to zero', () => {
    const { cluster, net, admin } = runningCluster();
    const ep = cluster.internals.store.get('endpoints', 'kube-system', 'kube-dns');
    expect(ep?.subsets?.[0]?.addresses?.length).toBe(2);
    const pod = cluster.internals.store.list('pods', 'default')[0]!;
    const client = { namespace: 'default', name: pod.metadata.name!, ip: pod.status.podIP };
    expect(net.resolve(client, 'kubernetes.default')).toMatchObject({ ok: true, ips: ['10.96.0.1'] });
    expect(admin.updateScale('deployments', 'kube-system', 'coredns', 0).ok).toBe(true);
    cluster.advance(60_000);
    expect(net.resolve(client, 'kubernetes.default')).toEqual({ ok: false, reason: 'timeout' });
  });

  it('routes an Ingress to the pods and publishes its address', () => {
    const { cluster, net, admin } = runningCluster();
    admin.create('ingresses', 'default', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    });
    admin.create('ingressclasses', undefined, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
    cluster.advance(1000);
    expect(cluster.internals.store.get('ingresses', 'default', 'web')?.status).toEqual({ loadBalancer: { ingress: [{ ip: '172.30.1.2' }] } });
    const r = net.request('external', 'http://172.30.2.2/', { timeoutMs: 1000, headers: { Host: 'web.example.com' } });
    expect(r.ok && r.body).toContain('<title>Welcome to nginx!</title>');
    expect(net.request('external', 'http://172.30.2.2/', { timeoutMs: 1000, headers: { Host: 'other.example.com' } })).toMatchObject({ status: 404 });
  });

  it('serves a request through a Service in under a millisecond', () => {
    const { cluster, net } = runningCluster();
    const pod = cluster.internals.store.list('pods', 'default')[0]!;
    const client = { namespace: 'default', name: pod.metadata.name!, ip: pod.status.podIP };
    net.request(client, 'http://web', { timeoutMs: 1000 });
    const n = 1000;
    const start = performance.now();
    for (let i = 0; i < n; i++) net.request(client, 'http://web', { timeoutMs: 1000 });
    const perRequest = (performance.now() - start) / n;
    console.log(`request through a Service to a running nginx: ${(perRequest * 1000).toFixed(1)} µs`);
    expect(perRequest).toBeLessThan(1);
  });
});
