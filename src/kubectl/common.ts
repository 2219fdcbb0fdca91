/**
 * What every verb needs from the invocation: the namespace (`-n`, `-A`, the context's),
 * the API client as the right user (`--as`, `--as-group`), `--dry-run`, and re-exports of
 * the shared pieces (errors, manifests, `-o`, shared flags) so a verb imports one module.
 */
import type { ApiClient } from '../engine/api/client.js';
import type { Result, UserInfo } from '../engine/api/types.js';
import type { ParsedFlags } from './args/flags.js';
import { resolveResourceArgs, type ResourceArgs } from './args/resources.js';
import type { DryRunStrategy } from './print-format.js';
import type { KubectlEnv, Output } from './types.js';

export * from './errors.js';
export * from './manifests.js';
export * from './print-format.js';
export * from './shared-flags.js';
export { nameLine, kindQualifier } from './printers/name.js';

/** The namespace scope of one invocation. */
export interface NamespaceScope {
  /** `-n` if given, else the context's namespace. */
  readonly namespace: string;
  /** Whether `-n`/`--namespace` was on the line (objects from files must then agree). */
  readonly explicit: boolean;
  /** `-A` (only for verbs that declare it). */
  readonly allNamespaces: boolean;
}

/** Reads `-n`, `-A` and the context namespace (kubectl's ToRawKubeConfigLoader().Namespace()). */
export function resolveNamespace(flags: ParsedFlags, env: KubectlEnv): NamespaceScope {
  const given = flags.string('namespace');
  const allNamespaces = flags.values.has('all-namespaces') ? flags.bool('all-namespaces') : false;
  return { namespace: given || env.namespace, explicit: given !== '', allNamespaces };
}

/** An env that can authorize impersonation itself (createKubectlEnv's does). */
export interface ImpersonatingEnv extends KubectlEnv {
  /** The client acting as `user`/`groups`, or the Forbidden the impersonation filter answers. */
  impersonate(as: { user: string; groups: readonly string[] }): Result<ApiClient>;
}

function canImpersonate(env: KubectlEnv): env is ImpersonatingEnv {
  return typeof (env as Partial<ImpersonatingEnv>).impersonate === 'function';
}

/**
 * The API client for this invocation: the context's user, or with `--as`/`--as-group`
 * the impersonated one (authorized by the API server's impersonation filter).
 */
export function clientFor(flags: ParsedFlags, env: KubectlEnv): Result<ApiClient> {
  const as = flags.values.has('as') ? flags.string('as') : '';
  const groups = flags.values.has('as-group') ? flags.list('as-group') : [];
  if (!as && groups.length === 0) return { ok: true, value: env.client() };
  if (canImpersonate(env)) return env.impersonate({ user: as, groups });
  const user: UserInfo = { name: as, groups: groups.length > 0 ? [...groups] : ['system:authenticated'] };
  return { ok: true, value: env.client(user) };
}

/**
 * GetDryRunStrategy: `none`, `client`, `server`; a bare `--dry-run` (or `true`) is client
 * with kubectl's deprecation warning on stderr. Returns the error text otherwise.
 */
export function readDryRun(flags: ParsedFlags, io: Output, now = 0): { ok: true; value: DryRunStrategy } | { ok: false; error: string } {
  const value = flags.string('dry-run');
  switch (value) {
    case 'client':
    case 'server':
    case 'none':
      return { ok: true, value };
    case 'unchanged':
      io.err(klogWarning(now, 'helpers.go:704', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
      return { ok: true, value: 'client' };
  }
  const bool = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value) ? false : undefined;
  if (bool === undefined) return { ok: false, error: `Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
  io.err(klogWarning(now, 'helpers.go:711', `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${bool ? 'client' : 'none'}.`));
  return { ok: true, value: bool ? 'client' : 'none' };
}

/** Resource arguments (`pods`, `deploy/web`, `pods,svc`) through discovery; see args/resources.ts. */
export function resourceArgs(args: readonly string[]): ResourceArgs {
  return resolveResourceArgs(args);
}

/**
 * A klog warning line as kubectl writes them to stderr: `W0701 10:00:00.000000    4242
 * file.go:N] message`, stamped with virtual time and a fixed process id for determinism.
 */
export function klogWarning(now: number, where: string, message: string): string {
  const d = new Date(now);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}`;
  return `W${stamp}    4242 ${where}] ${message}\n`;
}
