/**
 * describe role, clusterrole, rolebinding, clusterrolebinding (describe.go and
 * kubectl/pkg/util/rbac BreakdownRule / CompactRules / SortableRuleSlice).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { compareStrings, goList, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './tabbed.js';

/** A PolicyRule with every list present. */
export interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const rule = (r: Partial<Rule>): Rule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

/** BreakdownRule: one rule per group x resource x verb (x resource name), then per URL x verb. */
export function breakdownRule(r: Partial<Rule>): Rule[] {
  const out: Rule[] = [];
  for (const group of r.apiGroups ?? []) {
    for (const resource of r.resources ?? []) {
      for (const verb of r.verbs ?? []) {
        if ((r.resourceNames ?? []).length > 0) {
          for (const name of r.resourceNames!) out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] }));
        } else {
          out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb] }));
        }
      }
    }
  }
  for (const url of r.nonResourceURLs ?? []) for (const verb of r.verbs ?? []) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/** CompactRules: merges verbs of rules naming one group, one resource and at most one name. */
export function compactRules(rules: readonly Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (existing) {
      for (const verb of r.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
    } else {
      simple.set(key, { ...r, verbs: [...r.verbs] });
    }
  }
  return [...compacted, ...simple.values()];
}

/** rbacv1.PolicyRule String(), the key SortableRuleSlice sorts by (verbs come first). */
const ruleString = (r: Rule): string =>
  `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
export function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  if (resources.length === 0) return '';
  const [base, sub] = resources[0]!.split(/\/(.*)/s, 2) as [string, string | undefined];
  let s = base;
  if (groups.length > 0 && groups[0] !== '') s += `.${groups[0]}`;
  if (sub !== undefined) s += `/${sub}`;
  return s;
}

/** describe role / clusterrole: the rules broken down, compacted and sorted into a table. */
export function describeRole(role: KubeObject): string {
  const rules = compactRules(((role.rules ?? []) as Partial<Rule>[]).flatMap(breakdownRule));
  const sorted = rules
    .map((r, i) => ({ r, i, key: ruleString(r) }))
    .sort((a, b) => compareStrings(a.key, b.key) || a.i - b.i)
    .map((x) => x.r);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of sorted) {
      w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
    }
  });
}

/** describe rolebinding / clusterrolebinding. */
export function describeRoleBinding(binding: KubeObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', binding.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', binding.metadata.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of (binding.subjects ?? []) as { kind: string; name: string; namespace?: string }[]) {
      w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
    }
  });
}
