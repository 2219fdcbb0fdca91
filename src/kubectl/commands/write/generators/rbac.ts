/**
 * `kubectl create role|clusterrole|rolebinding|clusterrolebinding` (create_role.go,
 * create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go): rules
 * grouped by API group, short names expanded through discovery, kubectl's validation.
 */
import { resolveResourceType } from '../../../args/resources.js';
import { genError, generated, objectMeta, type GenContext, type GenResult } from './types.js';

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only make sense on certain resources (specialVerbs). */
const SPECIAL_VERBS: Record<string, readonly [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  escalate: [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
};

interface ResourceOption {
  readonly resource: string;
  readonly group: string;
  readonly subresource: string;
}

/** Options of `create role` / `create clusterrole`. */
export interface RoleOptions {
  readonly verbs: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs?: readonly string[];
  readonly aggregationRule?: Readonly<Record<string, string>>;
}

/** Complete(): de-duplicated verbs (`*` wins), `resource.group/subresource` split. */
function complete(o: RoleOptions): { verbs: string[]; resources: ResourceOption[]; resourceNames: string[] } {
  const verbs = o.verbs.includes('*') ? ['*'] : [...new Set(o.verbs)];
  let resources: ResourceOption[] = [];
  for (const r of o.resources) {
    const slash = r.indexOf('/');
    const main = slash < 0 ? r : r.slice(0, slash);
    const dot = main.indexOf('.');
    const option = { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), subresource: slash < 0 ? '' : r.slice(slash + 1) };
    if (option.resource === '*' && dot < 0 && slash < 0) {
      resources = [option];
      break;
    }
    resources.push(option);
  }
  return { verbs, resources, resourceNames: [...new Set(o.resourceNames)] };
}

/** The mapper's view of a resource: its full name and group when served, else as typed. */
function mapped(r: ResourceOption): { resource: string; group: string; known: boolean } {
  const t = resolveResourceType(r.group ? `${r.resource}.${r.group}` : r.resource);
  return t ? { resource: t.resource, group: t.group, known: true } : { resource: r.resource, group: r.group, known: false };
}

/** validateResource(): every resource is served (or named by a special verb) and special verbs fit it. */
function validateResources(verbs: readonly string[], resources: readonly ResourceOption[]): string | undefined {
  for (const r of resources) {
    if (r.resource === '') return 'resource must be specified if apiGroup/subresource specified';
    if (r.resource === '*') return undefined;
    const m = mapped(r);
    let known = m.known;
    for (const v of verbs) {
      const special = SPECIAL_VERBS[v];
      if (!special) continue;
      if (!special.some(([g, res]) => g === m.group && res === m.resource)) return `can not perform '${v}' on '${m.resource}' in group '${m.group}'`;
      known = true;
    }
    if (!known) return noResourceType(r);
  }
  return undefined;
}

