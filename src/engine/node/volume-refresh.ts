/**
 * Keeping configMap, secret, downwardAPI and projected volumes current after mount, as the
 * kubelet's volume manager does: each periodic pod sync marks these volumes for remount
 * and the reconciler rewrites their files in place. subPath mounts keep what they had at
 * start (volumes.ts), and env vars are never touched (they are resolved at container start).
 */
import type { KubeObject } from '../api/types.js';
import type { ContainerFs } from './process/index.js';
import type { PodRuntime } from './runtime.js';
import { isWait, projectedVolumeFiles, type VolumeContext } from './volumes.js';

/**
 * How far a change of a ConfigMap or Secret is from a mounted pod: the kubelet's
 * syncFrequency (1m by default) plus the cache propagation delay, which is about zero for
 * the default configMapAndSecretChangeDetectionStrategy, Watch. The real pod worker
 * jitters each resync by up to half the period; here a pod resyncs every minute on the
 * minute of its admission, so a change shows within 0-60 s and the same run gives the
 * same times.
 */
export const VOLUME_RESYNC_PERIOD_MS = 60_000;

/** `configmaps/NAME` and `secrets/NAME` that a pod's volumes project files from. */
export function volumeSources(pod: KubeObject): Set<string> {
  const out = new Set<string>();
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap?.name) out.add(`configmaps/${v.configMap.name}`);
    if (v.secret?.secretName) out.add(`secrets/${v.secret.secretName}`);
    for (const src of v.projected?.sources ?? []) {
      if (src.configMap?.name) out.add(`configmaps/${src.configMap.name}`);
      if (src.secret?.name) out.add(`secrets/${src.secret.name}`);
    }
  }
  return out;
}

/** The pod's next periodic sync after `now`. */
export function nextResync(rt: PodRuntime, now: number): number {
  return rt.admittedAt + (Math.floor((now - rt.admittedAt) / VOLUME_RESYNC_PERIOD_MS) + 1) * VOLUME_RESYNC_PERIOD_MS;
}

/** What a downwardAPI file may read from the pod's metadata, to notice a label or annotation change. */
export function downwardMetadata(pod: KubeObject): string {
  return JSON.stringify([pod.metadata.labels ?? {}, pod.metadata.annotations ?? {}]);
}

/**
 * Rewrites the files of every projected volume from the current objects (AtomicWriter: new
 * files appear, changed ones change, removed keys disappear). A source that has gone keeps
 * its old files, as a failed remount leaves them.
 */
export function refreshVolumes(ctx: VolumeContext, volumes: ReadonlyMap<string, { readonly fs: ContainerFs; readonly projected?: boolean }>): void {
  for (const v of ctx.pod.spec?.volumes ?? []) {
    const mounted = volumes.get(v.name);
    if (!mounted?.projected) continue;
    const files = projectedVolumeFiles(v, ctx);
    if (!files || isWait(files)) continue;
    replaceFiles(mounted.fs, files);
  }
}

function allFiles(fs: ContainerFs, dir: string, out: string[]): string[] {
  for (const name of fs.list(dir) ?? []) {
    const path = `${dir === '/' ? '' : dir}/${name}`;
    if (fs.stat(path) === 'dir') allFiles(fs, path, out);
    else out.push(path);
  }
  return out;
}

function replaceFiles(fs: ContainerFs, files: Readonly<Record<string, string>>): void {
  for (const path of allFiles(fs, '/', [])) if (!(path in files)) fs.remove(path);
  for (const [path, content] of Object.entries(files)) {
    if (fs.read(path) === content) continue;
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (parent !== '/') fs.mkdir(parent, { parents: true });
    fs.write(path, content);
  }
}
