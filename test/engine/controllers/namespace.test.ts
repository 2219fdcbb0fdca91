import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { createNamespaceController } from '../../../src/engine/controllers/namespace/index.js';
import { createServiceAccountController } from '../../../src/engine/controllers/serviceaccount.js';
import { createRootCACertPublisherController, ROOT_CA_DESCRIPTION } from '../../../src/engine/controllers/root-ca.js';
import { createGarbageCollectorController } from '../../../src/engine/controllers/garbage-collector/index.js';
import { clusterWith, create, list, must, pod, reap } from './platform-helpers.js';

const platform = () => clusterWith(createNamespaceController(), createServiceAccountController(), createRootCACertPublisherController(), createGarbageCollectorController());

function conditions(ns: KubeObject | undefined): string[] {
  return ((ns?.status?.conditions ?? []) as { type: string; status: string; reason: string; message: string }[]).map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`);
}

describe('serviceaccount controller and root CA publisher', () => {
  it('give a new namespace its default ServiceAccount and kube-root-ca.crt ConfigMap', () => {
    const cluster = platform();
    create(cluster, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    expect(list(cluster, 'serviceaccounts', 'dev').map((s) => s.metadata.name)).toEqual(['default']);
    const cm = cluster.internals.store.get('configmaps', 'dev', 'kube-root-ca.crt')!;
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': ROOT_CA_DESCRIPTION });
    expect(cm.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n$/);
    // A pod can be created at once: admission finds the default ServiceAccount.
    create(cluster, 'pods', pod('p', {}, [], 'dev'));
  });

  it.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])('publishes the CA in the existing namespace %s', (ns) => {
    const cluster = platform();
    expect(cluster.internals.store.get('configmaps', ns, 'kube-root-ca.crt')).toBeDefined();
  });

  it('recreates a deleted default ServiceAccount and restores an edited CA ConfigMap', () => {
    const cluster = platform();
    const before = cluster.internals.store.get('serviceaccounts', 'default', 'default')!;
    must(cluster.client().delete('serviceaccounts', 'default', 'default'));
    cluster.settle();
    const after = cluster.internals.store.get('serviceaccounts', 'default', 'default')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    must(cluster.client().patch('configmaps', 'default', 'kube-root-ca.crt', { data: { 'ca.crt': 'tampered' } }, 'merge'));
    cluster.settle();
    expect(cluster.internals.store.get('configmaps', 'default', 'kube-root-ca.crt')!.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});

describe('namespace controller', () => {
  it('deletes the contents of a Terminating namespace, reports what remains, then removes it', () => {
    const cluster = platform();
    create(cluster, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    create(cluster, 'deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
    });
    create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } });
    expect(list(cluster, 'pods', 'shop')).toHaveLength(2);
    must(cluster.client().delete('namespaces', undefined, 'shop'));
    cluster.settle();
    const ns = cluster.internals.store.get('namespaces', undefined, 'shop')!;
    expect(ns.status.phase).toBe('Terminating');
    expect(conditions(ns)).toEqual([
      'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered',
      'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed',
      'NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: pods. has 2 resource instances',
      'NamespaceFinalizersRemaining False ContentHasNoFinalizers: All content-preserving finalizers finished',
    ]);
    for (const r of ['deployments', 'replicasets', 'configmaps', 'serviceaccounts']) expect(list(cluster, r, 'shop')).toEqual([]);
    // Nothing is recreated while the namespace terminates.
    cluster.advance(20_000);
    expect(list(cluster, 'serviceaccounts', 'shop')).toEqual([]);
    reap(cluster, 'shop');
    expect(cluster.internals.store.get('namespaces', undefined, 'shop')).toBeUndefined();
  });

  it('counts finalizers that hold content back', () => {
    const cluster = platform();
    create(cluster, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'data' } });
    create(cluster, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'data', finalizers: ['example.com/hold'] } });
    must(cluster.client().delete('namespaces', undefined, 'data'));
    cluster.settle();
    const ns = cluster.internals.store.get('namespaces', undefined, 'data')!;
    expect(conditions(ns).slice(3)).toEqual([
      'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: configmaps. has 1 resource instances',
      'NamespaceFinalizersRemaining True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    ]);
    must(cluster.client().patch('configmaps', 'data', 'held', { metadata: { finalizers: null } }, 'merge'));
    cluster.settle();
    expect(cluster.internals.store.get('namespaces', undefined, 'data')).toBeUndefined();
  });

  it('removes an empty namespace at once', () => {
    const cluster = platform();
    create(cluster, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tmp' } });
    must(cluster.client().delete('namespaces', undefined, 'tmp'));
    cluster.settle();
    expect(cluster.internals.store.get('namespaces', undefined, 'tmp')).toBeUndefined();
  });
});
