import { describe, expect, it } from 'vitest';
import { NGINX_PAGE, ref, testCluster } from './fixtures.js';

const client = ref('default', 'client', '10.244.1.2');

function webCluster() {
  const t = testCluster();
  t.pod('default', 'client', '10.244.1.2');
  t.pod('default', 'web-a', '10.244.1.5', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] });
  t.pod('default', 'web-b', '10.244.2.6', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }], node: 'node02' });
  for (const ip of ['10.244.1.5', '10.244.2.6']) t.server.listen(ip, 8080, () => ({ status: 200, body: `${NGINX_PAGE}<!-- ${ip} -->` }));
  t.service('default', 'web', { clusterIP: '10.96.100.5', clusterIPs: ['10.96.100.5'], selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] });
  t.endpoints('default', 'web', ['10.244.1.5', '10.244.2.6'], [{ port: 8080, protocol: 'TCP' }]);
  return t;
}

describe('requests through a Service', () => {
  it('reaches a ready endpoint on the resolved named targetPort', () => {
    const t = webCluster();
    const r = t.net.request(client, 'http://web', { timeoutMs: 1000 });
    expect(r).toEqual({ ok: true, status: 200, body: `${NGINX_PAGE}<!-- 10.244.1.5 -->` });
    expect(t.server.seen[0]).toMatchObject({ ip: '10.244.1.5', port: 8080, req: { method: 'GET', path: '/', host: 'web', headers: {}, clientIp: '10.244.1.2' } });
  });

  it('round-robins over the endpoints per Service port', () => {
    const t = webCluster();
    for (let i = 0; i < 4; i++) t.net.request(client, 'http://web.default.svc.cluster.local/', { timeoutMs: 1000 });
    expect(t.server.seen.map((s) => s.ip)).toEqual(['10.244.1.5', '10.244.2.6', '10.244.1.5', '10.244.2.6']);
  });

  it('resolves a named targetPort per pod when the endpoints controller is not running', () => {
    const t = webCluster();
    t.store.remove('endpoints', 'default', 'web');
    t.pod('default', 'web-c', '10.244.2.7', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 9090 }], node: 'node02' });
    t.server.listen('10.244.2.7', 9090);
    for (let i = 0; i < 3; i++) t.net.request(client, 'http://10.96.100.5', { timeoutMs: 1000 });
    expect(t.server.seen.map((s) => `${s.ip}:${s.port}`)).toEqual(['10.244.1.5:8080', '10.244.2.6:8080', '10.244.2.7:9090']);
  });

  it('skips endpoints that are not ready', () => {
    const t = webCluster();
    t.endpoints('default', 'web', ['10.244.2.6'], [{ port: 8080, protocol: 'TCP' }], { notReady: ['10.244.1.5'] });
    for (let i = 0; i < 2; i++) t.net.request(client, 'http://web', { timeoutMs: 1000 });
    expect(t.server.seen.map((s) => s.ip)).toEqual(['10.244.2.6', '10.244.2.6']);
  });

  it('refuses when the Service has no ready endpoints (kube-proxy REJECT)', () => {
    const t = webCluster();
    t.endpoints('default', 'web', [], []);
    expect(t.net.request(client, 'http://web', { timeoutMs: 1000 })).toEqual({ ok: false, error: 'refused', ip: '10.96.100.5' });
    expect(t.net.connect(client, 'web', 80)).toBe('refused');
  });

  it('refuses from the pod when its container does not listen on the targetPort', () => {
    const t = webCluster();
    t.service('default', 'wrong', { clusterIP: '10.96.100.9', clusterIPs: ['10.96.100.9'], selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8081 }] });
    t.endpoints('default', 'wrong', ['10.244.1.5'], [{ port: 8081, protocol: 'TCP' }]);
    expect(t.net.request(client, 'http://wrong', { timeoutMs: 1000 })).toEqual({ ok: false, error: 'refused', ip: '10.96.100.9' });
  });

  it('drops a VIP port the Service does not expose', () => {
    const t = webCluster();
    expect(t.net.connect(client, 'web', 8080)).toBe('timeout');
  });

  it('reaches a pod directly by IP, and its own containers on localhost', () => {
    const t = webCluster();
    expect(t.net.request(client, 'http://10.244.2.6:8080/', { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 200 });
    expect(t.net.request(ref('default', 'web-a', '10.244.1.5'), 'http://localhost:8080/', { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 200 });
    expect(t.net.connect(client, '10.244.2.6', 9999)).toBe('refused');
    expect(t.net.connect(client, '10.244.2.99', 80)).toBe('unreachable');
  });

  it('reports unresolved names', () => {
    const t = webCluster();
    expect(t.net.request(client, 'http://nope', { timeoutMs: 1000 })).toEqual({ ok: false, error: 'unresolved' });
    expect(t.net.connect(client, 'nope', 80)).toBe('unresolved');
  });
});

describe('other sources of backends', () => {
  it('reads EndpointSlices when there is no Endpoints object', () => {
    const t = webCluster();
    t.store.remove('endpoints', 'default', 'web');
    t.store.put('endpointslices', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x7k2p', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.2.6'], conditions: { ready: true } }, { addresses: ['10.244.1.5'], conditions: { ready: false } }],
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    });
    for (let i = 0; i < 2; i++) t.net.request(client, 'http://web', { timeoutMs: 1000 });
    expect(t.server.seen.map((s) => s.ip)).toEqual(['10.244.2.6', '10.244.2.6']);
  });

  it('forwards a node hostPort to the pod', () => {
    const t = webCluster();
    t.pod('default', 'hp', '10.244.1.20', { ports: [{ containerPort: 80, hostPort: 8088 } as { containerPort: number }] });
    t.server.listen('10.244.1.20', 80);
    expect(t.net.request('external', 'http://172.30.2.2:8088/', { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 200 });
    expect(t.net.connect('external', '172.30.2.3', 8088)).toBe('refused');
  });
});

