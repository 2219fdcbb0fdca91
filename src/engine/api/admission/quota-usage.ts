/**
 * What objects cost against a ResourceQuota (pkg/quota/v1/evaluator/core): pods charge
 * compute resources while not terminal, services their node ports and load balancers,
 * PVCs their storage, and every object its `count/<resource>`. computeQuotaUsage is what
 * the resourcequota controller writes into status.used.
 */
import { resourceType } from '../discovery.js';
import type { StoreReader } from '../store.js';
import type { KubeObject } from '../types.js';
import { addMaps, formatAmount, podLimits, podRequests, toResourceMap, type Amount, type ResourceMap } from './resources.js';

const ONE: Amount = { value: 1, format: 'DecimalSI' };
const ZERO: Amount = { value: 0, format: 'DecimalSI' };

/** Legacy quota names that count objects of a resource (`configmaps: "10"`). */
const LEGACY_COUNTS: readonly string[] = ['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas'];
const POD_NAMES = new Set(['pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage']);
const SERVICE_NAMES = new Set(['services', 'services.nodeports', 'services.loadbalancers']);
const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

/** `count/deployments.apps`, `count/pods`: the object-count name of a resource. */
export function objectCountName(resource: string): string {
  const t = resourceType(resource);
  return t?.group ? `count/${resource}.${t.group}` : `count/${resource}`;
}

/** Which resource's objects a quota name is charged by, or undefined for names no evaluator knows. */
export function resourceForQuotaName(name: string): string | undefined {
  if (POD_NAMES.has(name) || name.startsWith('requests.hugepages-') || name.startsWith('hugepages-')) return 'pods';
  if (SERVICE_NAMES.has(name)) return 'services';
  if (name === 'persistentvolumeclaims' || name === 'requests.storage' || name.includes(STORAGE_CLASS_SUFFIX)) return 'persistentvolumeclaims';
  if (LEGACY_COUNTS.includes(name)) return name;
  if (name.startsWith('count/')) {
    const [res, ...group] = name.slice('count/'.length).split('.');
    const t = resourceType(res!);
    return t && t.group === group.join('.') ? res : undefined;
  }
  return undefined;
}

/** Whether a pod still holds quota (QuotaV1Pod): not Succeeded/Failed, not past its deletion grace. */
export function podChargesQuota(pod: KubeObject, now?: string): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (now && deletionTimestamp && typeof deletionGracePeriodSeconds === 'number') {
    if (Date.parse(now) > Date.parse(deletionTimestamp) + deletionGracePeriodSeconds * 1000) return false;
  }
  return true;
}

function podUsage(pod: KubeObject, now?: string): ResourceMap {
  const out: ResourceMap = new Map([[objectCountName('pods'), ONE]]);
  if (!podChargesQuota(pod, now)) return out;
  out.set('pods', ONE);
  const requests = podRequests(pod);
  const limits = podLimits(pod);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    const lim = limits.get(r);
    if (req) out.set(r, req).set(`requests.${r}`, req);
    if (lim) out.set(`limits.${r}`, lim);
  }
  for (const [r, req] of requests) if (r.startsWith('hugepages-')) out.set(r, req).set(`requests.${r}`, req);
  return out;
}

function serviceUsage(svc: KubeObject): ResourceMap {
  const out: ResourceMap = new Map([[objectCountName('services'), ONE], ['services', ONE], ['services.loadbalancers', ZERO], ['services.nodeports', ZERO]]);
  const ports: { nodePort?: number }[] = svc.spec?.ports ?? [];
  if (svc.spec?.type === 'NodePort') out.set('services.nodeports', { value: ports.length, format: 'DecimalSI' });
  if (svc.spec?.type === 'LoadBalancer') {
    const counted = svc.spec.allocateLoadBalancerNodePorts === false ? ports.filter((p) => p.nodePort).length : ports.length;
    out.set('services.nodeports', { value: counted, format: 'DecimalSI' }).set('services.loadbalancers', ONE);
  }
  return out;
}

