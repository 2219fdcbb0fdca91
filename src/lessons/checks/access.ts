/**
 * Access checks: `canI` (a SelfSubjectAccessReview as an impersonated user or service
 * account, as `kubectl auth can-i --as` asks) and `reachable` (an HTTP request from a pod
 * through `wget`, as a learner would test it, or without `from` through the network from
 * the control-plane node, as the learner's terminal would).
 */
import type { ApiClient } from '../../engine/api/client.js';
import { resourceType } from '../../engine/api/discovery.js';
import { DEFAULT_NAMESPACE, listObjects, terminating } from './refs.js';
import type { CheckContext, CheckResult, ProbeResult } from './types.js';
import { podReady } from './pods.js';
import { PROBE_ORIGIN } from './network.js';

const SERVICE_ACCOUNT = /^system:serviceaccount:([^:]+):([^:]+)$/;

/** The groups the authenticator gives a user name (a service account's three, else authenticated). */
export function groupsFor(user: string): string[] {
  const sa = SERVICE_ACCOUNT.exec(user);
  return sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`, 'system:authenticated'] : ['system:authenticated'];
}

/** `canI`: whether a user may do a verb on a resource matches `expect`. */
export function canICheck(
  api: ApiClient,
  spec: { as: string; verb: string; resource: string; subresource?: string; name?: string; namespace?: string; expect: 'yes' | 'no' },
): CheckResult {
  const t = resourceType(spec.resource.split('.')[0]!);
  const namespace = t?.namespaced === false ? undefined : (spec.namespace ?? DEFAULT_NAMESPACE);
  const target = `${spec.resource}${spec.subresource ? `/${spec.subresource}` : ''}${spec.name ? ` ${spec.name}` : ''}`;
  const question = `can ${spec.as} ${spec.verb} ${target}${namespace ? ` in namespace ${namespace}` : ''}?`;
  const as = api.impersonate({ user: spec.as, groups: groupsFor(spec.as) });
  if (!as.ok) return { ok: false, message: `${question} (${as.error.message})` };
  const r = as.value.canI({ verb: spec.verb, resource: t?.resource ?? spec.resource, group: t?.group, subresource: spec.subresource, namespace, name: spec.name });
  if (!r.ok) return { ok: false, message: `${question} (${r.error.message})` };
  const answer = r.value.allowed ? 'yes' : 'no';
  return answer === spec.expect ? { ok: true, message: `${question} ${answer}` } : { ok: false, message: `${question} ${answer}, expected ${spec.expect}` };
}

/** How long the probe waits, as `wget -T 2`. */
const PROBE_TIMEOUT_SECONDS = 2;

/** `reachable`: a URL answers (with a text or status) from a pod or the control plane — or, with `blocked`, does not. */
export function reachableCheck(
  api: ApiClient,
  spec: { url: string; from?: string; namespace?: string; expect?: { text?: string; status?: number; blocked?: boolean } },
  ctx: CheckContext,
): CheckResult {
  const namespace = spec.namespace ?? DEFAULT_NAMESPACE;
  let origin = PROBE_ORIGIN;
  let result: ProbeResult;
  if (spec.from !== undefined) {
    const pod = pickPod(api, namespace, spec.from);
    if (!pod) return { ok: false, message: `no running pod ${spec.from} to send the request from yet` };
    origin = `pod/${pod}`;
    result = wget(api, namespace, pod, spec.url);
  } else if (ctx.network) {
    result = ctx.network.request({ namespace }, spec.url, PROBE_TIMEOUT_SECONDS * 1000);
  } else {
    return { ok: false, message: `${spec.url} cannot be probed: no network is attached` };
  }
  const subject = `${spec.url} from ${origin}`;
  const expect = spec.expect ?? {};
  if (expect.blocked) return result.ok ? { ok: false, message: `${subject} answered ${result.status}, expected it to be blocked` } : { ok: true, message: `${subject} is blocked (${result.error})` };
  if (!result.ok) return { ok: false, message: `${subject} failed: ${result.error}` };
  const wantStatus = expect.status ?? (expect.text === undefined ? undefined : 200);
  if (wantStatus !== undefined && result.status !== wantStatus) return { ok: false, message: `${subject} answered ${result.status}, expected ${wantStatus}` };
  if (wantStatus === undefined && result.status >= 400) return { ok: false, message: `${subject} answered ${result.status}` };
  if (expect.text !== undefined && !result.body.includes(expect.text)) return { ok: false, message: `${subject} answered without "${expect.text}"` };
  return { ok: true, message: `${subject} answered ${result.status}${expect.text !== undefined ? ` with "${expect.text}"` : ''}` };
}

// A pod name, or a label selector (contains `=`): the first Ready pod it selects.
function pickPod(api: ApiClient, namespace: string, from: string): string | undefined {
  if (!from.includes('=')) {
    const r = api.get('pods', namespace, from);
    return r.ok && r.value.status?.phase === 'Running' ? from : undefined;
  }
  return listObjects(api, 'pods', namespace, from).find((p) => !terminating(p) && podReady(p))?.metadata.name;
}

// `kubectl exec POD -- wget -qO- -T 2 URL`, read back as an HTTP outcome.
function wget(api: ApiClient, namespace: string, pod: string, url: string): ProbeResult {
  const r = api.exec(namespace, pod, { command: ['wget', '-qO-', '-T', String(PROBE_TIMEOUT_SECONDS), url] });
  if (!r.ok) return { ok: false, error: 'unreachable' };
  if (r.value.exitCode === 0) return { ok: true, status: 200, body: r.value.stdout };
  const http = /server returned error: HTTP\/1\.[01] (\d{3})/.exec(r.value.stderr);
  if (http) return { ok: true, status: Number(http[1]), body: r.value.stdout };
  if (/timed out/.test(r.value.stderr)) return { ok: false, error: 'timeout' };
  if (/bad address|resolve/.test(r.value.stderr)) return { ok: false, error: 'unresolved' };
  if (/refused/.test(r.value.stderr)) return { ok: false, error: 'refused' };
  return { ok: false, error: 'unreachable' };
}
