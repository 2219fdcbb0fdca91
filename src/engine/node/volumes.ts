/**
 * Pod volumes on a node (the kubelet's volume manager and plugins): emptyDir per pod,
 * configMap/secret/downwardAPI/projected files, the service-account token, hostPath per
 * node, and PersistentVolumes whose data outlives the pods that mount them.
 */
import type { StoreReader } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import { createMemoryFs, type ContainerFs, type Mount } from './process/index.js';
import { decodeBase64, fieldValue, resourceValue } from './env.js';
import { ROOT_CA_PEM } from '../controllers/root-ca.js';

/** Stores that live longer than a pod: PV data cluster-wide, hostPath per node. */
export class VolumeStores {
  private readonly pvs = new Map<string, ContainerFs>();
  private readonly hosts = new Map<string, ContainerFs>();

  /** The data of a PersistentVolume (created empty on first use). */
  pv(name: string): ContainerFs {
    let fs = this.pvs.get(name);
    if (!fs) this.pvs.set(name, (fs = createMemoryFs()));
    return fs;
  }

  /** A node's own filesystem, for hostPath volumes. */
  host(node: string): ContainerFs {
    let fs = this.hosts.get(node);
    if (!fs) this.hosts.set(node, (fs = createMemoryFs({}, ['/var/log', '/tmp', '/etc', '/data', '/mnt'])));
    return fs;
  }
}

/** A volume ready to mount, with the subPath of its store when it is a slice of a bigger one. */
export interface PodVolume {
  readonly fs: ContainerFs;
  readonly root?: string;
  /**
   * Files the kubelet projects from API objects (configMap, secret, downwardAPI, projected):
   * rewritten when their sources change (volume-refresh.ts), except under a subPath mount.
   */
  readonly projected?: boolean;
}

/** Mounted volumes, or why mounting waits (`message` set for a FailedMount event). */
export type VolumesResult =
  | { readonly ok: true; readonly volumes: ReadonlyMap<string, PodVolume> }
  | { readonly ok: false; readonly volume: string; readonly message?: string };

/** What volume set-up reads. */
export interface VolumeContext {
  readonly store: StoreReader;
  readonly pod: KubeObject;
  readonly node: string;
  readonly podIP: string;
  readonly hostIP: string;
  readonly nodeAllocatable: Readonly<Record<string, string>>;
  readonly stores: VolumeStores;
  /** The pod's emptyDirs, kept across container restarts. */
  readonly emptyDirs: Map<string, ContainerFs>;
}

/** Sets up every volume of the pod, or stops at the first that cannot be. */
export function setUpVolumes(ctx: VolumeContext): VolumesResult {
  const out = new Map<string, PodVolume>();
  for (const v of ctx.pod.spec?.volumes ?? []) {
    const r = setUpVolume(v, ctx);
    if ('wait' in r) return { ok: false, volume: v.name, message: r.wait };
    out.set(v.name, r);
  }
  return { ok: true, volumes: out };
}

type One = PodVolume | { wait: string | undefined };

/**
 * The files of a volume the kubelet projects from API objects, or why it cannot yet (the
 * FailedMount message); undefined for every other kind of volume.
 */
export function projectedVolumeFiles(v: KubeObject['spec'], ctx: VolumeContext): Record<string, string> | { wait: string } | undefined {
  const ns = ctx.pod.metadata.namespace ?? 'default';
  const waitOr = (f: Record<string, string> | string) => (typeof f === 'string' ? { wait: f } : f);
  if (v.configMap) return waitOr(configMapFiles(ctx.store, ns, v.configMap.name, v.configMap.items, !!v.configMap.optional));
  if (v.secret) return waitOr(secretFiles(ctx.store, ns, v.secret.secretName, v.secret.items, !!v.secret.optional));
  if (v.downwardAPI) return downwardFiles(v.downwardAPI.items ?? [], ctx);
  if (!v.projected) return undefined;
  const files: Record<string, string> = {};
  for (const src of v.projected.sources ?? []) {
    if (src.serviceAccountToken) files['/' + src.serviceAccountToken.path] = serviceAccountToken(ctx.pod);
    if (src.configMap) {
      const f = configMapFiles(ctx.store, ns, src.configMap.name, src.configMap.items, !!src.configMap.optional);
      if (typeof f === 'string') {
        // kube-root-ca.crt is published by the root CA controller as soon as a namespace exists.
        if (src.configMap.name !== 'kube-root-ca.crt') return { wait: f };
        Object.assign(files, { '/ca.crt': ROOT_CA_PEM });
      } else Object.assign(files, f);
    }
    if (src.secret) {
      const f = secretFiles(ctx.store, ns, src.secret.name, src.secret.items, !!src.secret.optional);
      if (typeof f === 'string') return { wait: f };
      Object.assign(files, f);
    }
    if (src.downwardAPI) Object.assign(files, downwardFiles(src.downwardAPI.items ?? [], ctx));
  }
  return files;
}

/** Whether projected files are a wait (the FailedMount message) rather than files. */
export function isWait(files: Record<string, string> | { wait: string }): files is { wait: string } {
  // File keys are absolute paths, so a bare `wait` key is never a file.
  return 'wait' in files;
}

