/**
 * What the registry strategies set on create only (PrepareForCreate), as opposed to the
 * defaulters that run on every decode: a Namespace's `kubernetes` finalizer and Active
 * phase, a Pod's Pending phase and QoS class.
 */
import { parseQuantity } from '../quantity.js';
import { child, deepCopy, items, objectAt, type Obj } from './util.js';
import type { KubeObject } from '../types.js';

/** The QoS class of a pod spec (pkg/apis/core/helper/qos GetPodQOS), for status.qosClass. */
export function podQOSClass(spec: Obj | undefined): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...items(spec, 'containers'), ...items(spec, 'initContainers')];
  let anySet = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const requests = objectAt(objectAt(c, 'resources'), 'requests') ?? {};
    const limits = objectAt(objectAt(c, 'resources'), 'limits') ?? {};
    const positive = (v: unknown): boolean => (parseQuantity(v as string)?.value ?? 0) > 0;
    if (Object.values(requests).some(positive) || Object.values(limits).some(positive)) anySet = true;
    for (const r of ['cpu', 'memory']) {
      const lim = parseQuantity(limits[r] as string);
      const req = parseQuantity((requests[r] ?? limits[r]) as string);
      if (!lim || !req || lim.value !== req.value) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * The create-time changes of the Namespace and Pod strategies. Call it on create after
 * applyDefaults; status a client sent is replaced, as the real strategies do.
 */
export function prepareForCreate(obj: KubeObject): KubeObject {
  const out = deepCopy(obj) as Obj;
  if (out.kind === 'Namespace') {
    out.status = { phase: 'Active' };
    const spec = child(out, 'spec');
    const finalizers: string[] = Array.isArray(spec.finalizers) ? spec.finalizers : [];
    // Required on create, but (unlike a default) free to be removed later.
    if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
  } else if (out.kind === 'Pod') {
    out.status = { phase: 'Pending', qosClass: podQOSClass(objectAt(out, 'spec')) };
  }
  return out as KubeObject;
}