describe('NodePort', () => {
  function nodePortCluster() {
    const t = webCluster();
    t.service('default', 'web-np', { type: 'NodePort', clusterIP: '10.96.100.6', clusterIPs: ['10.96.100.6'], selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    t.endpoints('default', 'web-np', ['10.244.1.5'], [{ port: 8080, protocol: 'TCP' }]);
    return t;
  }

  it.each([
    ['node', 'http://172.30.1.2:30080/'],
    ['node', 'http://172.30.2.3:30080/'],
    ['node', 'http://localhost:30080/'],
    ['external', 'http://172.30.2.2:30080/'],
  ] as const)('from %s, %s reaches the pod', (from, url) => {
    const t = nodePortCluster();
    expect(t.net.request(from, url, { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 200 });
    expect(t.server.seen[0]!.req.clientIp).toMatch(/^172\.30\./);
  });

  it('the learner outside cannot reach ClusterIPs or pod IPs', () => {
    const t = nodePortCluster();
    expect(t.net.connect('external', '10.96.100.6', 80)).toBe('timeout');
    expect(t.net.connect('external', '10.244.1.5', 8080)).toBe('timeout');
  });

  it('a node reaches ClusterIPs and pod IPs', () => {
    const t = nodePortCluster();
    expect(t.net.connect('node', '10.96.100.6', 80)).toBe('open');
    expect(t.net.connect('node', '10.244.1.5', 8080)).toBe('open');
  });

  it('a node port nobody uses is refused', () => {
    const t = nodePortCluster();
    expect(t.net.connect('node', '172.30.1.2', 30081)).toBe('refused');
  });
});

describe('the kubernetes Service', () => {
  it('answers an anonymous request with 403 Forbidden', () => {
    const t = webCluster();
    const r = t.net.request(client, 'https://kubernetes.default', { timeoutMs: 1000 });
    expect(r).toMatchObject({ ok: true, status: 403 });
    expect(r.ok && r.body).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}\n',
    );
  });

  it.each([
    ['https://kubernetes/healthz', 200, 'ok'],
    ['http://kubernetes:443/', 400, 'Client sent an HTTP request to an HTTPS server.\n'],
    ['https://172.30.1.2:6443/livez', 200, 'ok'],
  ])('%s answers %i', (url, status, body) => {
    const t = webCluster();
    expect(t.net.request(client, url, { timeoutMs: 1000 })).toMatchObject({ ok: true, status, body });
  });
});

describe('the internet', () => {
  it('serves example.com and drops everything else', () => {
    const t = webCluster();
    const r = t.net.request(client, 'http://example.com/', { timeoutMs: 1000 });
    expect(r.ok && r.body).toContain('<title>Example Domain</title>');
    expect(t.net.connect(client, '8.8.8.8', 80)).toBe('timeout');
  });
});

describe('IPAM', () => {
  it('hands out the lowest free address of the node pod CIDR, stable per pod uid', () => {
    const t = testCluster();
    expect([t.net.allocatePodIP('node01', 'a'), t.net.allocatePodIP('node01', 'b'), t.net.allocatePodIP('node02', 'c'), t.net.allocatePodIP('node01', 'a')]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.1.2']);
    t.net.releasePodIP('node01', 'a');
    expect(t.net.allocatePodIP('node01', 'd')).toBe('10.244.1.2');
  });

  it('skips addresses already held by pods on the node', () => {
    const t = testCluster();
    t.pod('default', 'old', '10.244.1.2');
    expect(t.net.allocatePodIP('node01', 'new')).toBe('10.244.1.3');
  });
});

describe('performance', () => {
  it('routes a request through a Service among 2,000 Services and 5,000 pods in well under a millisecond', () => {
    const t = testCluster();
    t.pod('default', 'client', '10.244.1.2');
    for (let i = 0; i < 5000; i++) {
      const ip = `10.244.${1 + (i % 2)}.${10 + Math.floor(i / 2) % 240}`;
      t.pod(`ns${i % 50}`, `p${i}`, ip.replace(/\.(\d+)$/, `.${10 + (i % 240)}`), { labels: { app: `a${i % 2000}` } });
    }
    for (let i = 0; i < 2000; i++) {
      const ip = `10.96.${10 + Math.floor(i / 250)}.${1 + (i % 250)}`;
      t.service(`ns${i % 50}`, `s${i}`, { clusterIP: ip, clusterIPs: [ip], selector: { app: `a${i}` }, ports: [{ port: 80, targetPort: 8080 }] });
      t.endpoints(`ns${i % 50}`, `s${i}`, [`10.244.3.${i % 250}`], [{ port: 8080, protocol: 'TCP' }]);
    }
    t.pod('ns7', 'target', '10.244.3.7');
    t.server.listen('10.244.3.7', 8080);
    // The first request builds the indexes.
    expect(t.net.request(client, 'http://s7.ns7', { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 200 });
    const n = 2000;
    const start = performance.now();
    for (let i = 0; i < n; i++) t.net.request(client, 'http://s7.ns7', { timeoutMs: 1000 });
    const perRequest = (performance.now() - start) / n;
    console.log(`request through a Service: ${(perRequest * 1000).toFixed(1)} µs`);
    expect(perRequest).toBeLessThan(1);
  });
});
