/**
 * The authorizer chain of a kubeadm API server (`--authorization-mode=Node,RBAC`, with the
 * system:masters superuser authorizer in front) and the Forbidden text the server sends
 * when it says no (apiserver/pkg/endpoints/handlers/responsewriters/errors.go).
 */
import type { Decision, RequestAttributes } from '../pipeline.js';
import type { StoreReader } from '../store.js';
import { ruleAllows } from './rules.js';
import { aggregateErrors, visitRulesFor } from './resolver.js';

/** The group whose members may do anything, whatever RBAC says (user.SystemPrivilegedGroup). */
export const PRIVILEGED_GROUP = 'system:masters';

/**
 * Decides a request. system:masters is allowed with no reason (the privileged-group
 * authorizer); otherwise RBAC allows with `RBAC: allowed by …` or has no opinion, which
 * the server turns into Forbidden. Bindings to missing roles leave an evaluationError
 * (`RBAC: role.rbac.authorization.k8s.io "reader" not found`) that becomes the reason.
 */
export function authorize(attrs: RequestAttributes, store: StoreReader): Decision {
  if (attrs.user.groups.includes(PRIVILEGED_GROUP)) return { allowed: true };
  let allowedBy: string | undefined;
  const errors: string[] = [];
  visitRulesFor(attrs.user, attrs.namespace, store, (source, rule, error) => {
    if (rule && ruleAllows(attrs, rule)) {
      allowedBy = source;
      return false;
    }
    if (error !== undefined) errors.push(error);
    return true;
  });
  if (allowedBy !== undefined) return { allowed: true, reason: `RBAC: allowed by ${allowedBy}` };
  if (errors.length === 0) return { allowed: false };
  const reason = `RBAC: ${aggregateErrors(errors)}`;
  return { allowed: false, reason, evaluationError: reason };
}

/** The part after `is forbidden: ` (forbiddenMessage in responsewriters/errors.go). */
function userCannot(attrs: RequestAttributes): string {
  const user = attrs.user.name;
  if (!attrs.resourceRequest) return `User "${user}" cannot ${attrs.verb} path "${attrs.path ?? ''}"`;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope';
  return `User "${user}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}" ${scope}`;
}

/**
 * The complete Forbidden message, as apierrors.NewForbidden words it:
 * `pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the
 * namespace "dev"`, without the name for nameless requests, `forbidden: …` for paths, and
 * `: <reason>` appended when the authorizer gave one (a binding to a missing role).
 */
export function forbiddenMessage(attrs: RequestAttributes, decision: Decision): string {
  const detail = decision.reason && !decision.allowed ? `${userCannot(attrs)}: ${decision.reason}` : userCannot(attrs);
  if (!attrs.resourceRequest || !attrs.resource) return `forbidden: ${detail}`;
  const qualified = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource;
  return attrs.name ? `${qualified} "${attrs.name}" is forbidden: ${detail}` : `${qualified} is forbidden: ${detail}`;
}
