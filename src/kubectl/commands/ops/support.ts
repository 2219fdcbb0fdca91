/**
 * Small pieces the operational verbs share: reading one `TYPE NAME` / `TYPE/NAME`
 * argument, the request namespace, usage errors worded as kubectl's UsageErrorf, and the
 * loop that waits on virtual time (rollout status, wait, drain, logs -f).
 */
import type { ResourceType } from '../../../engine/api/discovery.js';
import type { ApiClient } from '../../../engine/api/client.js';
import type { KubeObject, Result } from '../../../engine/api/types.js';
import { clientFor, resolveNamespace } from '../../common.js';
import { resolveResourceArgs } from '../../args/resources.js';
import type { ParsedFlags } from '../../args/flags.js';
import type { KubectlEnv } from '../../types.js';

/** One object a verb acts on, as its arguments named it. */
export interface Target {
  readonly type: ResourceType;
  readonly name: string;
}

/** Targets, or kubectl's error text (without `error: `). */
export type Targets = { readonly ok: true; readonly targets: readonly Target[] } | { readonly ok: false; readonly error: string };

/** The API as this invocation's user (`--as`) and the namespace it works in. */
export interface Session {
  readonly client: ApiClient;
  readonly namespace: string;
}

/** Opens the session for a verb, or the Forbidden an impersonation got. */
export function openSession(flags: ParsedFlags, env: KubectlEnv): Result<Session> {
  const client = clientFor(flags, env);
  if (!client.ok) return client;
  return { ok: true, value: { client: client.value, namespace: resolveNamespace(flags, env).namespace } };
}

/** cmdutil.UsageErrorf: the message, then `See 'kubectl <cmd> -h' for help and examples`. */
export function usageError(commandPath: string, message: string): string {
  return `${message}\nSee '${commandPath} -h' for help and examples`;
}

/**
 * Reads `TYPE NAME...` or `TYPE/NAME...` into named objects; a type without a name is
 * an error for the verbs that act on one object (`resource(s) were provided, but no name was specified`).
 */
export function namedTargets(args: readonly string[]): Targets {
  const parsed = resolveResourceArgs(args);
  if (!parsed.ok) return parsed;
  const targets: Target[] = [];
  for (const g of parsed.groups) {
    if (g.names.length === 0) return { ok: false, error: 'resource(s) were provided, but no name was specified' };
    for (const name of g.names) targets.push({ type: g.type, name });
  }
  return { ok: true, targets };
}

/** `deployment.apps/web`: an object as the name printer shows it, from its type. */
export function typedName(type: ResourceType, name: string): string {
  return `${type.kind.toLowerCase()}${type.group ? `.${type.group}` : ''}/${name}`;
}

/** `deployments.apps`: the resource as error messages name it. */
export function resourceString(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

/** The step by which waiting verbs advance virtual time: small enough to see each change. */
export const WAIT_STEP_MS = 1000;

/**
 * How long a wait with no timeout (`rollout status`, `logs -f`, `get -w`) runs in a
 * transcript before it stops: real kubectl would wait for ever, a script cannot.
 */
export const UNBOUNDED_WAIT_MS = 15 * 60 * 1000;

/**
 * Advances virtual time in steps until `done()` says so or `limitMs` has passed; returns
 * whether it finished. `done` is checked before the first step, so nothing moves when
 * the condition already holds.
 */
export function waitFor(env: KubectlEnv, limitMs: number, done: () => boolean, stepMs = WAIT_STEP_MS): boolean {
  const deadline = env.now() + limitMs;
  while (!done()) {
    const left = deadline - env.now();
    if (left <= 0) return false;
    env.advance(Math.min(stepMs, left));
  }
  return true;
}

/** The labels a workload selects its pods by, as a selector string (`app=web,tier=fe`). */
export function selectorText(obj: KubeObject): string {
  const sel = obj.spec?.selector;
  if (!sel) return '';
  // A Service or ReplicationController selects with a plain map.
  const matchLabels: Record<string, string> = sel.matchLabels ?? (sel.matchExpressions ? {} : sel);
  const parts = Object.entries(matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const op = String(e.operator);
    if (op === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (op === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (op === 'Exists') parts.push(e.key);
    else if (op === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}
