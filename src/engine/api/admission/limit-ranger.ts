/**
 * LimitRanger (plugin/pkg/admission/limitranger): fills in container requests and limits
 * from the namespace's LimitRanges when the pod leaves them out, then refuses pods and
 * PVCs outside the ranges' min/max/maxLimitRequestRatio, with the plugin's own words.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { milliValue } from '../quantity.js';
import { ok, type KubeObject, type Result, type StatusError } from '../types.js';
import { admissionForbidden, copyObject } from './forbidden.js';
import { formatAmount, podLimits, podRequests, toResourceMap, type Amount, type ResourceMap } from './resources.js';

type ResourceList = Record<string, string>;

/** A LimitRange item (corev1.LimitRangeItem). */
export interface LimitRangeItem {
  type: string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

/**
 * A Container item with the API server's LimitRange defaulting applied
 * (SetDefaults_LimitRangeItem): default limit ← max, default request ← default limit ← min.
 * The defaulting normally happens when the LimitRange is stored; doing it here too is harmless.
 */
export function limitRangeItemDefaults(item: LimitRangeItem): LimitRangeItem {
  if (item.type !== 'Container') return item;
  const def: ResourceList = { ...item.default };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  const req: ResourceList = { ...item.defaultRequest };
  for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
  return { ...item, default: def, defaultRequest: req };
}

function itemsIn(req: AdmissionRequest): LimitRangeItem[][] {
  return req.store.list('limitranges', req.namespace).map((lr) => ((lr.spec?.limits ?? []) as LimitRangeItem[]).map(limitRangeItemDefaults));
}

function supports(req: AdmissionRequest): boolean {
  if (req.subresource || !req.namespace) return false;
  // Pod containers cannot change after creation, so pod updates are not checked.
  if (req.resource === 'pods') return req.operation === 'CREATE';
  return req.resource === 'persistentvolumeclaims' && (req.operation === 'CREATE' || req.operation === 'UPDATE');
}

interface Container {
  name: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
}

/** Adds the missing defaults to one container; returns the annotation phrases it earned. */
function mergeContainer(c: Container, requests: ResourceList, limits: ResourceList, prefix: string): string[] {
  const res = (c.resources = { ...c.resources, limits: { ...c.resources?.limits }, requests: { ...c.resources?.requests } });
  const setLimits = Object.keys(limits).filter((k) => !(k in res.limits!));
  const setRequests = Object.keys(requests).filter((k) => !(k in res.requests!));
  for (const k of setLimits) res.limits![k] = limits[k]!;
  for (const k of setRequests) res.requests![k] = requests[k]!;
  const notes: string[] = [];
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
  return notes;
}

function admit(req: AdmissionRequest): Result<KubeObject> {
  if (!supports(req) || req.resource !== 'pods') return ok(req.object);
  const ranges = itemsIn(req);
  if (ranges.length === 0) return ok(req.object);
  const pod = copyObject(req.object);
  for (const items of ranges) {
    const requests: ResourceList = {};
    const limits: ResourceList = {};
    for (const item of items.filter((i) => i.type === 'Container')) {
      Object.assign(requests, item.defaultRequest);
      Object.assign(limits, item.default);
    }
    const notes: string[] = [];
    for (const c of (pod.spec?.containers ?? []) as Container[]) notes.push(...mergeContainer(c, requests, limits, 'container'));
    for (const c of (pod.spec?.initContainers ?? []) as Container[]) notes.push(...mergeContainer(c, requests, limits, 'init container'));
    if (notes.length) pod.metadata.annotations = { ...pod.metadata.annotations, 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
  }
  return ok(pod);
}

const milli = (a: Amount | undefined): number => milliValue(a ? { value: a.value, format: a.format } : undefined);

function minConstraint(type: string, name: string, enforced: Amount, request: ResourceMap, limit: ResourceMap): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  if (!req) return `minimum ${name} usage per ${type} is ${formatAmount(enforced)}.  No request is specified`;
  if (milli(req) < milli(enforced)) return `minimum ${name} usage per ${type} is ${formatAmount(enforced)}, but request is ${formatAmount(req)}`;
  if (lim && milli(lim) < milli(enforced)) return `minimum ${name} usage per ${type} is ${formatAmount(enforced)}, but limit is ${formatAmount(lim)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Amount, request: ResourceMap, limit: ResourceMap): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  if (!lim) return `maximum ${name} usage per ${type} is ${formatAmount(enforced)}.  No limit is specified`;
  if (milli(lim) > milli(enforced)) return `maximum ${name} usage per ${type} is ${formatAmount(enforced)}, but limit is ${formatAmount(lim)}`;
  if (req && milli(req) > milli(enforced)) return `maximum ${name} usage per ${type} is ${formatAmount(enforced)}, but request is ${formatAmount(req)}`;
  return undefined;
}

function maxRequestConstraint(type: string, name: string, enforced: Amount, request: ResourceMap): string | undefined {
  const req = request.get(name);
  if (!req) return `maximum ${name} usage per ${type} is ${formatAmount(enforced)}.  No request is specified`;
  if (milli(req) > milli(enforced)) return `maximum ${name} usage per ${type} is ${formatAmount(enforced)}, but request is ${formatAmount(req)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Amount, request: ResourceMap, limit: ResourceMap): string | undefined {
  const req = milli(request.get(name));
  const lim = milli(limit.get(name));
  const shown = formatAmount(enforced);
  if (req === 0) return `${name} max limit to request ratio per ${type} is ${shown}, but no request is specified or request is 0`;
  if (lim === 0) return `${name} max limit to request ratio per ${type} is ${shown}, but no limit is specified or limit is 0`;
  const ratio = lim / req;
  if (ratio * 1000 > milli(enforced)) return `${name} max limit to request ratio per ${type} is ${shown}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

function checkBounds(item: LimitRangeItem, request: ResourceMap, limit: ResourceMap, errs: string[]): void {
  const each = (list: ResourceList | undefined, check: (name: string, enforced: Amount) => string | undefined): void => {
    for (const [name, enforced] of toResourceMap(list)) {
      const e = check(name, enforced);
      if (e) errs.push(e);
    }
  };
  each(item.min, (n, v) => minConstraint(item.type, n, v, request, limit));
  each(item.max, (n, v) => maxConstraint(item.type, n, v, request, limit));
  each(item.maxLimitRequestRatio, (n, v) => ratioConstraint(item.type, n, v, request, limit));
}

function validateObject(items: LimitRangeItem[], obj: KubeObject, resource: string): string[] {
  const errs: string[] = [];
  for (const item of items) {
    if (resource === 'persistentvolumeclaims') {
      if (item.type !== 'PersistentVolumeClaim') continue;
      const requests = toResourceMap(obj.spec?.resources?.requests);
      for (const [n, v] of toResourceMap(item.min)) {
        const e = minConstraint(item.type, n, v, requests, new Map());
        if (e) errs.push(e);
      }
      for (const [n, v] of toResourceMap(item.max)) {
        const e = maxRequestConstraint(item.type, n, v, requests);
        if (e) errs.push(e);
      }
    } else if (item.type === 'Container') {
      for (const c of [...((obj.spec?.containers ?? []) as Container[]), ...((obj.spec?.initContainers ?? []) as Container[])]) {
        checkBounds(item, toResourceMap(c.resources?.requests), toResourceMap(c.resources?.limits), errs);
      }
    } else if (item.type === 'Pod') {
      checkBounds(item, podRequests(obj), podLimits(obj), errs);
    }
  }
  return errs;
}

function validate(req: AdmissionRequest): StatusError | undefined {
  if (!supports(req) || req.oldObject?.metadata.deletionTimestamp) return undefined;
  for (const items of itemsIn(req)) {
    const errs = validateObject(items, req.object, req.resource);
    // utilerrors.NewAggregate: one error as is, several as `[a, b]`.
    if (errs.length) return admissionForbidden(req, errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`);
  }
  return undefined;
}

/** The LimitRanger plugin: defaults in the mutating phase, bounds in the validating one. */
export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  mutate: admit,
  validate,
};
