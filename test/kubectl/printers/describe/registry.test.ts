import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { describe, DESCRIBERS } from '../../../../src/kubectl/printers/describe/index.js';
import { contextOf } from './fixtures.js';

const ctx = contextOf('2024-07-01T10:05:00Z', []);

suite('describer table', () => {
  it.each(Object.keys(DESCRIBERS))('%s survives a bare object and starts with its name', (resource) => {
    const obj: KubeObject = { apiVersion: 'v1', kind: 'X', metadata: { name: 'bare', namespace: 'default' } };
    expect(describe(resource, obj, ctx)).toMatch(/^Name:\s+bare\n/);
  });

  it('prints a statefulset with its volume claim templates', () => {
    const ss: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default', creationTimestamp: '2024-07-01T10:00:00Z' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
      status: { replicas: 2 },
    };
    const out = describe('statefulsets', ss, ctx);
    expect(out).toContain('Replicas:           2 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\nPods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(out).toContain(
      'Volume Claims:\n  Name:          data\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\n',
    );
  });

  it('prints a network policy the way describe.go words it', () => {
    const np: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'db-allow-web', namespace: 'default', creationTimestamp: '2024-07-01T10:00:00Z' },
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
        policyTypes: ['Ingress'],
      },
    };
    expect(describe('networkpolicies', np, ctx)).toBe(
      [
        'Name:         db-allow-web',
        'Namespace:    default',
        'Created on:   2024-07-01 10:00:00 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=db',
        '  Allowing ingress traffic:',
        '    To Port: 5432/TCP',
        '    From:',
        '      PodSelector: app=web',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
        '',
      ].join('\n'),
    );
  });

  it('prints an HPA resource metric as a percentage of request', () => {
    const hpa: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default', creationTimestamp: '2024-07-01T10:00:00Z' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
      status: { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 10, averageValue: '10m' } } }] },
    };
    expect(describe('horizontalpodautoscalers', hpa, ctx)).toContain(
      'Metrics:                                               ( current / target )\n  resource cpu on pods  (as a percentage of request):  10% (10m) / 50%\nMin replicas:                                          1\n',
    );
  });
});
