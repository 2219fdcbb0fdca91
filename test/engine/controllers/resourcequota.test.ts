import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createResourceQuotaController } from '../../../src/engine/controllers/resourcequota.js';
import { clusterWith, create, must } from './platform-helpers.js';

function pod(name: string, cpu: string, memory: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu, memory }, limits: { cpu, memory } } }] },
  };
}

describe('resourcequota controller', () => {
  it('writes hard and used, and follows pods and config maps coming and going', () => {
    const cluster = clusterWith(createResourceQuotaController());
    create(cluster, 'resourcequotas', {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'team', namespace: 'default' },
      spec: { hard: { pods: '4', 'requests.cpu': '2', 'requests.memory': '1Gi', configmaps: '5' } },
    });
    const status = () => cluster.internals.store.get('resourcequotas', 'default', 'team')!.status;
    const cms = cluster.internals.store.list('configmaps', 'default').length;
    expect(status()).toEqual({ hard: { pods: '4', 'requests.cpu': '2', 'requests.memory': '1Gi', configmaps: '5' }, used: { pods: '0', 'requests.cpu': '0', 'requests.memory': '0', configmaps: String(cms) } });
    create(cluster, 'pods', pod('a', '500m', '128Mi'));
    create(cluster, 'pods', pod('b', '1', '256Mi'));
    create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } });
    expect(status().used).toEqual({ pods: '2', 'requests.cpu': '1500m', 'requests.memory': '384Mi', configmaps: String(cms + 1) });
    must(cluster.client().delete('configmaps', 'default', 'cfg'));
    cluster.settle();
    expect(status().used.configmaps).toBe(String(cms));
  });
});