function pvcUsage(pvc: KubeObject): ResourceMap {
  const out: ResourceMap = new Map([[objectCountName('persistentvolumeclaims'), ONE], ['persistentvolumeclaims', ONE]]);
  const storage = toResourceMap(pvc.spec?.resources?.requests).get('storage');
  const cls: string | undefined = pvc.spec?.storageClassName;
  if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, ONE);
  if (storage) {
    out.set('requests.storage', storage);
    if (cls) out.set(`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
  }
  return out;
}

/** What one object of a resource costs (Evaluator.Usage). */
export function usageOf(resource: string, obj: KubeObject, now?: string): ResourceMap {
  switch (resource) {
    case 'pods':
      return podUsage(obj, now);
    case 'services':
      return serviceUsage(obj);
    case 'persistentvolumeclaims':
      return pvcUsage(obj);
    default: {
      const out: ResourceMap = new Map([[objectCountName(resource), ONE]]);
      if (LEGACY_COUNTS.includes(resource)) out.set(resource, ONE);
      return out;
    }
  }
}

/** Whether a pod is BestEffort: no container asks for or limits cpu or memory. */
export function isBestEffort(pod: KubeObject): boolean {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as { resources?: { requests?: object; limits?: object } }[];
  return containers.every((c) => ['cpu', 'memory'].every((r) => !(r in (c.resources?.requests ?? {})) && !(r in (c.resources?.limits ?? {}))));
}

/** The scope names a quota restricts itself to (spec.scopes and scopeSelector `Exists` terms). */
function quotaScopes(quota: KubeObject): string[] {
  const fromSelector = ((quota.spec?.scopeSelector?.matchExpressions ?? []) as { scopeName: string }[]).map((e) => e.scopeName);
  return [...(quota.spec?.scopes ?? []), ...fromSelector];
}

/** Whether an object falls inside a quota's scopes; only pods can match a scoped quota. */
export function matchesScopes(quota: KubeObject, resource: string, obj: KubeObject): boolean {
  const scopes = quotaScopes(quota);
  if (scopes.length === 0) return true;
  if (resource !== 'pods') return false;
  const terminating = typeof obj.spec?.activeDeadlineSeconds === 'number' && obj.spec.activeDeadlineSeconds >= 0;
  return scopes.every((s) => {
    switch (s) {
      case 'Terminating':
        return terminating;
      case 'NotTerminating':
        return !terminating;
      case 'BestEffort':
        return isBestEffort(obj);
      case 'NotBestEffort':
        return !isBestEffort(obj);
      case 'PriorityClass':
        return Boolean(obj.spec?.priorityClassName);
      default:
        return false;
    }
  });
}

/** The hard limits a quota enforces: status.hard once synced, else spec.hard. */
export function quotaHard(quota: KubeObject): ResourceMap {
  const status = quota.status?.hard;
  return toResourceMap(status && Object.keys(status).length ? status : quota.spec?.hard);
}

/** The live usage of every resource a quota limits, as numbers. */
export function quotaUsageMap(quota: KubeObject, store: StoreReader, now?: string): ResourceMap {
  const names = [...quotaHard(quota).keys()];
  let used: ResourceMap = new Map(names.map((n) => [n, { value: 0, format: quotaHard(quota).get(n)!.format }] as const));
  const resources = new Set(names.map(resourceForQuotaName).filter((r): r is string => r !== undefined));
  for (const resource of resources) {
    for (const obj of store.list(resource, quota.metadata.namespace)) {
      if (!matchesScopes(quota, resource, obj)) continue;
      const usage = usageOf(resource, obj, now);
      used = addMaps(used, new Map([...usage].filter(([k]) => used.has(k))));
    }
  }
  return used;
}

/**
 * The quota's status as the resourcequota controller writes it: `{hard, used}` with used
 * printed canonically (`requests.cpu: 1500m`, `requests.memory: 384Mi`, `pods: "3"`).
 */
export function computeQuotaUsage(quota: KubeObject, store: StoreReader, now?: string): { hard: Record<string, string>; used: Record<string, string> } {
  const hard: Record<string, string> = { ...(quota.spec?.hard ?? {}) };
  const used: Record<string, string> = {};
  for (const [k, v] of quotaUsageMap(quota, store, now)) used[k] = formatAmount(v);
  return { hard, used };
}
