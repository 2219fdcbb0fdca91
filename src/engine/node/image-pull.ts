/**
 * EnsureImageExists for one container (pkg/kubelet/images/image_manager.go): the pull
 * policy, the node's cache, the serial puller, the pull back-off keyed by podUID_image,
 * and the events and waiting reasons each outcome gives.
 */
import { parseImageReference } from '../images/reference.js';
import { invalidImageName } from '../images/pull-errors.js';
import type { ImageInfo } from '../images/types.js';
import type { StoreReader } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import { goDuration } from './backoff.js';
import type { NodeAgent } from './agent.js';
import type { ContainerRuntime, SyncEnv } from './runtime.js';
import { decodeBase64 } from './env.js';

/** How long ErrImagePull shows before the next sync turns it into ImagePullBackOff. */
const ERR_IMAGE_PULL_RESYNC_MS = 1000;

/** The image is on the node; the pull is under way; or the container waits with a reason. */
export type EnsureResult = { readonly kind: 'ready'; readonly image: ImageInfo } | { readonly kind: 'wait' } | { readonly kind: 'failed' };

/** The effective pull policy (defaulted by the API server; derived here when missing). */
export function pullPolicy(container: KubeObject['spec']): string {
  if (container.imagePullPolicy) return container.imagePullPolicy;
  const ref = parseImageReference(String(container.image ?? ''));
  return ref.ok && (ref.ref.tag === 'latest' || (!ref.ref.tag && !ref.ref.digest)) ? 'Always' : 'IfNotPresent';
}

/** Registry hosts the pod's imagePullSecrets (docker-registry Secrets) hold credentials for. */
export function pullCredentials(store: StoreReader, pod: KubeObject): string[] {
  const ns = pod.metadata.namespace ?? 'default';
  const hosts: string[] = [];
  for (const ref of pod.spec?.imagePullSecrets ?? []) {
    const s = store.get('secrets', ns, ref.name);
    const raw = s?.data?.['.dockerconfigjson'] ?? s?.data?.['.dockercfg'];
    if (!raw) continue;
    try {
      const parsed = JSON.parse(decodeBase64(raw)) as { auths?: Record<string, unknown> } & Record<string, unknown>;
      for (const host of Object.keys(parsed.auths ?? parsed)) hosts.push(host.replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^index\.docker\.io$/, 'docker.io'));
    } catch {
      // An unparsable secret gives no credentials, as the kubelet's keyring ignores it.
    }
  }
  return hosts;
}

function setWaiting(env: SyncEnv, c: ContainerRuntime, reason: string, message?: string): void {
  if (c.waiting?.reason === reason && c.waiting.message === message) return;
  c.waiting = { reason, ...(message ? { message } : {}) };
  env.rt.dirty = true;
}

/** Makes sure the container's image is on the node, pulling it when the policy says so. */
export function ensureImage(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime): EnsureResult {
  const { ctx, now, pod } = env;
  const image: string = c.spec.image ?? '';
  const ev = (type: 'Normal' | 'Warning', reason: string, message: string) => agent.event(ctx, pod, type, reason, message, c);
  if (c.pull && c.pull.image !== image) c.pull = undefined;
  if (c.pull) {
    const job = c.pull;
    if (now < job.doneAt) {
      env.wake(job.doneAt);
      return { kind: 'wait' };
    }
    c.pull = undefined;
    agent.images.complete(job);
    if (job.result.ok) {
      ev('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(job.doneAt - job.startedAt)} (${goDuration(job.doneAt - job.requestedAt)} including waiting). Image size: ${job.result.image.size} bytes.`);
      return { kind: 'ready', image: job.result.image };
    }
    ev('Warning', 'Failed', `Failed to pull image "${image}": ${job.result.message}`);
    agent.pullBackoff.next(`${env.rt.uid}_${image}`, now);
    setWaiting(env, c, 'ErrImagePull', job.result.message);
    ev('Warning', 'Failed', 'Error: ErrImagePull');
    // The pod worker syncs again shortly and finds the pull backing off.
    env.wake(now + ERR_IMAGE_PULL_RESYNC_MS);
    return { kind: 'failed' };
  }
  const parsed = parseImageReference(image);
  if (!parsed.ok) {
    const message = invalidImageName(image, parsed.reason);
    ev('Warning', 'InspectFailed', message);
    setWaiting(env, c, 'InvalidImageName', message);
    ev('Warning', 'Failed', 'Error: InvalidImageName');
    return { kind: 'failed' };
  }
  const policy = pullPolicy(c.spec);
  const present = agent.images.has(image);
  if (policy === 'Never' && !present) {
    const message = `Container image "${image}" is not present with pull policy of Never`;
    ev('Warning', 'ErrImageNeverPull', message);
    setWaiting(env, c, 'ErrImageNeverPull', message);
    ev('Warning', 'Failed', 'Error: ErrImageNeverPull');
    env.wake(now + 10_000);
    return { kind: 'failed' };
  }
  if (present && policy !== 'Always') {
    ev('Normal', 'Pulled', `Container image "${image}" already present on machine`);
    return { kind: 'ready', image: present };
  }
  const key = `${env.rt.uid}_${image}`;
  if (agent.pullBackoff.inBackOffSinceUpdate(key, now)) {
    const message = `Back-off pulling image "${image}"`;
    ev('Normal', 'BackOff', message);
    setWaiting(env, c, 'ImagePullBackOff', message);
    ev('Warning', 'Failed', 'Error: ImagePullBackOff');
    env.wake(Math.min(agent.pullBackoff.windowEnd(key)!, now + 10_000));
    return { kind: 'failed' };
  }
  ev('Normal', 'Pulling', `Pulling image "${image}"`);
  c.pull = agent.images.requestPull(image, now, { credentials: pullCredentials(ctx.store, pod) });
  env.wake(c.pull.doneAt);
  return { kind: 'wait' };
}
