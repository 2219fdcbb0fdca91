/**
 * `kubectl wait` (cmd/wait): waits, object by object, for a condition, a JSONPath value,
 * creation or deletion, advancing virtual time in steps up to --timeout (default 30s).
 * Prints `pod/web condition met`; a timeout is `error: timed out waiting for the
 * condition on pods/web`.
 */
import type { ResourceType } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { resolveResourceArgs } from '../../args/resources.js';
import { printError, type CommandError } from '../../errors.js';
import { nameLine } from '../../printers/name.js';
import { findJsonPathResults, parseJsonPath } from '../../printers/jsonpath.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { WAIT_SPEC } from './specs/cluster.js';
import { openSession, waitFor } from './support.js';

/** What `--for` asks: deletion, creation, a condition's status, or a JSONPath's value. */
export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; path: string; value?: string };

/** Parses `--for` as wait.go conditionFuncFor does, or returns kubectl's error. */
export function parseWaitFor(text: string): { ok: true; value: WaitFor } | { ok: false; error: string } {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { ok: true, value: { kind: 'delete' } };
  if (lower === 'create') return { ok: true, value: { kind: 'create' } };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return { ok: true, value: { kind: 'condition', type: eq < 0 ? rest : rest.slice(0, eq), value: eq < 0 ? 'true' : rest.slice(eq + 1) } };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    if (close < 0) return { ok: false, error: 'jsonpath wait format must be --for=jsonpath=\'{.status.readyReplicas}\'=3 or --for=jsonpath=\'{.status.readyReplicas}\'' };
    const path = rest.slice(0, close + 1);
    const tail = rest.slice(close + 1);
    if (tail === '') return { ok: true, value: { kind: 'jsonpath', path } };
    if (!tail.startsWith('=') || tail === '=') return { ok: false, error: 'jsonpath wait format must be --for=jsonpath=\'{.status.readyReplicas}\'=3 or --for=jsonpath=\'{.status.readyReplicas}\'' };
    return { ok: true, value: { kind: 'jsonpath', path, value: tail.slice(1) } };
  }
  return { ok: false, error: `unrecognized condition: "${text}"` };
}

/** Whether an object (undefined: gone) satisfies the wait. */
export function satisfied(obj: KubeObject | undefined, want: WaitFor): boolean {
  if (want.kind === 'delete') return obj === undefined;
  if (!obj) return false;
  if (want.kind === 'create') return true;
  if (want.kind === 'condition') {
    // wait.go also skips conditions whose observedGeneration lags the object.
    const cond = (obj.status?.conditions ?? []).find((c: { type: string }) => c.type.toLowerCase() === want.type.toLowerCase());
    if (!cond || (cond.observedGeneration && cond.observedGeneration < (obj.metadata.generation ?? 0))) return false;
    return String(cond.status).toLowerCase() === want.value.toLowerCase();
  }
  const parsed = parseJsonPath(want.path);
  if (!parsed.ok) return false;
  const found = findJsonPathResults(parsed.root, obj, { allowMissingKeys: true });
  if (!found.ok) return false;
  const values = found.results.flat();
  if (values.length === 0) return false;
  if (want.value === undefined) return true;
  return values.length === 1 && typeof values[0] !== 'object' && String(values[0]) === want.value;
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const want = parseWaitFor(flags.string('for'));
  if (!want.ok) return printError(io, want.error);
  const parsed = resolveResourceArgs(flags.args);
  if (!parsed.ok) return printError(io, parsed.error);
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const all = flags.bool('all-namespaces');
  const targets: { type: ResourceType; namespace: string | undefined; name: string }[] = [];
  for (const g of parsed.groups) {
    if (g.names.length > 0) {
      for (const name of g.names) {
        const got = client.get(g.type.resource, namespace, name);
        if (!got.ok) {
          // Waiting for something to go away that is already gone succeeds quietly.
          if (got.error.reason === 'NotFound' && (want.value.kind === 'delete' || want.value.kind === 'create')) {
            if (want.value.kind === 'create') targets.push({ type: g.type, namespace, name });
            continue;
          }
          return printError(io, got.error);
        }
        targets.push({ type: g.type, namespace, name });
      }
    } else {
      if (!flags.bool('all') && !flags.string('selector') && !flags.string('field-selector')) {
        return printError(io, 'resource(s) were provided, but no name, label selector, or --all flag specified');
      }
      const list = client.list(g.type.resource, { ...(all ? {} : { namespace }), ...(flags.string('selector') ? { labelSelector: flags.string('selector') } : {}), ...(flags.string('field-selector') ? { fieldSelector: flags.string('field-selector') } : {}) });
      if (!list.ok) return printError(io, list.error);
      for (const o of list.value.items) targets.push({ type: g.type, namespace: o.metadata.namespace, name: o.metadata.name! });
    }
  }
  if (targets.length === 0) {
    if (want.value.kind === 'delete') return 0;
    return printError(io, 'no matching resources found');
  }
  const timeout = flags.duration('timeout');
  const errors: CommandError[] = [];
  for (const t of targets) {
    let last: KubeObject | undefined;
    const check = () => {
      const r = client.get(t.type.resource, t.namespace, t.name);
      last = r.ok ? r.value : last;
      return satisfied(r.ok ? r.value : undefined, want.value);
    };
    // A negative timeout waits a week (wait.go); zero checks once.
    const limit = timeout < 0 ? 7 * 24 * 3600 * 1000 : timeout;
    if (waitFor(env, limit, check)) {
      const shown = last ?? { apiVersion: t.type.group ? `${t.type.group}/${t.type.version}` : t.type.version, kind: t.type.kind, metadata: { name: t.name } };
      io.out(`${nameLine(shown, 'condition met')}\n`);
    } else {
      errors.push(`timed out waiting for the condition on ${t.type.resource}/${t.name}`);
    }
  }
  return errors.length ? printError(io, errors) : 0;
}

/** `kubectl wait`. */
export const waitCommand: CommandModule = { path: ['wait'], spec: WAIT_SPEC, run };
