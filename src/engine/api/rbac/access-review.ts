/**
 * The authorization.k8s.io reviews: SelfSubjectAccessReview, SubjectAccessReview and
 * LocalSubjectAccessReview (`kubectl auth can-i`), and SelfSubjectRulesReview
 * (`kubectl auth can-i --list`), answered by the same authorizer chain as real requests.
 */
import type { RequestAttributes } from '../pipeline.js';
import type { StoreReader } from '../store.js';
import type { KubeObject, UserInfo } from '../types.js';
import { authorize, PRIVILEGED_GROUP } from './authorize.js';
import { aggregateErrors, rulesFor } from './resolver.js';

/** The status of an access review (SubjectAccessReviewStatus). */
export interface AccessReviewStatus {
  allowed: boolean;
  denied?: boolean;
  reason?: string;
  evaluationError?: string;
}

/** Who a review asks about: the requester for Self…, spec.user/groups otherwise. */
function subjectOf(review: KubeObject, requester: UserInfo): UserInfo {
  if (review.kind === 'SelfSubjectAccessReview') return requester;
  return { name: review.spec?.user ?? '', groups: review.spec?.groups ?? [] };
}

/** The attributes a review's spec describes (ResourceAttributesFrom / NonResourceAttributesFrom). */
function attributesOf(review: KubeObject, user: UserInfo): RequestAttributes {
  const spec = review.spec ?? {};
  if (spec.nonResourceAttributes) {
    return { user, verb: spec.nonResourceAttributes.verb ?? '', apiGroup: '', resource: '', resourceRequest: false, path: spec.nonResourceAttributes.path ?? '' };
  }
  const ra = spec.resourceAttributes ?? {};
  // A LocalSubjectAccessReview is always about its own namespace.
  const namespace = review.kind === 'LocalSubjectAccessReview' ? review.metadata.namespace : ra.namespace;
  return {
    user,
    verb: ra.verb ?? '',
    apiGroup: ra.group ?? '',
    resource: ra.resource ?? '',
    ...(ra.subresource ? { subresource: ra.subresource } : {}),
    ...(namespace ? { namespace } : {}),
    ...(ra.name ? { name: ra.name } : {}),
    resourceRequest: true,
  };
}

/**
 * Answers an access review: returns a copy with `status` filled as the registry's REST
 * handler does (allowed, and the authorizer's reason when it gave one, such as
 * `RBAC: role.rbac.authorization.k8s.io "reader" not found`).
 */
export function accessReview(review: KubeObject, requester: UserInfo, store: StoreReader): KubeObject {
  const decision = authorize(attributesOf(review, subjectOf(review, requester)), store);
  const status: AccessReviewStatus = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  const out = structuredClone(review) as KubeObject;
  out.status = status;
  return out;
}

/** A resource rule as SelfSubjectRulesReview reports it. */
export interface ResourceRuleInfo {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** A non-resource rule as SelfSubjectRulesReview reports it. */
export interface NonResourceRuleInfo {
  verbs: string[];
  nonResourceURLs?: string[];
}

/** The status of a SelfSubjectRulesReview. */
export interface RulesReviewStatus {
  resourceRules: ResourceRuleInfo[];
  nonResourceRules: NonResourceRuleInfo[];
  incomplete: boolean;
  evaluationError?: string;
}

/**
 * What the user may do in the namespace: the privileged group's `*` rules for
 * system:masters, then every RBAC rule that applies, split into resource and
 * non-resource rules (RBACAuthorizer.RulesFor through the union rule resolver).
 */
export function rulesReview(user: UserInfo, namespace: string, store: StoreReader): RulesReviewStatus {
  const resourceRules: ResourceRuleInfo[] = [];
  const nonResourceRules: NonResourceRuleInfo[] = [];
  if (user.groups.includes(PRIVILEGED_GROUP)) {
    resourceRules.push({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    nonResourceRules.push({ verbs: ['*'], nonResourceURLs: ['*'] });
  }
  const { rules, errors } = rulesFor(user, namespace || undefined, store);
  for (const rule of rules) {
    if (rule.resources?.length) {
      resourceRules.push({
        verbs: [...rule.verbs],
        ...(rule.apiGroups?.length ? { apiGroups: [...rule.apiGroups] } : {}),
        resources: [...rule.resources],
        ...(rule.resourceNames?.length ? { resourceNames: [...rule.resourceNames] } : {}),
      });
    }
    if (rule.nonResourceURLs?.length) nonResourceRules.push({ verbs: [...rule.verbs], nonResourceURLs: [...rule.nonResourceURLs] });
  }
  const status: RulesReviewStatus = { resourceRules, nonResourceRules, incomplete: false };
  if (errors.length) status.evaluationError = aggregateErrors(errors);
  return status;
}
