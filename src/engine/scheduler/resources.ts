/**
 * A pod's resource requests as the scheduler counts them (resourcehelper.PodRequests and
 * the framework's non-zero variant): the larger of the containers' sum and each init
 * container, plus the pod overhead.
 */
import { milliValue, parseQuantity } from '../api/quantity.js';
import type { KubeObject } from '../api/types.js';

/** Requested or allocatable amounts: cpu in millicores, memory and storage in bytes. */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (nvidia.com/gpu, hugepages-2Mi) by name. */
  scalar: Record<string, number>;
}

/** An empty amount. */
export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

/** The scheduler's defaults for a container without requests, used only for scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

const IGNORED = new Set(['pods']);

function bytes(text: unknown): number {
  const q = parseQuantity(text as string | number | undefined);
  return q ? Math.ceil(q.value) : 0;
}

/** Parses a resource list (requests, allocatable) into Resources. */
export function resourcesFromList(list: Record<string, unknown> | undefined): Resources {
  const r = emptyResources();
  for (const [name, value] of Object.entries(list ?? {})) {
    if (name === 'cpu') r.milliCPU = milliValue(parseQuantity(value as string));
    else if (name === 'memory') r.memory = bytes(value);
    else if (name === 'ephemeral-storage') r.ephemeralStorage = bytes(value);
    else if (!IGNORED.has(name)) r.scalar[name] = bytes(value);
  }
  return r;
}

/** A container's requests; a limit without a request counts as the request (API defaulting). */
function containerRequests(c: KubeObject | undefined): Record<string, unknown> {
  const res = c?.resources ?? {};
  return { ...(res.limits ?? {}), ...(res.requests ?? {}) };
}

function add(into: Resources, r: Resources): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + v;
}

function max(into: Resources, r: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = Math.max(into.scalar[k] ?? 0, v);
}

/**
 * Requests of a pod. With `nonZero`, a container that does not name cpu or memory counts
 * 100m / 200Mi, as schedutil.GetNonzeroRequests does for scoring so that request-less pods
 * still spread.
 */
export function podRequests(pod: KubeObject, nonZero = false): Resources {
  const each = (c: KubeObject): Resources => {
    const list = containerRequests(c);
    const r = resourcesFromList(list);
    if (nonZero) {
      if (!('cpu' in list)) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
      if (!('memory' in list)) r.memory = DEFAULT_MEMORY_REQUEST;
    }
    return r;
  };
  const total = emptyResources();
  for (const c of pod.spec?.containers ?? []) add(total, each(c));
  // Sidecars (restartable init containers) run alongside the app and add up; classic init
  // containers run one at a time, so only the largest matters.
  const sidecars = emptyResources();
  for (const c of pod.spec?.initContainers ?? []) {
    const r = each(c);
    if (c.restartPolicy === 'Always') {
      add(sidecars, r);
      add(total, r);
    } else {
      const withSidecars = emptyResources();
      add(withSidecars, r);
      add(withSidecars, sidecars);
      max(total, withSidecars);
    }
  }
  if (pod.spec?.overhead) add(total, resourcesFromList(pod.spec.overhead));
  return total;
}

/** Adds or subtracts (sign -1) an amount in place. */
export function addResources(into: Resources, r: Resources, sign: 1 | -1 = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v;
}
