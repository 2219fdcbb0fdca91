/**
 * `kubectl auth can-i` (cmd/auth/cani.go) through SelfSubjectAccessReview, its `--list`
 * table through SelfSubjectRulesReview (rules broken down, compacted and sorted as
 * pkg/util/rbac does), and `kubectl auth whoami` through SelfSubjectReview.
 */
import { resolveResourceType } from '../../args/resources.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../errors.js';
import type { KubeObject } from '../../../engine/api/types.js';
import { OBJECT_FORMATS, printObjects, printOptionsFrom, readPrintFormat } from '../../common.js';
import { toJson } from '../../printers/json.js';
import { formatTable } from '../../printers/tabwriter.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { groupCommand } from './parents.js';
import { AUTH_CAN_I_SPEC, AUTH_SPEC, AUTH_WHOAMI_SPEC } from './specs/cluster.js';
import { openSession } from './support.js';

/** A PolicyRule as the rules review reports it. */
export interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

// cani.go's list of verbs it does not warn about.
const KNOWN_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', 'escalate', 'approve', 'sign', '*']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);

const goList = (xs: readonly string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

/** rbacutil.BreakdownRule: one rule per group × resource × name, and per non-resource URL. */
export function breakdownRule(rule: Rule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if ((rule.resourceNames ?? []).length > 0) {
        for (const name of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs, resourceNames: [name] });
      } else out.push({ apiGroups: [group], resources: [resource], verbs: rule.verbs });
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ nonResourceURLs: [url], verbs: rule.verbs });
  return out;
}

/** rbacutil.CompactRules: simple rules for the same group/resource/name merge their verbs (sorted, unique). */
export function compactRules(rules: readonly Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = !r.nonResourceURLs?.length && r.apiGroups?.length === 1 && r.resources?.length === 1 && (r.resourceNames?.length ?? 0) <= 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...r.verbs];
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  for (const r of simple.values()) compacted.push({ ...r, verbs: [...new Set(r.verbs)].sort() });
  return compacted;
}

/** The generated PolicyRule.String() that SortableRuleSlice compares. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** describe.CombineResourceGroup: `pods`, `deployments.apps`, `pods/log`, `*.*`. */
function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  if (!resources?.length) return '';
  const [res, sub] = resources[0]!.split(/\/(.*)/s);
  let combined = res!;
  if (groups?.length && groups[0] !== '') combined += `.${groups[0]}`;
  return sub !== undefined ? `${combined}/${sub}` : combined;
}

/** The `can-i --list` table from a rules review's status. */
export function rulesTable(status: { resourceRules?: Rule[]; nonResourceRules?: Rule[] }, headers: boolean): string {
  const all: Rule[] = [...(status.resourceRules ?? []), ...(status.nonResourceRules ?? [])];
  const rules = compactRules(all.flatMap(breakdownRule));
  const sorted = rules.map((r) => [ruleString(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rows = sorted.map(([, r]) => [combineResourceGroup(r.resources, r.apiGroups), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)]);
  return formatTable(headers ? [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], ...rows] : rows);
}

function canI(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace: ns } = session.value;
  const namespace = flags.bool('all-namespaces') ? '' : ns;
  if (flags.bool('list')) {
    const r = client.create('selfsubjectrulesreviews', undefined, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace } });
    if (!r.ok) return printError(io, r.error);
    const status = r.value.object.status ?? {};
    if (status.incomplete) io.err(`warning: the list may be incomplete: ${status.evaluationError ?? ''}\n`);
    io.out(rulesTable(status, !flags.bool('no-headers')));
    return 0;
  }
  if (flags.args.length < 2) {
    return printError(io, "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  }
  const [verb, target] = flags.args as [string, string];
  const quiet = flags.bool('quiet');
  const warn = (text: string) => !quiet && io.err(`Warning: ${text}\n`);
  if (target.startsWith('/')) {
    if (!NON_RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb`);
    const r = client.create('selfsubjectaccessreviews', undefined, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { nonResourceAttributes: { verb, path: target } } });
    if (!r.ok) return printError(io, r.error);
    return answer(r.value.object.status ?? {}, quiet, io);
  }
  const slash = target.indexOf('/');
  const resourceArg = slash < 0 ? target : target.slice(0, slash);
  const name = slash < 0 ? '' : target.slice(slash + 1);
  if (!KNOWN_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb`);
  const type = resolveResourceType(resourceArg);
  if (!type) warn(`the server doesn't have a resource type '${resourceArg}'`);
  // An unknown type is still asked about, by the name typed (cani.go resourceFor).
  const review = { verb, resource: type?.resource ?? resourceArg, group: type?.group ?? '', namespace, ...(name ? { name } : {}), ...(flags.string('subresource') ? { subresource: flags.string('subresource') } : {}) };
  const r = client.canI(review);
  if (!r.ok) return printError(io, r.error);
  return answer(r.value, quiet, io);
}

/** `yes`, or `no` with the server's reason and evaluation error; exit 0 or 1. */
function answer(status: { allowed?: boolean; reason?: string; evaluationError?: string }, quiet: boolean, io: Output): number {
  if (!quiet) {
    if (status.allowed) io.out('yes\n');
    else io.out(`no${status.reason ? ` - ${status.reason}` : ''}${status.evaluationError ? ` - ${status.evaluationError}` : ''}\n`);
  }
  return status.allowed ? 0 : 1;
}

function whoami(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const r = session.value.client.create('selfsubjectreviews', undefined, { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {} });
  if (!r.ok) return printError(io, r.error);
  const info = r.value.object.status?.userInfo ?? {};
  if (flags.string('output')) {
    const format = readPrintFormat(flags, env, OBJECT_FORMATS);
    if (!format.ok) {
      io.err(format.stderr);
      return 1;
    }
    // The typed SelfSubjectReview the client decodes: struct order for JSON.
    const userInfo: Record<string, unknown> = { username: info.username };
    if (info.uid) userInfo.uid = info.uid;
    if (info.groups?.length) userInfo.groups = info.groups;
    if (info.extra && Object.keys(info.extra).length > 0) userInfo.extra = info.extra;
    const review = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo } } as unknown as KubeObject;
    if (format.format.kind === 'json') {
      io.out(toJson(review, { keepOrder: true }));
      return 0;
    }
    const printed = printObjects(format.format, [review], true, printOptionsFrom(flags));
    if (!printed.ok) {
      io.err(printed.stderr);
      return 1;
    }
    io.out(printed.text);
    return 0;
  }
  const rows = [['ATTRIBUTE', 'VALUE'], ['Username', info.username ?? '']];
  if (info.uid) rows.push(['UID', info.uid]);
  if (info.groups?.length) rows.push(['Groups', goList(info.groups)]);
  io.out(formatTable(rows));
  return 0;
}

/** `kubectl auth can-i`. */
export const authCanI: CommandModule = { path: ['auth', 'can-i'], spec: AUTH_CAN_I_SPEC, run: canI };
/** `kubectl auth whoami`. */
export const authWhoami: CommandModule = { path: ['auth', 'whoami'], spec: AUTH_WHOAMI_SPEC, run: whoami };
/** The auth group, parent first (`reconcile` is left to the registry's stand-in). */
export const AUTH_COMMANDS: CommandModule[] = [groupCommand(AUTH_SPEC, [authCanI, authWhoami], 'stderr'), authCanI, authWhoami];