function setUpVolume(v: KubeObject['spec'], ctx: VolumeContext): One {
  const projected = projectedVolumeFiles(v, ctx);
  if (projected) return isWait(projected) ? projected : { fs: createMemoryFs(projected), projected: true };
  if (v.hostPath) {
    const host = ctx.stores.host(ctx.node);
    const path: string = v.hostPath.path ?? '/';
    if (!host.exists(path)) {
      if (v.hostPath.type === 'File' || v.hostPath.type === 'Directory' || v.hostPath.type === 'Socket') {
        return { wait: `hostPath type check failed: ${path} is not a ${v.hostPath.type === 'Directory' ? 'directory' : v.hostPath.type.toLowerCase()}` };
      }
      if (v.hostPath.type === 'FileOrCreate') host.write(path, '');
      else host.mkdir(path, { parents: true });
    }
    return { fs: host, root: path };
  }
  if (v.persistentVolumeClaim) {
    const pvc = ctx.store.get('persistentvolumeclaims', ctx.pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName);
    // The volume manager waits for the claim to be bound; the scheduler has usually seen to it.
    if (!pvc || pvc.status?.phase !== 'Bound' || !pvc.spec?.volumeName) return { wait: undefined };
    return { fs: ctx.stores.pv(pvc.spec.volumeName) };
  }
  if (v.ephemeral) return { fs: ctx.stores.pv(`pvc-ephemeral-${ctx.pod.metadata.uid}-${v.name}`) };
  // emptyDir, and sources the simulation does not model, are a directory of the pod.
  let dir = ctx.emptyDirs.get(v.name);
  if (!dir) ctx.emptyDirs.set(v.name, (dir = createMemoryFs()));
  return { fs: dir };
}

/** The container's mounts for its volumeMounts. */
export function containerMounts(container: KubeObject['spec'], volumes: ReadonlyMap<string, PodVolume>): Mount[] {
  const mounts: Mount[] = [];
  for (const m of container.volumeMounts ?? []) {
    const v = volumes.get(m.name);
    if (!v) continue;
    const sub = [v.root?.replace(/^\/+/, ''), m.subPath].filter((s) => s).join('/');
    if (m.subPath && !v.fs.exists('/' + sub)) v.fs.mkdir('/' + sub, { parents: true });
    // A subPath is bind-mounted once: later updates of a projected volume never reach it.
    const fs = m.subPath && v.projected ? snapshotOf(v.fs, '/' + sub) : v.fs;
    mounts.push({ path: m.mountPath, fs, readOnly: !!m.readOnly, ...(sub ? { subPath: sub } : {}) });
  }
  return mounts;
}

/** A copy of one file or directory of a volume, at the same path in a store of its own. */
function snapshotOf(fs: ContainerFs, path: string): ContainerFs {
  const files: Record<string, string> = {};
  const walk = (p: string): void => {
    const content = fs.read(p);
    if (content !== undefined) files[p] = content;
    else for (const name of fs.list(p) ?? []) walk(`${p === '/' ? '' : p}/${name}`);
  };
  walk(path);
  return createMemoryFs(files, fs.stat(path) === 'dir' ? [path] : []);
}

type KeyItems = readonly { key: string; path: string }[] | undefined;

function configMapFiles(store: StoreReader, ns: string, name: string, items: KeyItems, optional: boolean): Record<string, string> | string {
  const cm = store.get('configmaps', ns, name);
  if (!cm) return optional ? {} : `configmap "${name}" not found`;
  return keyFiles({ ...(cm.binaryData ?? {}), ...(cm.data ?? {}) }, items, (k) => `configmap references non-existent config key: ${k}`, optional);
}

function secretFiles(store: StoreReader, ns: string, name: string, items: KeyItems, optional: boolean): Record<string, string> | string {
  const s = store.get('secrets', ns, name);
  if (!s) return optional ? {} : `secret "${name}" not found`;
  const data = Object.fromEntries(Object.entries<string>(s.data ?? {}).map(([k, v]) => [k, decodeBase64(v)]));
  return keyFiles(data, items, (k) => `references non-existent secret key: ${k}`, optional);
}

function keyFiles(data: Record<string, string>, items: KeyItems, missing: (k: string) => string, optional: boolean): Record<string, string> | string {
  const files: Record<string, string> = {};
  if (!items || items.length === 0) {
    for (const [k, v] of Object.entries(data)) files['/' + k] = v;
    return files;
  }
  for (const it of items) {
    if (!(it.key in data)) {
      if (optional) continue;
      return missing(it.key);
    }
    files['/' + it.path] = data[it.key]!;
  }
  return files;
}

function downwardFiles(items: readonly KubeObject['spec'][], ctx: VolumeContext): Record<string, string> {
  const files: Record<string, string> = {};
  for (const it of items) {
    if (it.fieldRef) files['/' + it.path] = fieldValue(it.fieldRef.fieldPath, ctx);
    else if (it.resourceFieldRef) files['/' + it.path] = resourceValue(it.resourceFieldRef, (ctx.pod.spec?.containers ?? [])[0], ctx);
  }
  return files;
}

/** A bound service-account token (a JWT in shape; nothing verifies it in the simulation). */
function serviceAccountToken(pod: KubeObject): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = b64({ alg: 'RS256', kid: 'kubetutor' });
  const claims = b64({
    aud: ['https://kubernetes.default.svc.cluster.local'],
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': { namespace: pod.metadata.namespace, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: pod.spec?.serviceAccountName ?? 'default' } },
    sub: `system:serviceaccount:${pod.metadata.namespace}:${pod.spec?.serviceAccountName ?? 'default'}`,
  });
  const sig = Buffer.from(`sig:${pod.metadata.uid}`).toString('base64url');
  return `${header}.${claims}.${sig}`;
}

