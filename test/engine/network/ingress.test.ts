import { describe, expect, it } from 'vitest';
import { ingressBootstrapObjects, nginxErrorPage } from '../../../src/engine/network/index.js';
import { testCluster } from './fixtures.js';

const NOT_FOUND = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function ingressCluster(opts: { installed?: boolean } = {}) {
  const t = testCluster();
  if (opts.installed !== false) for (const b of ingressBootstrapObjects()) t.store.put(b.resource, b.object);
  const app = (name: string, ip: string) => {
    t.pod('default', name, ip, { labels: { app: name } });
    t.server.listen(ip, 80, (req) => ({ status: 200, body: `${name} ${req.path}` }));
    t.service('default', name, { clusterIP: `10.96.9.${ip.split('.')[3]}`, selector: { app: name }, ports: [{ name: 'http', port: 8080, targetPort: 80 }] });
    t.endpoints('default', name, [ip], [{ name: 'http', port: 80, protocol: 'TCP' }]);
  };
  app('shop', '10.244.1.10');
  app('api', '10.244.1.11');
  app('blog', '10.244.1.12');
  t.store.put('ingresses', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'main', namespace: 'default' },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'shop', port: { number: 8080 } } } },
              { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
              { path: '/api/v1', pathType: 'Exact', backend: { service: { name: 'blog', port: { number: 8080 } } } },
            ],
          },
        },
        { host: '*.blog.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'blog', port: { number: 8080 } } } }] } },
        { http: { paths: [{ path: '/gone', pathType: 'Exact', backend: { service: { name: 'missing', port: { number: 80 } } } }] } },
      ],
    },
  });
  return t;
}

const get = (t: ReturnType<typeof ingressCluster>, host: string, path: string, from: 'node' | 'external' = 'external') =>
  t.net.request(from, `http://172.30.2.2${path}`, { timeoutMs: 1000, headers: { Host: host } });

describe('ingress-nginx routing', () => {
  it.each([
    ['shop.example.com', '/', 'shop /'],
    ['shop.example.com', '/cart', 'shop /cart'],
    ['shop.example.com', '/api', 'api /api'],
    ['shop.example.com', '/api/users', 'api /api/users'],
    ['shop.example.com', '/apiary', 'shop /apiary'],
    ['shop.example.com', '/api/v1', 'blog /api/v1'],
    ['shop.example.com:80', '/api/v1/x', 'api /api/v1/x'],
    ['www.blog.example.com', '/post', 'blog /post'],
  ])('Host %s path %s reaches %s', (host, path, body) => {
    const t = ingressCluster();
    expect(get(t, host, path)).toMatchObject({ ok: true, status: 200, body });
  });

  it.each([
    ['unknown.example.com', '/'],
    ['a.b.blog.example.com', '/'],
    ['blog.example.com', '/'],
  ])('Host %s path %s gets the default backend 404', (host, path) => {
    const t = ingressCluster();
    expect(get(t, host, path)).toEqual({ ok: true, status: 404, body: NOT_FOUND, headers: { 'Content-Type': 'text/html' } });
  });

  it('answers 503 for a backend Service that does not exist or has no endpoints', () => {
    const t = ingressCluster();
    expect(get(t, 'anything', '/gone')).toMatchObject({ status: 503, body: nginxErrorPage(503).body });
    t.endpoints('default', 'shop', [], []);
    expect(get(t, 'shop.example.com', '/')).toMatchObject({ status: 503 });
    expect(nginxErrorPage(503).body).toContain('<title>503 Service Temporarily Unavailable</title>');
  });

  it('answers 502 when the endpoint refuses and 504 when a policy drops it', () => {
    const t = ingressCluster();
    t.server.handlers.delete('10.244.1.10:80');
    expect(get(t, 'shop.example.com', '/')).toMatchObject({ status: 502, body: nginxErrorPage(502).body });
    t.policy('default', 'deny', { podSelector: { matchLabels: { app: 'api' } } });
    expect(get(t, 'shop.example.com', '/api')).toMatchObject({ status: 504 });
    t.policy('default', 'allow-ingress-nginx', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }] });
    expect(get(t, 'shop.example.com', '/api')).toMatchObject({ status: 200 });
  });

  it('serves Ingresses without a class because nginx is the default class, and ignores other classes', () => {
    const t = ingressCluster();
    const ing = t.store.get('ingresses', 'default', 'main')!;
    t.store.put('ingresses', { ...ing, spec: { ...ing.spec, ingressClassName: undefined } });
    expect(get(t, 'shop.example.com', '/')).toMatchObject({ status: 200 });
    t.store.put('ingresses', { ...ing, spec: { ...ing.spec, ingressClassName: 'traefik' } });
    expect(get(t, 'shop.example.com', '/')).toMatchObject({ status: 404 });
  });

  it('is reached on port 80 of every node, from the node and from outside', () => {
    const t = ingressCluster();
    expect(t.net.request('node', 'http://localhost/', { timeoutMs: 1000, headers: { Host: 'shop.example.com' } })).toMatchObject({ status: 200, body: 'shop /' });
    expect(t.net.request('external', 'http://172.30.1.2/api', { timeoutMs: 1000, headers: { host: 'shop.example.com' } })).toMatchObject({ status: 200, body: 'api /api' });
  });

  it('is not there when the IngressClass was not installed', () => {
    const t = ingressCluster({ installed: false });
    expect(t.net.connect('external', '172.30.2.2', 80)).toBe('refused');
  });

  it('contributes the nginx IngressClass as the default class', () => {
    expect(ingressBootstrapObjects().map((b) => [b.resource, b.object.metadata.name, b.object.spec.controller, b.object.metadata.annotations])).toEqual([
      ['ingressclasses', 'nginx', 'k8s.io/ingress-nginx', { 'ingressclass.kubernetes.io/is-default-class': 'true' }],
    ]);
  });
});
