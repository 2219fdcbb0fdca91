import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import { ROOT_CA_PEM } from '../../../src/engine/controllers/root-ca.js';
import { createNodeLifecycleController } from '../../../src/engine/controllers/node-lifecycle/index.js';
import { createScheduler } from '../../../src/engine/scheduler/index.js';
import { create, pod } from './helpers.js';

const CA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

function caSeenBy(cluster: Cluster): string {
  create(cluster, 'pods', pod('sh', { image: 'busybox:1.36', command: ['sleep', '3600'] }));
  cluster.advance(10_000);
  const r = cluster.client().exec('default', 'sh', { command: ['cat', CA_PATH] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.stdout;
}

describe('the service account volume', () => {
  it('mounts the CA the root CA publisher put in kube-root-ca.crt', () => {
    const cluster = createCluster();
    expect(cluster.internals.store.get('configmaps', 'default', 'kube-root-ca.crt')!.data['ca.crt']).toBe(ROOT_CA_PEM);
    expect(caSeenBy(cluster)).toBe(ROOT_CA_PEM);
  });

  it('mounts the same CA before the publisher has written the ConfigMap', () => {
    const cluster = createCluster(undefined, { controllers: [createNodeLifecycleController(), createScheduler()], kubelets: true });
    expect(cluster.internals.store.get('configmaps', 'default', 'kube-root-ca.crt')).toBeUndefined();
    expect(caSeenBy(cluster)).toBe(ROOT_CA_PEM);
  });
});
