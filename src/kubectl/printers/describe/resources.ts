/**
 * Resource arithmetic describe needs: a pod's requests and limits
 * (kubectl/pkg/util/resource.PodRequestsAndLimits) and its QoS class
 * (kubectl/pkg/util/qos.GetPodQOS).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { formatQuantity, parseQuantity, type Quantity } from '../../../engine/api/quantity.js';

/** A summed resource: value in base units and the format of its first term (as Quantity.Add keeps it). */
export interface Amount {
  readonly value: number;
  readonly format: Quantity['format'];
}

/** Resource name -> amount. */
export type ResourceTotals = Map<string, Amount>;

/** Quantity.String() of an amount; a missing one is the zero Quantity, `0`. */
export function amountString(a: Amount | undefined): string {
  if (!a) return '0';
  return formatQuantity(a.value, a.format === 'DecimalExponent' ? 'DecimalSI' : a.format);
}

/** Milli-units of an amount, rounded up like Quantity.MilliValue. */
export const amountMilli = (a: Amount | undefined): number => (a ? Math.ceil(Math.round(a.value * 1e6) / 1e3) : 0);

function parseList(list: Readonly<Record<string, string | number>> | undefined): [string, Amount][] {
  const out: [string, Amount][] = [];
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text);
    if (q) out.push([name, { value: q.value, format: q.format }]);
  }
  return out;
}

function add(into: ResourceTotals, list: Readonly<Record<string, string | number>> | undefined): void {
  for (const [name, a] of parseList(list)) {
    const prev = into.get(name);
    into.set(name, prev ? { value: prev.value + a.value, format: prev.format } : a);
  }
}

function max(into: ResourceTotals, list: Readonly<Record<string, string | number>> | undefined): void {
  for (const [name, a] of parseList(list)) {
    const prev = into.get(name);
    if (!prev || a.value > prev.value) into.set(name, a);
  }
}

/** PodRequestsAndLimits: containers summed, init containers as a floor, overhead added. */
export function podRequestsAndLimits(pod: KubeObject): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const c of pod.spec?.containers ?? []) {
    add(requests, c.resources?.requests);
    add(limits, c.resources?.limits);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    max(requests, c.resources?.requests);
    max(limits, c.resources?.limits);
  }
  if (pod.spec?.overhead) {
    add(requests, pod.spec.overhead);
    // Overhead only raises limits that are already set.
    for (const [name, a] of parseList(pod.spec.overhead)) {
      const prev = limits.get(name);
      if (prev) limits.set(name, { value: prev.value + a.value, format: prev.format });
    }
  }
  return { requests, limits };
}

/** Adds one totals map into another (getPodsTotalRequestsAndLimits). */
export function addTotals(into: ResourceTotals, from: ResourceTotals): void {
  for (const [name, a] of from) {
    const prev = into.get(name);
    into.set(name, prev ? { value: prev.value + a.value, format: prev.format } : a);
  }
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** GetPodQOS: status.qosClass when set, else computed like ComputePodQOS. */
export function podQOS(pod: KubeObject): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, a] of parseList(c.resources?.requests)) {
      if (QOS_RESOURCES.has(name) && a.value > 0) requests.set(name, (requests.get(name) ?? 0) + a.value);
    }
    const found = new Set<string>();
    for (const [name, a] of parseList(c.resources?.limits)) {
      if (QOS_RESOURCES.has(name) && a.value > 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + a.value);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