/** checkErr's wording of a NoResourceMatchError. */
function noResourceType(r: ResourceOption): string {
  return r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`;
}

/** generateResourcePolicyRules: one rule per API group (sorted), then the non-resource rule. */
function rules(verbs: string[], resources: readonly ResourceOption[], resourceNames: string[], nonResourceURLs: readonly string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const m = mapped(r);
    const name = r.subresource ? `${m.resource}/${r.subresource}` : m.resource;
    const list = byGroup.get(m.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(m.group, list);
  }
  const out: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => {
    const rule: Record<string, unknown> = { apiGroups: [g], resources: byGroup.get(g), verbs };
    if (resourceNames.length > 0) rule.resourceNames = resourceNames;
    return rule;
  });
  if (nonResourceURLs.length > 0) out.push({ nonResourceURLs: [...nonResourceURLs], verbs });
  return out;
}

const unknownVerbWarnings = (verbs: readonly string[]): string[] =>
  verbs.filter((v) => !VALID_RESOURCE_VERBS.includes(v)).map((v) => `Warning: '${v}' is not a standard resource verb`);

/** `kubectl create role NAME --verb=... --resource=...`. */
export function role(name: string, o: RoleOptions, ctx: GenContext): GenResult {
  const c = complete(o);
  if (c.verbs.length === 0) return genError('at least one verb must be specified');
  const warnings = unknownVerbWarnings(c.verbs);
  if (c.resources.length === 0) return genError('at least one resource must be specified');
  const invalid = validateResources(c.verbs, c.resources);
  if (invalid) return genError(invalid);
  return generated(
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: objectMeta(name, ctx), rules: rules(c.verbs, c.resources, c.resourceNames, []) },
    warnings,
  );
}

/** `kubectl create clusterrole NAME (--verb/--resource | --non-resource-url | --aggregation-rule)`. */
export function clusterRole(name: string, o: RoleOptions): GenResult {
  const c = complete(o);
  const urls = o.nonResourceURLs ?? [];
  const aggregation = o.aggregationRule ?? {};
  const meta = objectMeta(name, undefined);
  if (Object.keys(aggregation).length > 0) {
    if (urls.length > 0 || c.verbs.length > 0 || c.resources.length > 0 || c.resourceNames.length > 0) {
      return genError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    }
    return generated({
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { ...aggregation } }] },
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta,
      rules: null,
    });
  }
  if (c.verbs.length === 0) return genError('at least one verb must be specified');
  if (c.resources.length === 0 && urls.length === 0) return genError('one of resource or nonResourceURL must be specified');
  let warnings: string[] = [];
  if (c.resources.length > 0) {
    warnings = unknownVerbWarnings(c.verbs);
    const invalid = validateResources(c.verbs, c.resources);
    if (invalid) return genError(invalid);
  }
  if (urls.length > 0) {
    if (c.resourceNames.length > 0) return genError('resource-name can not be used with nonResourceURL');
    const bad = c.verbs.find((v) => !VALID_NON_RESOURCE_VERBS.includes(v));
    if (bad) return genError(`invalid verb: '${bad}' for nonResourceURL`);
    for (const url of urls) {
      if (url === '*') continue;
      if (url === '' || !url.startsWith('/')) return genError('nonResourceURL should start with /');
      if (url.slice(0, -1).includes('*')) return genError("nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
  return generated({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta, rules: rules(c.verbs, c.resources, c.resourceNames, urls) }, warnings);
}

/** Options of `create rolebinding` / `create clusterrolebinding`. */
export interface BindingOptions {
  readonly role?: string;
  readonly clusterRole?: string;
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly serviceAccounts: readonly string[];
}

function subjects(o: BindingOptions): Record<string, string>[] | string {
  const out: Record<string, string>[] = [];
  for (const user of o.users) out.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user });
  for (const group of o.groups) out.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group });
  for (const sa of o.serviceAccounts) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return 'serviceaccount must be <namespace>:<name>';
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out;
}

/** `kubectl create rolebinding NAME --role=...|--clusterrole=... [subjects]`. */
export function roleBinding(name: string, o: BindingOptions, ctx: GenContext): GenResult {
  if (!o.role === !o.clusterRole) return genError('exactly one of clusterrole or role must be specified');
  const subs = subjects(o);
  if (typeof subs === 'string') return genError(subs);
  const obj: Record<string, unknown> = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: objectMeta(name, ctx),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: o.role ? 'Role' : 'ClusterRole', name: o.role || o.clusterRole },
  };
  if (subs.length > 0) obj.subjects = subs;
  return generated(obj as never);
}

/** `kubectl create clusterrolebinding NAME --clusterrole=... [subjects]`. */
export function clusterRoleBinding(name: string, o: BindingOptions): GenResult {
  const subs = subjects(o);
  if (typeof subs === 'string') return genError(subs);
  const obj: Record<string, unknown> = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: objectMeta(name, undefined),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: o.clusterRole },
  };
  if (subs.length > 0) obj.subjects = subs;
  return generated(obj as never);
}
