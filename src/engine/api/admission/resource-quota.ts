/**
 * ResourceQuota (plugin/pkg/admission/resourcequota): the last validating plugin. A
 * request that would push a matching quota's usage past its hard limit is refused with
 * `exceeded quota: …`; a pod that leaves out a request or limit a quota tracks with
 * `failed quota: …: must specify …`. Usage is read live from the store, which is what
 * status.used holds once the resourcequota controller (computeQuotaUsage) has synced.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { milliValue } from '../quantity.js';
import type { KubeObject, StatusError } from '../types.js';
import { admissionForbidden } from './forbidden.js';
import { matchesScopes, quotaHard, quotaUsageMap, resourceForQuotaName, usageOf } from './quota-usage.js';
import { formatAmount, toResourceMap, type Amount, type ResourceMap } from './resources.js';

// Tracking any of these on a quota makes every container state them (a historical mistake
// the evaluator keeps for compatibility).
const MUST_SPECIFY = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory'];

/** Whether the evaluator for this resource looks at this operation (Evaluator.Handles). */
function handles(req: AdmissionRequest): boolean {
  if (req.subresource || !req.namespace) return false;
  if (req.operation === 'CREATE') return true;
  return req.operation === 'UPDATE' && (req.resource === 'services' || req.resource === 'persistentvolumeclaims');
}

interface Container {
  name: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

/** The pod evaluator's Constraints: `must specify limits.cpu for: nginx; requests.cpu for: nginx`. */
function podConstraints(tracked: readonly string[], pod: KubeObject): string | undefined {
  const required = tracked.filter((n) => MUST_SPECIFY.includes(n));
  const missing = new Map<string, Set<string>>();
  for (const c of [...((pod.spec?.containers ?? []) as Container[]), ...((pod.spec?.initContainers ?? []) as Container[])]) {
    const req = toResourceMap(c.resources?.requests as Record<string, string>);
    const lim = toResourceMap(c.resources?.limits as Record<string, string>);
    const has = new Set<string>();
    for (const r of ['cpu', 'memory']) {
      if (req.has(r)) has.add(r).add(`requests.${r}`);
      if (lim.has(r)) has.add(`limits.${r}`);
    }
    for (const r of required) if (!has.has(r)) missing.set(r, (missing.get(r) ?? new Set()).add(c.name));
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** `requests.cpu=2,requests.memory=1Gi`: keys sorted, values canonical (prettyPrint). */
function prettyPrint(map: ResourceMap, keys: readonly string[]): string {
  return [...keys].sort().map((k) => `${k}=${formatAmount(map.get(k) ?? { value: 0, format: 'DecimalSI' })}`).join(',');
}

function subtractNonNegative(a: ResourceMap, b: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, v] of a) out.set(k, { value: Math.max(0, v.value - (b.get(k)?.value ?? 0)), format: v.format });
  return out;
}

function validate(req: AdmissionRequest): StatusError | undefined {
  if (!handles(req)) return undefined;
  const quotas = req.store.list('resourcequotas', req.namespace);
  if (quotas.length === 0) return undefined;
  const interesting: { quota: KubeObject; hard: ResourceMap; tracked: string[] }[] = [];
  for (const quota of quotas) {
    const hard = quotaHard(quota);
    const tracked = [...hard.keys()].filter((n) => resourceForQuotaName(n) === req.resource);
    if (tracked.length === 0 || !matchesScopes(quota, req.resource, req.object)) continue;
    if (req.resource === 'pods') {
      const missing = podConstraints(tracked, req.object);
      if (missing) return admissionForbidden(req, `failed quota: ${quota.metadata.name}: ${missing}`);
    }
    interesting.push({ quota, hard, tracked });
  }
  if (interesting.length === 0) return undefined;
  let delta = usageOf(req.resource, req.object, req.now);
  // An update is charged only for what it adds.
  if (req.operation === 'UPDATE' && req.oldObject?.metadata.resourceVersion) delta = subtractNonNegative(delta, usageOf(req.resource, req.oldObject, req.now));
  if ([...delta.values()].every((v) => v.value === 0)) return undefined;
  for (const { quota, hard, tracked } of interesting) {
    const used = quotaUsageMap(quota, req.store, req.now);
    const requested: ResourceMap = new Map([...delta].filter(([k]) => tracked.includes(k)));
    const exceeded = [...requested.keys()].filter((k) => {
      const limit = hard.get(k)!;
      const total: Amount = { value: (used.get(k)?.value ?? 0) + requested.get(k)!.value, format: limit.format };
      return milliValue(total) > milliValue(limit);
    });
    if (exceeded.length) {
      return admissionForbidden(
        req,
        `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(requested, exceeded)}, used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(hard, exceeded)}`,
      );
    }
  }
  return undefined;
}

/** The ResourceQuota plugin. */
export const resourceQuota: AdmissionPlugin = { name: 'ResourceQuota', validate };
