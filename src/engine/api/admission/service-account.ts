/**
 * ServiceAccount (plugin/pkg/admission/serviceaccount): a new pod runs as a ServiceAccount
 * that must exist (`default` unless it names one), and unless automounting is switched
 * off every container gets the projected `kube-api-access-xxxxx` token volume.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { ok, fail, type KubeObject, type Result, type StatusError } from '../types.js';
import { admissionForbidden, copyObject } from './forbidden.js';

/** Where the token, CA bundle and namespace file appear in each container. */
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** The projected volume source the plugin adds (serviceaccount.TokenVolumeSource). */
export function tokenVolumeSource(): Record<string, unknown> {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  };
}

function handles(req: AdmissionRequest): boolean {
  return req.resource === 'pods' && !req.subresource && req.operation === 'CREATE' && req.object.metadata.annotations?.[MIRROR_ANNOTATION] === undefined;
}

function lookup(req: AdmissionRequest, name: string): KubeObject | StatusError {
  const sa = req.store.get('serviceaccounts', req.namespace, name);
  return sa ?? admissionForbidden(req, `error looking up service account ${req.namespace}/${name}: serviceaccount "${name}" not found`);
}

interface Container {
  name: string;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

function mountToken(pod: KubeObject, volumeName: string): boolean {
  let needed = false;
  for (const c of [...((pod.spec.initContainers ?? []) as Container[]), ...((pod.spec.containers ?? []) as Container[])]) {
    // A container that already mounts something at the token path keeps its own.
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: TOKEN_MOUNT_PATH, name: volumeName, readOnly: true }];
    needed = true;
  }
  return needed;
}

function admit(req: AdmissionRequest): Result<KubeObject> {
  if (!handles(req)) return ok(req.object);
  const pod = copyObject(req.object);
  pod.spec = pod.spec ?? {};
  if (!pod.spec.serviceAccountName) pod.spec.serviceAccountName = 'default';
  // The deprecated field mirrors serviceAccountName, as the v1 conversion writes it.
  pod.spec.serviceAccount = pod.spec.serviceAccountName;
  const sa = lookup({ ...req, object: pod }, pod.spec.serviceAccountName);
  if (sa.kind === 'Status') return fail(sa as StatusError);
  const account = sa as KubeObject;
  const automount: boolean = pod.spec.automountServiceAccountToken ?? account.automountServiceAccountToken ?? true;
  if (automount) {
    const volumes: { name: string }[] = pod.spec.volumes ?? [];
    const existing = volumes.find((v) => v.name.startsWith(VOLUME_PREFIX));
    const volumeName = existing?.name ?? VOLUME_PREFIX + req.random.string(5);
    if (mountToken(pod, volumeName) && !existing) pod.spec.volumes = [...volumes, { name: volumeName, projected: tokenVolumeSource() }];
  }
  if (!pod.spec.imagePullSecrets?.length && account.imagePullSecrets?.length) {
    pod.spec.imagePullSecrets = account.imagePullSecrets.map((s: { name: string }) => ({ name: s.name }));
  }
  return ok(pod);
}

function validate(req: AdmissionRequest): StatusError | undefined {
  if (!handles(req)) return undefined;
  const name: string | undefined = req.object.spec?.serviceAccountName;
  if (!name) return admissionForbidden(req, `no service account specified for pod ${req.namespace}/${req.object.metadata.name ?? ''}`);
  const sa = lookup(req, name);
  return sa.kind === 'Status' ? (sa as StatusError) : undefined;
}

/** The ServiceAccount plugin. */
export const serviceAccount: AdmissionPlugin = { name: 'ServiceAccount', mutate: admit, validate };
