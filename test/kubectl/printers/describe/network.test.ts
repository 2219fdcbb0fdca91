import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { describe } from '../../../../src/kubectl/printers/describe/index.js';
import { formatEndpoints } from '../../../../src/kubectl/printers/describe/network.js';
import { contextOf } from './fixtures.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

function service(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { app: 'web' }, creationTimestamp: '2024-07-01T10:00:00Z' },
    spec: {
      selector: { app: 'web' },
      type: 'ClusterIP',
      clusterIP: '10.96.12.34',
      clusterIPs: ['10.96.12.34'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  };
}

function endpoints(ips: string[], port = 8080, name?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'web', namespace: 'default' },
    subsets: [{ addresses: ips.map((ip) => ({ ip, targetRef: { kind: 'Pod', name: `p-${ip}` } })), ports: [{ port, protocol: 'TCP', ...(name ? { name } : {}) }] }],
  };
}

suite('describe service', () => {
  it('prints the service block of reference §2 (v1.30: no Internal Traffic Policy line)', () => {
    const out = describe('services', service(), contextOf('2024-07-01T10:05:00Z', [service(), endpoints(['10.244.1.5', '10.244.2.7'])]));
    expect(out).toBe(
      lines(
        'Name:              web',
        'Namespace:         default',
        'Labels:            app=web',
        'Annotations:       <none>',
        'Selector:          app=web',
        'Type:              ClusterIP',
        'IP Family Policy:  SingleStack',
        'IP Families:       IPv4',
        'IP:                10.96.12.34',
        'IPs:               10.96.12.34',
        'Port:              <unset>  80/TCP',
        'TargetPort:        8080/TCP',
        'Endpoints:         10.244.1.5:8080,10.244.2.7:8080',
        'Session Affinity:  None',
        'Events:            <none>',
      ),
    );
  });

  it('prints a NodePort service with a named port and its external traffic policy', () => {
    const svc = service();
    svc.spec.type = 'NodePort';
    svc.spec.ports = [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 31234 }];
    svc.spec.externalTrafficPolicy = 'Cluster';
    const out = describe('services', svc, contextOf('2024-07-01T10:05:00Z', [svc, endpoints(['10.244.1.5'], 8080, 'http')]));
    expect(out).toContain(
      lines(
        'Port:                     http  80/TCP',
        'TargetPort:               http/TCP',
        'NodePort:                 http  31234/TCP',
        'Endpoints:                10.244.1.5:8080',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it.each([
    [undefined, '<none>'],
    [endpoints(['10.244.1.5', '10.244.1.6', '10.244.2.7', '10.244.2.8', '10.244.3.9']), '10.244.1.5:8080,10.244.1.6:8080,10.244.2.7:8080 + 2 more...'],
    [endpoints(['10.244.1.5'], 8080, 'metrics'), ''],
  ])('formats endpoints %#: %s', (ep, expected) => {
    expect(formatEndpoints(ep, '')).toBe(expected);
  });
});

suite('describe endpoints', () => {
  it('prints each subset with its ports table', () => {
    const out = describe('endpoints', endpoints(['10.244.1.5', '10.244.2.7']), contextOf('2024-07-01T10:05:00Z', []));
    expect(out).toBe(
      lines(
        'Name:         web',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.5,10.244.2.7',
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  8080  TCP',
        '',
        'Events:  <none>',
      ),
    );
  });
});

suite('describe ingress', () => {
  it('prints rules with backends resolved to endpoints, or the lookup error', () => {
    const ing: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'web.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
                { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } },
              ],
            },
          },
        ],
      },
    };
    const out = describe('ingresses', ing, contextOf('2024-07-01T10:05:00Z', [ing, service(), endpoints(['10.244.1.5'])]));
    expect(out).toBe(
      lines(
        'Name:             web',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    nginx',
        'Default backend:  <default>',
        'Rules:',
        '  Host             Path  Backends',
        '  ----             ----  --------',
        '  web.example.com  ',
        '                   /      web:80 (10.244.1.5:8080)',
        '                   /api   api:8080 (<error: endpoints "api" not found>)',
        'Annotations:       <none>',
        'Events:            <none>',
      ),
    );
  });
});
