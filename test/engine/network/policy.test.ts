import { describe, expect, it } from 'vitest';
import { ref, testCluster } from './fixtures.js';

const frontend = ref('default', 'frontend', '10.244.1.2');
const other = ref('default', 'other', '10.244.1.3');
const prodClient = ref('prod', 'client', '10.244.2.3');

/** backend (app=api, port named http 8080) behind Service api; clients in default and prod. */
function policyCluster() {
  const t = testCluster();
  t.namespace('prod', { env: 'prod' });
  t.namespace('dev', { env: 'dev' });
  t.pod('default', 'frontend', '10.244.1.2', { labels: { role: 'frontend' } });
  t.pod('default', 'other', '10.244.1.3', { labels: { role: 'other' } });
  t.pod('prod', 'client', '10.244.2.3', { labels: { role: 'frontend' }, node: 'node02' });
  t.pod('default', 'api', '10.244.2.5', { labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }], node: 'node02' });
  t.server.listen('10.244.2.5', 8080);
  t.server.listen('10.244.2.5', 9090);
  t.service('default', 'api', { clusterIP: '10.96.50.1', clusterIPs: ['10.96.50.1'], selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080 }] });
  t.endpoints('default', 'api', ['10.244.2.5'], [{ port: 8080, protocol: 'TCP' }]);
  return t;
}

const reach = (t: ReturnType<typeof policyCluster>, from: Parameters<typeof t.net.connect>[0], host = 'api.default', port = 80) => t.net.connect(from, host, port);

describe('NetworkPolicy ingress', () => {
  it('a default-deny policy drops every connection to the selected pods', () => {
    const t = policyCluster();
    expect(reach(t, frontend)).toBe('open');
    t.policy('default', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(reach(t, frontend)).toBe('timeout');
    expect(t.net.request(frontend, 'http://api', { timeoutMs: 2000 })).toEqual({ ok: false, error: 'timeout', ip: '10.96.50.1' });
    expect(reach(t, 'node', '10.244.2.5', 8080)).toBe('timeout');
  });

  it('a policy isolates only the pods it selects', () => {
    const t = policyCluster();
    t.policy('default', 'deny-api', { podSelector: { matchLabels: { app: 'api' } } });
    expect(reach(t, frontend)).toBe('timeout');
    t.server.listen('10.244.1.2', 80);
    expect(reach(t, other, '10.244.1.2', 80)).toBe('open');
  });

  it.each([
    ['podSelector in the policy namespace', [{ podSelector: { matchLabels: { role: 'frontend' } } }], { frontend: 'open', other: 'timeout', prod: 'timeout' }],
    ['namespaceSelector', [{ namespaceSelector: { matchLabels: { env: 'prod' } } }], { frontend: 'timeout', other: 'timeout', prod: 'open' }],
    ['namespaceSelector and podSelector in one peer', [{ namespaceSelector: {}, podSelector: { matchLabels: { role: 'frontend' } } }], { frontend: 'open', other: 'timeout', prod: 'open' }],
    ['namespaceSelector by metadata.name', [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } } }], { frontend: 'timeout', other: 'timeout', prod: 'open' }],
    ['ipBlock with an exception', [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.1.3/32'] } }], { frontend: 'open', other: 'timeout', prod: 'open' }],
    ['an empty rule peer list (everyone)', undefined, { frontend: 'open', other: 'open', prod: 'open' }],
  ])('allows by %s', (_, from, expected) => {
    const t = policyCluster();
    t.policy('default', 'allow', { podSelector: { matchLabels: { app: 'api' } }, ingress: [from ? { from } : {}] });
    expect({ frontend: reach(t, frontend), other: reach(t, other), prod: reach(t, prodClient) }).toEqual(expected);
  });

  it.each([
    ['a numbered port', [{ port: 8080 }], { 8080: 'open', 9090: 'timeout' }],
    ['a named port', [{ port: 'metrics' }], { 8080: 'timeout', 9090: 'open' }],
    ['a port range', [{ port: 8000, endPort: 9000 }], { 8080: 'open', 9090: 'timeout' }],
    ['UDP only', [{ protocol: 'UDP', port: 8080 }], { 8080: 'timeout', 9090: 'timeout' }],
    ['a protocol without a port', [{ protocol: 'TCP' }], { 8080: 'open', 9090: 'open' }],
  ])('restricts ports by %s', (_, ports, expected) => {
    const t = policyCluster();
    t.policy('default', 'allow', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports }] });
    expect({ 8080: reach(t, frontend, '10.244.2.5', 8080), 9090: reach(t, frontend, '10.244.2.5', 9090) }).toEqual(expected);
  });

  it('policies add up: any policy allowing the connection lets it through', () => {
    const t = policyCluster();
    t.policy('default', 'deny-all', { podSelector: {} });
    t.policy('default', 'allow-frontend', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] });
    expect([reach(t, frontend), reach(t, other)]).toEqual(['open', 'timeout']);
  });

  it('a policy of type Egress only does not isolate ingress', () => {
    const t = policyCluster();
    t.policy('default', 'egress-only', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'] });
    expect(reach(t, frontend)).toBe('open');
  });
});

describe('NetworkPolicy egress', () => {
  it('default-deny egress blocks Services, the internet and DNS', () => {
    const t = policyCluster();
    t.policy('default', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    expect(t.net.resolve(frontend, 'api')).toEqual({ ok: false, reason: 'timeout' });
    expect(t.net.request(frontend, 'http://api', { timeoutMs: 1000 })).toEqual({ ok: false, error: 'unresolved' });
    expect(reach(t, frontend, '10.96.50.1', 80)).toBe('timeout');
    expect(reach(t, frontend, '93.184.215.14', 80)).toBe('timeout');
    expect(reach(t, prodClient)).toBe('open');
  });

  it('allowing UDP 53 to kube-dns brings DNS back but not the connection', () => {
    const t = policyCluster();
    t.policy('default', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    t.policy('default', 'allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }] }],
    });
    expect(t.net.resolve(frontend, 'api')).toMatchObject({ ok: true, ips: ['10.96.50.1'] });
    expect(reach(t, frontend)).toBe('timeout');
  });

  it('DNS allowed only over TCP still times out (the resolver asks over UDP)', () => {
    const t = policyCluster();
    t.policy('default', 'dns-tcp', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'TCP', port: 53 }] }] });
    expect(t.net.resolve(frontend, 'api')).toEqual({ ok: false, reason: 'timeout' });
  });

  it('checks the endpoint behind a Service, not the ClusterIP', () => {
    const t = policyCluster();
    t.policy('default', 'to-api', { podSelector: { matchLabels: { role: 'frontend' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080 }] }, { ports: [{ protocol: 'UDP', port: 53 }] }] });
    expect(reach(t, frontend)).toBe('open');
    expect(reach(t, frontend, 'example.com', 80)).toBe('timeout');
  });

  it('ipBlock egress reaches the internet address it names', () => {
    const t = policyCluster();
    t.policy('default', 'web-out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '93.184.215.0/24' } }] }, { ports: [{ protocol: 'UDP', port: 53 }] }] });
    expect(t.net.request(frontend, 'http://example.com', { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 200 });
    expect(reach(t, frontend, 'google.com', 80)).toBe('timeout');
  });
});
