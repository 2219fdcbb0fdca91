import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';

function withPod() {
  const cluster = createCluster(undefined, { controllers: [] });
  const api = cluster.client();
  const r = api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
  if (!r.ok) throw new Error(r.error.message);
  return { cluster, api, pod: r.value.object };
}

const debuggerContainer = { name: 'debugger-x7k2p', image: 'busybox:1.36', stdin: true, tty: true, targetContainerName: 'c', terminationMessagePolicy: 'File' };
const adding = (pod: KubeObject, ...containers: object[]): KubeObject => ({ ...pod, spec: { ...pod.spec, ephemeralContainers: [...(pod.spec.ephemeralContainers ?? []), ...containers] } });

describe('pods/ephemeralcontainers', () => {
  it('adds an ephemeral container with its defaults and ignores changes to anything else', () => {
    const { api, pod } = withPod();
    const changed = adding(pod, debuggerContainer);
    changed.spec.containers = [{ ...pod.spec.containers[0], image: 'nginx:1.27' }];
    const r = api.updateEphemeralContainers('default', 'web', changed);
    expect(r.ok).toBe(true);
    const stored = api.get('pods', 'default', 'web');
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.spec.containers[0].image).toBe('nginx:1.25');
    expect(stored.value.spec.ephemeralContainers).toEqual([{ ...debuggerContainer, imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', resources: {} }]);
  });

  it.each([
    ['removing one', (p: KubeObject) => ({ ...p, spec: { ...p.spec, ephemeralContainers: [] } }), 'Pod "web" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "debugger-x7k2p" may not be removed\n'],
    ['changing one', (p: KubeObject) => ({ ...p, spec: { ...p.spec, ephemeralContainers: [{ ...p.spec.ephemeralContainers[0], image: 'alpine:3.20' }] } }), 'Pod "web" is invalid: spec.ephemeralContainers[debugger-x7k2p]: Forbidden: existing ephemeral containers "debugger-x7k2p" may not be changed\n'],
    ['a name already taken', (p: KubeObject) => adding(p, { name: 'c', image: 'busybox:1.36' }), 'Pod "web" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "c"'],
    ['ports', (p: KubeObject) => adding(p, { name: 'd2', image: 'busybox:1.36', ports: [{ containerPort: 80 }] }), 'Pod "web" is invalid: spec.ephemeralContainers[1].ports: Forbidden: cannot be set for an Ephemeral Container'],
    ['a missing target', (p: KubeObject) => adding(p, { name: 'd2', image: 'busybox:1.36', targetContainerName: 'nope' }), 'Pod "web" is invalid: spec.ephemeralContainers[1].targetContainerName: Not found: "nope"'],
  ])('refuses %s', (_, change, message) => {
    const { api, pod } = withPod();
    const first = api.updateEphemeralContainers('default', 'web', adding(pod, debuggerContainer));
    if (!first.ok) throw new Error(first.error.message);
    const r = api.updateEphemeralContainers('default', 'web', change(first.value.object));
    expect(r).toMatchObject({ ok: false, error: { code: 422, message } });
  });

  it('needs update on pods/ephemeralcontainers', () => {
    const { cluster, pod } = withPod();
    expect(cluster.client('bob').updateEphemeralContainers('default', 'web', adding(pod, debuggerContainer))).toMatchObject({
      ok: false,
      error: { code: 403, message: 'pods "web" is forbidden: User "bob" cannot update resource "pods/ephemeralcontainers" in API group "" in the namespace "default"' },
    });
  });

  it('refuses a static pod', () => {
    const cluster = createCluster(undefined, { controllers: [] });
    const api = cluster.client();
    const got = api.get('pods', 'kube-system', 'etcd-controlplane');
    if (!got.ok) throw new Error(got.error.message);
    expect(api.updateEphemeralContainers('kube-system', 'etcd-controlplane', adding(got.value, { ...debuggerContainer, targetContainerName: 'etcd' }))).toMatchObject({
      ok: false,
      error: { message: 'Pod "etcd-controlplane" is invalid: []: Forbidden: static pods do not support ephemeral containers' },
    });
  });
});
