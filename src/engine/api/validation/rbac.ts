/**
 * RBAC validation (pkg/apis/rbac/validation/validation.go): rules need verbs, resources
 * and groups; bindings point at a role they may never change.
 */
import { goValue, invalidField, notSupported, required, eachInvalid } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isDNS1123Subdomain, validatePathSegmentName } from './names.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const GROUP = 'rbac.authorization.k8s.io';
const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** ValidatePolicyRule. */
function validateRule(rule: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!nonEmpty(rule.verbs)) errs.push(required(`${path}.verbs`, 'verbs must contain at least one value'));
  if (nonEmpty(rule.nonResourceURLs)) {
    if (namespaced) errs.push(invalidField(`${path}.nonResourceURLs`, rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (nonEmpty(rule.apiGroups) || nonEmpty(rule.resources) || nonEmpty(rule.resourceNames)) {
      errs.push(invalidField(`${path}.nonResourceURLs`, rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (!nonEmpty(rule.apiGroups)) errs.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!nonEmpty(rule.resources)) errs.push(required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

/** ValidateRole / ValidateClusterRole. */
export function validateRole(role: KubeObject): FieldError[] {
  const namespaced = role.kind === 'Role';
  const errs = validateObjectMeta(role.metadata, namespaced, validatePathSegmentName);
  (Array.isArray(role.rules) ? role.rules : []).forEach((r: Obj, i: number) => errs.push(...validateRule(r ?? {}, namespaced, `rules[${i}]`)));
  return errs;
}

/** ValidateRoleBindingSubject. */
function validateSubject(s: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!s.name) errs.push(required(`${path}.name`));
  switch (s.kind) {
    case 'ServiceAccount':
      if (s.name) errs.push(...eachInvalid(`${path}.name`, s.name, isDNS1123Subdomain(s.name)));
      if (s.apiGroup) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(`${path}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== GROUP) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [GROUP]));
      break;
    default:
      errs.push(notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

/** ValidateRoleBinding / ValidateClusterRoleBinding. */
export function validateBinding(b: KubeObject): FieldError[] {
  const namespaced = b.kind === 'RoleBinding';
  const errs = validateObjectMeta(b.metadata, namespaced, validatePathSegmentName);
  const ref: Obj = b.roleRef ?? {};
  if (ref.apiGroup !== GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errs.push(notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errs.push(required('roleRef.name'));
  else errs.push(...eachInvalid('roleRef.name', ref.name, validatePathSegmentName(ref.name, false)));
  (Array.isArray(b.subjects) ? b.subjects : []).forEach((s: Obj, i: number) => errs.push(...validateSubject(s ?? {}, namespaced, `subjects[${i}]`)));
  return errs;
}

/** The internal rbac.RoleRef as `%#v` prints it. */
const goRoleRef = (ref: Obj): unknown =>
  goValue(`rbac.RoleRef{APIGroup:${JSON.stringify(ref.apiGroup ?? '')}, Kind:${JSON.stringify(ref.kind ?? '')}, Name:${JSON.stringify(ref.name ?? '')}}`);

/** Update validation of RBAC objects: a binding's roleRef is fixed. */
export function validateRbacUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const isBinding = obj.kind === 'RoleBinding' || obj.kind === 'ClusterRoleBinding';
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  errs.push(...(isBinding ? validateBinding(obj) : validateRole(obj)).filter((e) => !e.field.startsWith('metadata.')));
  if (isBinding) {
    const a: Obj = obj.roleRef ?? {};
    const b: Obj = old.roleRef ?? {};
    if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) errs.push(invalidField('roleRef', goRoleRef(a), 'cannot change roleRef'));
  }
  return errs;
}
