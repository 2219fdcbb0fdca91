/**
 * Resource lists (`{cpu: "500m", memory: "128Mi"}`) as numbers, and a pod's effective
 * requests and limits (k8s.io/component-helpers/resource PodRequests/PodLimits): the sum
 * over containers and restartable (sidecar) init containers, or the largest init
 * container with the sidecars started before it, whichever is larger.
 */
import { formatQuantity, parseQuantity, type Quantity } from '../quantity.js';
import type { KubeObject } from '../types.js';

/** One resource amount: its value in base units and how to print it. */
export interface Amount {
  readonly value: number;
  readonly format: Quantity['format'];
}

/** Resource name to amount. */
export type ResourceMap = Map<string, Amount>;

/** Parses a ResourceList; unparseable values are left out (validation rejects them earlier). */
export function toResourceMap(list: Readonly<Record<string, unknown>> | undefined): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v as string | number);
    if (q) out.set(k, { value: q.value, format: q.format });
  }
  return out;
}

/** A quantity as Quantity.String() prints it (canonical: `1`, `500m`, `128Mi`). */
export function formatAmount(a: Amount): string {
  return formatQuantity(a.value, a.format);
}

/** a + b per key; the format is the first non-zero operand's, as Quantity.Add keeps it. */
export function addMaps(a: ResourceMap, b: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map(a);
  for (const [k, v] of b) {
    const cur = out.get(k);
    out.set(k, cur ? { value: cur.value + v.value, format: cur.value === 0 ? v.format : cur.format } : v);
  }
  return out;
}

function maxMaps(a: ResourceMap, b: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map(a);
  for (const [k, v] of b) {
    const cur = out.get(k);
    if (!cur || v.value > cur.value) out.set(k, v);
  }
  return out;
}

interface Container {
  restartPolicy?: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

function aggregate(pod: KubeObject, field: 'requests' | 'limits'): ResourceMap {
  let sum: ResourceMap = new Map();
  for (const c of (pod.spec?.containers ?? []) as Container[]) sum = addMaps(sum, toResourceMap(c.resources?.[field]));
  let sidecars: ResourceMap = new Map();
  let initMax: ResourceMap = new Map();
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    const own = toResourceMap(c.resources?.[field]);
    if (c.restartPolicy === 'Always') {
      sum = addMaps(sum, own);
      sidecars = addMaps(sidecars, own);
    } else {
      initMax = maxMaps(initMax, addMaps(own, sidecars));
    }
  }
  const total = maxMaps(sum, initMax);
  const overhead = toResourceMap(pod.spec?.overhead);
  return field === 'requests' ? addMaps(total, overhead) : total;
}

/** The pod's effective requests. */
export function podRequests(pod: KubeObject): ResourceMap {
  return aggregate(pod, 'requests');
}

/** The pod's effective limits (only resources some container limits). */
export function podLimits(pod: KubeObject): ResourceMap {
  return aggregate(pod, 'limits');
}
