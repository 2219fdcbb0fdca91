/**
 * Which rules apply to a user in a namespace: the DefaultRuleResolver of
 * pkg/registry/rbac/validation/rule.go over the objects in the store. ClusterRoleBindings
 * are visited first, then the RoleBindings of the request's namespace.
 */
import type { StoreReader } from '../store.js';
import type { UserInfo, KubeObject } from '../types.js';
import { matchesLabelSelector, type LabelSelector } from '../selectors.js';
import { sameRule, type PolicyRule } from './rules.js';

/** A binding subject (rbacv1.Subject). */
export interface Subject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly apiGroup?: string;
}

/** Called with each rule (and where it came from) or each resolution error; return false to stop. */
export type RuleVisitor = (source: string | undefined, rule: PolicyRule | undefined, error: string | undefined) => boolean;

const SA_PREFIX = 'system:serviceaccount:';

/** `system:serviceaccount:<ns>:<name>`, the user name a ServiceAccount authenticates as. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** Splits a ServiceAccount user name into namespace and name, or undefined for other users. */
export function splitServiceAccountUsername(user: string): { namespace: string; name: string } | undefined {
  if (!user.startsWith(SA_PREFIX)) return undefined;
  const parts = user.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** Whether a subject names this user, a group of theirs, or their ServiceAccount (appliesToUser). */
export function subjectAppliesTo(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      // A RoleBinding may leave the SA's namespace out: it defaults to the binding's own.
      const ns = subject.namespace || bindingNamespace;
      return ns !== '' && user.name === serviceAccountUsername(ns, subject.name);
    }
    default:
      return false;
  }
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} "${s.name}/${s.namespace || bindingNamespace}"`;
  return `${s.kind} "${s.name}"`;
}

/**
 * The effective rules of a ClusterRole. One with an aggregationRule is the union of the
 * rules of every ClusterRole its selectors pick (by name, duplicates dropped), as the
 * clusterrole-aggregation controller writes it; this is computed at evaluation time, so a
 * ClusterRole labelled `rbac.authorization.k8s.io/aggregate-to-view: "true"` extends
 * view (and through it edit and admin) at once.
 */
export function effectiveClusterRoleRules(role: KubeObject, store: StoreReader, seen: ReadonlySet<string> = new Set()): PolicyRule[] {
  const selectors = role.aggregationRule?.clusterRoleSelectors as LabelSelector[] | undefined;
  if (!selectors) return (role.rules ?? []) as PolicyRule[];
  const visited = new Set(seen).add(role.metadata.name!);
  const out: PolicyRule[] = [];
  for (const selector of selectors) {
    const members = store.list('clusterroles').filter((r) => matchesLabelSelector(selector, r.metadata.labels));
    for (const member of [...members].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))) {
      if (visited.has(member.metadata.name!)) continue;
      for (const rule of effectiveClusterRoleRules(member, store, visited)) {
        if (!out.some((r) => sameRule(r, rule))) out.push(rule);
      }
    }
  }
  return out;
}

/** The rules a roleRef points at, or the lister's NotFound text (GetRoleReferenceRules). */
export function roleRefRules(roleRef: { kind: string; name: string }, bindingNamespace: string, store: StoreReader): { rules?: PolicyRule[]; error?: string } {
  switch (roleRef.kind) {
    case 'Role': {
      const role = store.get('roles', bindingNamespace, roleRef.name);
      return role ? { rules: (role.rules ?? []) as PolicyRule[] } : { error: `role.rbac.authorization.k8s.io "${roleRef.name}" not found` };
    }
    case 'ClusterRole': {
      const role = store.get('clusterroles', undefined, roleRef.name);
      return role ? { rules: effectiveClusterRoleRules(role, store) } : { error: `clusterrole.rbac.authorization.k8s.io "${roleRef.name}" not found` };
    }
    default:
      return { error: `unsupported role reference kind: "${roleRef.kind}"` };
  }
}

/** Visits every rule that applies to the user in the namespace (VisitRulesFor). */
export function visitRulesFor(user: UserInfo, namespace: string | undefined, store: StoreReader, visit: RuleVisitor): void {
  for (const crb of store.list('clusterrolebindings')) {
    const subject = ((crb.subjects ?? []) as Subject[]).find((s) => subjectAppliesTo(user, s, ''));
    if (!subject) continue;
    const { rules, error } = roleRefRules(crb.roleRef, '', store);
    if (error !== undefined) {
      if (!visit(undefined, undefined, error)) return;
      continue;
    }
    const source = `ClusterRoleBinding "${crb.metadata.name}" of ${crb.roleRef.kind} "${crb.roleRef.name}" to ${describeSubject(subject, '')}`;
    for (const rule of rules!) if (!visit(source, rule, undefined)) return;
  }
  if (!namespace) return;
  for (const rb of store.list('rolebindings', namespace)) {
    const subject = ((rb.subjects ?? []) as Subject[]).find((s) => subjectAppliesTo(user, s, namespace));
    if (!subject) continue;
    const { rules, error } = roleRefRules(rb.roleRef, namespace, store);
    if (error !== undefined) {
      if (!visit(undefined, undefined, error)) return;
      continue;
    }
    const source = `RoleBinding "${rb.metadata.name}/${namespace}" of ${rb.roleRef.kind} "${rb.roleRef.name}" to ${describeSubject(subject, namespace)}`;
    for (const rule of rules!) if (!visit(source, rule, undefined)) return;
  }
}

/** All rules for the user in the namespace plus resolution errors (RulesFor). */
export function rulesFor(user: UserInfo, namespace: string | undefined, store: StoreReader): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(user, namespace, store, (_source, rule, error) => {
    if (rule) rules.push(rule);
    if (error !== undefined) errors.push(error);
    return true;
  });
  return { rules, errors };
}

/** utilerrors.NewAggregate(errs).Error(): duplicates dropped, one as is, several as `[a, b]`. */
export function aggregateErrors(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
