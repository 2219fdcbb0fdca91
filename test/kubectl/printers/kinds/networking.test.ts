import { describe, expect, it } from 'vitest';
import { endpoints, endpointslices, ingressclasses, ingresses, networkpolicies, services } from '../../../../src/kubectl/printers/kinds/networking.js';
import { cells, headers, obj } from './helpers.js';

const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => obj('v1', 'Service', 'web', { spec, status });

describe('services', () => {
  it('has TYPE CLUSTER-IP EXTERNAL-IP PORT(S) and a wide SELECTOR', () => {
    expect(headers(services, true).join(' ')).toBe('NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR');
  });

  it.each([
    ['ClusterIP', { type: 'ClusterIP', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } }, {}, ['10.96.0.10', '<none>', '80/TCP']],
    ['NodePort', { type: 'NodePort', clusterIPs: ['10.96.1.1'], ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }, {}, ['10.96.1.1', '<none>', '80:31234/TCP,53/UDP']],
    ['externalIPs', { type: 'ClusterIP', clusterIPs: ['10.96.1.1'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [] }, {}, ['10.96.1.1', '1.2.3.4,5.6.7.8', '<none>']],
    ['headless', { type: 'ClusterIP', clusterIPs: ['None'], ports: [{ port: 80, protocol: 'TCP' }] }, {}, ['None', '<none>', '80/TCP']],
    ['pending LoadBalancer', { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }, {}, ['10.96.1.2', '<pending>', '80:30080/TCP']],
    ['LoadBalancer', { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [] }, { loadBalancer: { ingress: [{ ip: '203.0.113.9' }] } }, ['10.96.1.2', '203.0.113.9', '<none>']],
    ['long LoadBalancer hostname', { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [] }, { loadBalancer: { ingress: [{ hostname: 'a1b2c3.elb.amazonaws.com' }] } }, ['10.96.1.2', 'a1b2c3.elb.am...', '<none>']],
    ['ExternalName', { type: 'ExternalName', externalName: 'db.example.com', ports: [] }, {}, ['<none>', 'db.example.com', '<none>']],
  ])('%s', (_name, spec, status, [clusterIP, externalIP, ports]) => {
    const row = cells(services, svc(spec, status));
    expect([row['CLUSTER-IP'], row['EXTERNAL-IP'], row['PORT(S)']]).toEqual([clusterIP, externalIP, ports]);
  });

  it('does not cut a long load balancer address with -o wide, and shows the selector', () => {
    const row = cells(services, svc({ type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], selector: { app: 'web' } }, { loadBalancer: { ingress: [{ hostname: 'a1b2c3.elb.amazonaws.com' }] } }), true);
    expect([row['EXTERNAL-IP'], row.SELECTOR]).toEqual(['a1b2c3.elb.amazonaws.com', 'app=web']);
  });
});

describe('endpoints', () => {
  const ep = (subsets?: unknown[]) => obj('v1', 'Endpoints', 'web', subsets ? { subsets } : {});

  it.each([
    [undefined, '<none>'],
    [[{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.6' }], ports: [{ port: 80 }] }], '10.244.1.5:80,10.244.2.6:80'],
    [[{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4' }, { ip: '10.0.0.5' }], ports: [{ port: 8080 }] }], '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...'],
    [[{ addresses: [{ ip: '10.0.0.1' }] }], '10.0.0.1'],
    [[{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }], ''],
  ])('%j → %s', (subsets, expected) => {
    expect(cells(endpoints, ep(subsets)).ENDPOINTS).toBe(expected);
  });
});

describe('endpointslices', () => {
  it('lists ports and addresses, <unset> when empty', () => {
    const es = obj('discovery.k8s.io/v1', 'EndpointSlice', 'web-abc12', { addressType: 'IPv4', ports: [{ port: 80, name: 'http' }], endpoints: [{ addresses: ['10.244.1.5'] }, { addresses: ['10.244.2.6'] }] });
    expect(cells(endpointslices, es)).toEqual({ NAME: 'web-abc12', ADDRESSTYPE: 'IPv4', PORTS: '80', ENDPOINTS: '10.244.1.5,10.244.2.6', AGE: '5m' });
    expect(cells(endpointslices, obj('discovery.k8s.io/v1', 'EndpointSlice', 'x', { addressType: 'IPv4', endpoints: [] }))).toMatchObject({ PORTS: '<unset>', ENDPOINTS: '<unset>' });
  });
});

describe('ingresses', () => {
  it('shows <none> class, * hosts and port 80 by default', () => {
    expect(cells(ingresses, obj('networking.k8s.io/v1', 'Ingress', 'web', { spec: { rules: [{}] } }))).toEqual({ NAME: 'web', CLASS: '<none>', HOSTS: '*', ADDRESS: '', PORTS: '80', AGE: '5m' });
  });

  it('shows up to 3 hosts, the address and 80, 443 with TLS', () => {
    const ing = obj('networking.k8s.io/v1', 'Ingress', 'web', {
      spec: { ingressClassName: 'nginx', tls: [{ hosts: ['a.example.com'] }], rules: ['a', 'b', 'c', 'd'].map((h) => ({ host: `${h}.example.com` })) },
      status: { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } },
    });
    expect(cells(ingresses, ing)).toMatchObject({ CLASS: 'nginx', HOSTS: 'a.example.com,b.example.com,c.example.com + 1 more...', ADDRESS: '192.168.49.2', PORTS: '80, 443' });
  });

  it('prints ingress class parameters as Kind.group/name', () => {
    const ic = obj('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'IngressParameters', apiGroup: 'k8s.example.com', name: 'p' } } });
    expect(cells(ingressclasses, ic)).toEqual({ NAME: 'nginx', CONTROLLER: 'k8s.io/ingress-nginx', PARAMETERS: 'IngressParameters.k8s.example.com/p', AGE: '5m' });
  });
});

describe('networkpolicies', () => {
  it('prints POD-SELECTOR, <none> for an empty one', () => {
    expect(cells(networkpolicies, obj('networking.k8s.io/v1', 'NetworkPolicy', 'deny', { spec: { podSelector: {} } }))['POD-SELECTOR']).toBe('<none>');
    expect(cells(networkpolicies, obj('networking.k8s.io/v1', 'NetworkPolicy', 'db', { spec: { podSelector: { matchLabels: { app: 'db' } } } }))['POD-SELECTOR']).toBe('app=db');
  });
});
