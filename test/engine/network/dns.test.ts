import { describe, expect, it } from 'vitest';
import { ref, testCluster } from './fixtures.js';

function dnsCluster() {
  const t = testCluster();
  t.namespace('prod');
  t.service('default', 'web', { clusterIP: '10.96.100.5', clusterIPs: ['10.96.100.5'], selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
  t.service('prod', 'db', { clusterIP: '10.96.200.7', clusterIPs: ['10.96.200.7'], selector: { app: 'db' }, ports: [{ port: 5432 }] });
  t.service('default', 'nginx', { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'nginx' }, ports: [{ port: 80 }] });
  t.pod('default', 'web-0', '10.244.1.9', { labels: { app: 'nginx' }, hostname: 'web-0', subdomain: 'nginx' });
  t.pod('default', 'web-1', '10.244.2.4', { labels: { app: 'nginx' }, hostname: 'web-1', subdomain: 'nginx', node: 'node02' });
  t.endpoints('default', 'nginx', ['10.244.2.4', '10.244.1.9'], [{ port: 80, protocol: 'TCP' }], { hostnames: { '10.244.1.9': 'web-0', '10.244.2.4': 'web-1' } });
  t.service('default', 'empty-headless', { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'none' } });
  t.endpoints('default', 'empty-headless', [], []);
  t.service('default', 'db-ext', { type: 'ExternalName', externalName: 'example.com' });
  t.service('default', 'nowhere', { type: 'ExternalName', externalName: 'my.database.example.org' });
  t.service('default', 'api-alias', { type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' });
  t.pod('default', 'client', '10.244.1.2');
  return t;
}

const client = ref('default', 'client', '10.244.1.2');

describe('cluster DNS from a pod in default', () => {
  it.each([
    ['web', 'web.default.svc.cluster.local', ['10.96.100.5']],
    ['web.default', 'web.default.svc.cluster.local', ['10.96.100.5']],
    ['web.default.svc', 'web.default.svc.cluster.local', ['10.96.100.5']],
    ['web.default.svc.cluster.local', 'web.default.svc.cluster.local', ['10.96.100.5']],
    ['web.default.svc.cluster.local.', 'web.default.svc.cluster.local', ['10.96.100.5']],
    ['db.prod', 'db.prod.svc.cluster.local', ['10.96.200.7']],
    ['kubernetes', 'kubernetes.default.svc.cluster.local', ['10.96.0.1']],
    ['kubernetes.default', 'kubernetes.default.svc.cluster.local', ['10.96.0.1']],
    ['kube-dns.kube-system', 'kube-dns.kube-system.svc.cluster.local', ['10.96.0.10']],
    ['web-0.nginx', 'web-0.nginx.default.svc.cluster.local', ['10.244.1.9']],
    ['web-1.nginx.default.svc.cluster.local', 'web-1.nginx.default.svc.cluster.local', ['10.244.2.4']],
    ['10-244-2-4.nginx', '10-244-2-4.nginx.default.svc.cluster.local', ['10.244.2.4']],
    ['10-244-1-5.default.pod', '10-244-1-5.default.pod.cluster.local', ['10.244.1.5']],
    ['10-244-1-5.default.pod.cluster.local', '10-244-1-5.default.pod.cluster.local', ['10.244.1.5']],
    ['example.com', 'example.com', ['93.184.215.14']],
    ['client', 'client', ['10.244.1.2']],
  ])('%s resolves as %s', (name, fqdn, ips) => {
    const t = dnsCluster();
    expect(t.net.resolve(client, name)).toEqual({ ok: true, fqdn, ips });
  });

  it.each(['db', 'web.prod', 'missing', 'missing.default.svc.cluster.local', 'empty-headless', 'web-2.nginx', 'google.co', 'nowhere', 'web.default.pod.cluster.local'])('%s is NXDOMAIN', (name) => {
    const t = dnsCluster();
    expect(t.net.resolve(client, name)).toEqual({ ok: false, reason: 'NXDOMAIN' });
  });

  it('answers a headless Service with its ready endpoints, rotating like the loadbalance plugin', () => {
    const t = dnsCluster();
    const answers = [0, 1, 2].map(() => t.net.resolve(client, 'nginx'));
    expect(answers.map((a) => (a.ok ? a.ips : []))).toEqual([
      ['10.244.1.9', '10.244.2.4'],
      ['10.244.2.4', '10.244.1.9'],
      ['10.244.1.9', '10.244.2.4'],
    ]);
  });

  it('follows an ExternalName CNAME to its target', () => {
    const t = dnsCluster();
    expect(t.net.resolve(client, 'db-ext')).toEqual({ ok: true, fqdn: 'db-ext.default.svc.cluster.local', ips: ['93.184.215.14'], cname: 'example.com' });
    expect(t.net.resolve(client, 'api-alias')).toMatchObject({ ok: true, ips: ['10.96.0.1'] });
  });

  it('uses the namespace of the asking pod for short names', () => {
    const t = dnsCluster();
    t.pod('prod', 'worker', '10.244.2.8');
    expect(t.net.resolve(ref('prod', 'worker', '10.244.2.8'), 'db')).toEqual({ ok: true, fqdn: 'db.prod.svc.cluster.local', ips: ['10.96.200.7'] });
  });

  it('times out while CoreDNS has no ready endpoints', () => {
    const t = dnsCluster();
    t.pod('kube-system', 'coredns-abc', '10.244.0.2', { labels: { 'k8s-app': 'kube-dns' }, node: 'controlplane', ready: false });
    t.endpoints('kube-system', 'kube-dns', [], [{ name: 'dns', port: 53, protocol: 'UDP' }], { notReady: ['10.244.0.2'] });
    expect(t.net.resolve(client, 'web')).toEqual({ ok: false, reason: 'timeout' });
    t.endpoints('kube-system', 'kube-dns', ['10.244.0.2'], [{ name: 'dns', port: 53, protocol: 'UDP' }]);
    expect(t.net.resolve(client, 'web')).toMatchObject({ ok: true, ips: ['10.96.100.5'] });
  });

  it('times out when CoreDNS is scaled to zero (an empty Endpoints object)', () => {
    const t = dnsCluster();
    t.endpoints('kube-system', 'kube-dns', [], []);
    expect(t.net.resolve(client, 'web')).toEqual({ ok: false, reason: 'timeout' });
  });

  it('times out when the kube-dns Service is gone', () => {
    const t = dnsCluster();
    t.store.remove('services', 'kube-system', 'kube-dns');
    expect(t.net.resolve(client, 'web')).toEqual({ ok: false, reason: 'timeout' });
  });
});

describe('DNS from elsewhere', () => {
  it('a node resolves other nodes and the internet but not cluster names', () => {
    const t = dnsCluster();
    expect(t.net.resolve('node', 'node01')).toEqual({ ok: true, fqdn: 'node01', ips: ['172.30.2.2'] });
    expect(t.net.resolve('node', 'example.com')).toMatchObject({ ok: true, ips: ['93.184.215.14'] });
    expect(t.net.resolve('node', 'web.default.svc.cluster.local')).toEqual({ ok: false, reason: 'NXDOMAIN' });
  });

  it('a pod with dnsPolicy Default uses the node resolver', () => {
    const t = dnsCluster();
    const p = t.pod('default', 'plain', '10.244.1.3');
    t.store.put('pods', { ...p, spec: { ...p.spec, dnsPolicy: 'Default' } });
    const r = ref('default', 'plain', '10.244.1.3');
    expect(t.net.resolve(r, 'web')).toEqual({ ok: false, reason: 'NXDOMAIN' });
    expect(t.net.resolvConf(r)).toEqual({ nameservers: ['127.0.0.53'], searches: [], options: ['edns0', 'trust-ad'] });
  });

  it('names PTR records for Service and pod addresses', () => {
    const t = dnsCluster();
    expect(t.net.reverse('10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local');
    expect(t.net.reverse('10.244.1.9')).toBe('web-0.nginx.default.svc.cluster.local');
    expect(t.net.reverse('10.244.1.2')).toBeUndefined();
  });
});
