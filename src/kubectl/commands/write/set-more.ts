/**
 * `kubectl set resources`, `set serviceaccount`, `set selector` and `set subject`
 * (cmd/set): each changes one part of its targets through the shared set loop.
 */
import { parseQuantity, formatQuantity } from '../../../engine/api/quantity.js';
import { parseLabelSelector } from '../../../engine/api/selectors.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { withRecord } from './record.js';
import { objectName, patchTargets, podSpecOf } from './set.js';
import { setResourcesSpec, setSelectorSpec, setServiceaccountSpec, setSubjectSpec } from './specs/set.js';

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** populateResourceListV1: `cpu=100m,memory=256Mi` to canonical quantities. */
export function parseResourceList(spec: string): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const value: Record<string, string> = {};
  if (spec === '') return { ok: true, value };
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return { ok: false, error: `Invalid argument syntax ${statement}, expected <resource>=<value>` };
    const q = parseQuantity(parts[1]!);
    if (!q) return { ok: false, error: QUANTITY_ERROR };
    value[parts[0]!] = formatQuantity(q.value, q.format);
  }
  return { ok: true, value };
}

/** path.Match for container names: `*` and `?` wildcards. */
function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return re.test(name);
}

interface Container {
  name: string;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

function runSetResources(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.bool('all') && flags.string('selector')) return printError(io, 'cannot set --all and --selector at the same time');
  const limits = parseResourceList(flags.string('limits'));
  if (!limits.ok) return printError(io, limits.error);
  const requests = parseResourceList(flags.string('requests'));
  if (!requests.ok) return printError(io, requests.error);
  if (Object.keys(limits.value).length === 0 && Object.keys(requests.value).length === 0) {
    return printError(io, 'you must specify an update to requests or limits (in the form of --requests/--limits)');
  }
  const selector = flags.string('containers');
  return patchTargets(flags, env, io, flags.args, 'resource requirements updated', (copy) => {
    const spec = podSpecOf(copy)! as { containers?: Container[]; initContainers?: Container[] };
    const chosen = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].filter((c) => globMatch(selector, c.name));
    if (chosen.length === 0) return `error: unable to find container named ${selector}`;
    for (const c of chosen) {
      const resources = { ...(c.resources ?? {}) };
      if (Object.keys(limits.value).length > 0) resources.limits = { ...(resources.limits ?? {}), ...limits.value };
      if (Object.keys(requests.value).length > 0) resources.requests = { ...(resources.requests ?? {}), ...requests.value };
      c.resources = resources;
    }
    return undefined;
  }, { recordPath: ['set', 'resources'] });
}

function runSetServiceAccount(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length === 0) return printError(io, 'serviceaccount is required');
  const name = flags.args[flags.args.length - 1]!;
  return patchTargets(flags, env, io, flags.args.slice(0, -1), 'serviceaccount updated', (copy) => {
    const spec = podSpecOf(copy)! as { serviceAccountName?: string; serviceAccount?: string };
    spec.serviceAccountName = name;
    // The server keeps the deprecated field equal to serviceAccountName.
    if (spec.serviceAccount !== undefined) spec.serviceAccount = name;
    return undefined;
  }, { recordPath: ['set', 'serviceaccount'] });
}

function runSetSelector(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const fromFiles = flags.list('filename').length > 0;
  const resources = flags.args.length > 1 || !fromFiles ? flags.args.slice(0, -1) : [];
  const text = flags.args.length > 1 || fromFiles ? flags.args[flags.args.length - 1] : undefined;
  if (resources.length < 1 && !fromFiles) return printError(io, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (text === undefined) return printError(io, 'one selector is required');
  const parsed = parseLabelSelector(text);
  if (!parsed.ok) return printError(io, parsed.error);
  const matchLabels: Record<string, string> = {};
  const expressions = parsed.selector.filter((r) => r.operator !== '=');
  for (const r of parsed.selector) if (r.operator === '=') matchLabels[r.key] = r.values[0] ?? '';
  return patchTargets(
    flags,
    env,
    io,
    resources,
    'selector updated',
    (copy) => {
      if (copy.kind !== 'Service') return 'setting a selector is only supported for Services';
      if (expressions.length > 0) return `match expression ${JSON.stringify(expressions)} not supported on this object`;
      copy.spec = { ...copy.spec, selector: { ...matchLabels } };
      return undefined;
    },
    { anyKind: true, recordPath: ['set', 'selector'] },
  );
}

interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

const sameSubject = (a: Subject, b: Subject) => a.kind === b.kind && (a.apiGroup ?? '') === (b.apiGroup ?? '') && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

function runSetSubject(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.bool('all') && flags.string('selector')) return printError(io, 'cannot set --all and --selector at the same time');
  const users = [...new Set(flags.list('user'))].sort();
  const groups = [...new Set(flags.list('group'))].sort();
  const serviceAccounts = [...new Set(flags.list('serviceaccount'))].sort();
  if (users.length === 0 && groups.length === 0 && serviceAccounts.length === 0) return printError(io, 'you must specify at least one value of user, group or serviceaccount');
  for (const sa of serviceAccounts) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[1] === '') return printError(io, 'serviceaccount must be <namespace>:<name>');
  }
  const namespace = flags.string('namespace') || env.namespace;
  const wanted: Subject[] = [
    ...users.map((name) => ({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name })),
    ...groups.map((name) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name })),
    ...serviceAccounts.map((sa) => {
      const [ns, name] = sa.split(':') as [string, string];
      return { kind: 'ServiceAccount', name, namespace: ns || namespace };
    }),
  ];
  return patchTargets(
    flags,
    env,
    io,
    flags.args,
    'subjects updated',
    (copy: KubeObject) => {
      if (copy.kind !== 'RoleBinding' && copy.kind !== 'ClusterRoleBinding') return 'setting subjects is only supported for RoleBinding/ClusterRoleBinding';
      if (copy.kind === 'ClusterRoleBinding' && serviceAccounts.some((sa) => sa.startsWith(':'))) return 'serviceaccount must be <namespace>:<name>, namespace must be specified';
      const existing = ((copy as { subjects?: Subject[] }).subjects ?? []) as Subject[];
      const added = wanted.filter((w) => !existing.some((e) => sameSubject(e, w)));
      if (added.length > 0) (copy as { subjects?: Subject[] }).subjects = [...existing, ...added];
      return undefined;
    },
    { anyKind: true, unchanged: (t) => `info: ${objectName(t)} was not changed` },
  );
}

/** `kubectl set resources`, `set serviceaccount`, `set selector`, `set subject`. */
export const SET_MORE_COMMANDS: CommandModule[] = [
  withRecord({ path: ['set', 'resources'], spec: setResourcesSpec, run: runSetResources }),
  withRecord({ path: ['set', 'serviceaccount'], spec: setServiceaccountSpec, run: runSetServiceAccount }),
  withRecord({ path: ['set', 'selector'], spec: setSelectorSpec, run: runSetSelector }),
  { path: ['set', 'subject'], spec: setSubjectSpec, run: runSetSubject },
];
