/**
 * `--as` / `--as-group`: the impersonation filter (apiserver/pkg/endpoints/filters/
 * impersonation.go). Each thing impersonated is authorized as verb `impersonate` on
 * users, groups or serviceaccounts before the request runs as the new user.
 */
import type { RequestAttributes } from '../pipeline.js';
import type { StoreReader } from '../store.js';
import { fail, ok, type Result, type UserInfo } from '../types.js';
import { forbidden, internalError } from '../errors.js';
import { authorize, forbiddenMessage } from './authorize.js';
import { splitServiceAccountUsername } from './resolver.js';

/** What the caller asked to act as. */
export interface ImpersonationRequest {
  readonly user?: string;
  readonly groups?: readonly string[];
}

/**
 * The user to run the request as, or the Forbidden the real filter answers, e.g.
 * `users "jane" is forbidden: User "bob" cannot impersonate resource "users" in API group
 * "" at the cluster scope`.
 */
export function impersonate(requester: UserInfo, as: ImpersonationRequest, store: StoreReader): Result<UserInfo> {
  const groupsRequested = as.groups ?? [];
  if (!as.user) {
    if (groupsRequested.length === 0) return ok(requester);
    return fail(internalError(`requested groups ${JSON.stringify(groupsRequested)} without impersonating a user`));
  }
  const groupsSpecified = groupsRequested.length > 0;
  const checks: RequestAttributes[] = [];
  let groups: string[] = [];
  const sa = splitServiceAccountUsername(as.user);
  const base = { user: requester, verb: 'impersonate', apiGroup: '', resourceRequest: true } as const;
  if (sa) {
    checks.push({ ...base, resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name });
    // A ServiceAccount's groups are a fixed mapping, added unless groups were given.
    if (!groupsSpecified) groups = ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`];
  } else {
    checks.push({ ...base, resource: 'users', name: as.user });
  }
  for (const g of groupsRequested) {
    checks.push({ ...base, resource: 'groups', name: g });
    groups.push(g);
  }
  for (const attrs of checks) {
    const decision = authorize(attrs, store);
    if (!decision.allowed) return fail(forbidden(forbiddenMessage(attrs, decision)));
  }
  if (!groupsSpecified && as.user !== 'system:anonymous' && !groups.includes('system:authenticated') && !groups.includes('system:unauthenticated')) {
    groups.push('system:authenticated');
  }
  return ok({ name: as.user, groups });
}
