import { describe, expect, it } from 'vitest';
import { serviceAccount as plugin } from '../../../../src/engine/api/admission/index.js';
import { pod, request, serviceAccount } from './fixtures.js';

const admit = plugin.mutate!;
const defaultSA = serviceAccount('default', 'default');

describe('ServiceAccount admission', () => {
  it('runs pods as the default ServiceAccount and mounts the projected token volume', () => {
    const result = admit(request('pods', pod('web', [{ name: 'nginx' }, { name: 'sidecar' }]), [defaultSA]));
    if (!result.ok) throw new Error(result.error.message);
    const spec = result.value.spec;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    const volumeName: string = spec.volumes[0].name;
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.volumes).toEqual([
      {
        name: volumeName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ]);
    for (const c of spec.containers) {
      expect(c.volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumeName, readOnly: true }]);
    }
  });

  it('does not change the object it was given', () => {
    const req = request('pods', pod('web'), [defaultSA]);
    admit(req);
    expect(req.object.spec.serviceAccountName).toBeUndefined();
  });

  it('refuses a pod whose ServiceAccount does not exist', () => {
    const result = admit(request('pods', pod('web', undefined, 'default', { serviceAccountName: 'x' }), [defaultSA]));
    expect(result.ok ? undefined : [result.error.reason, result.error.message]).toEqual([
      'Forbidden',
      'pods "web" is forbidden: error looking up service account default/x: serviceaccount "x" not found',
    ]);
  });

  it.each([
    ['the pod', { automountServiceAccountToken: false }, {}],
    ['the ServiceAccount', {}, { automountServiceAccountToken: false }],
  ])('skips the token when %s opts out', (_who, podSpec, saExtra) => {
    const result = admit(request('pods', pod('web', undefined, 'default', podSpec), [serviceAccount('default', 'default', saExtra)]));
    expect(result.ok && result.value.spec.volumes).toBeUndefined();
  });

  it('lets the pod setting win over the ServiceAccount', () => {
    const result = admit(request('pods', pod('web', undefined, 'default', { automountServiceAccountToken: true }), [serviceAccount('default', 'default', { automountServiceAccountToken: false })]));
    expect(result.ok && result.value.spec.volumes).toHaveLength(1);
  });

  it('copies the ServiceAccount imagePullSecrets into a pod without any', () => {
    const result = admit(request('pods', pod('web'), [serviceAccount('default', 'default', { imagePullSecrets: [{ name: 'regcred' }] })]));
    expect(result.ok && result.value.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  it('mounts into init containers too, and leaves containers that mount the path themselves', () => {
    const p = pod('web', [{ name: 'app' }], 'default', {
      initContainers: [{ name: 'init', image: 'busybox' }],
    });
    p.spec.containers[0].volumeMounts = [{ name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }];
    const result = admit(request('pods', p, [defaultSA]));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.spec.initContainers[0].volumeMounts[0].name).toMatch(/^kube-api-access-/);
    expect(result.value.spec.containers[0].volumeMounts).toEqual([{ name: 'own', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
  });

  it('leaves other resources and updates alone', () => {
    const req = request('pods', pod('web'), [], { operation: 'UPDATE' });
    expect(admit(req)).toEqual({ ok: true, value: req.object });
  });
});
