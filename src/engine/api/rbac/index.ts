/** RBAC: the authorizer, its Forbidden wording, the bootstrap policy, reviews and impersonation. */
export { authorize, forbiddenMessage, PRIVILEGED_GROUP } from './authorize.js';
export { bootstrapPolicy } from './bootstrap-policy.js';
export { accessReview, rulesReview, type AccessReviewStatus, type RulesReviewStatus, type ResourceRuleInfo, type NonResourceRuleInfo } from './access-review.js';
export { impersonate, type ImpersonationRequest } from './impersonate.js';
export { effectiveClusterRoleRules, rulesFor, serviceAccountUsername, splitServiceAccountUsername, subjectAppliesTo, type Subject } from './resolver.js';
export { ruleAllows, type PolicyRule } from './rules.js';
