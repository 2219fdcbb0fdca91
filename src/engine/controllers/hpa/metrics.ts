/**
 * The HPA's view of pod metrics (pkg/controller/podautoscaler/replica_calculator.go): the
 * pod CPU source (a seam the kubelet's metrics plug into), grouping pods into ready,
 * unready, missing and ignored, and the replica count a utilization target asks for.
 */
import type { StoreReader } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { milliValue, parseQuantity } from '../../api/quantity.js';

/** A pod's CPU use in millicores, or undefined when no sample exists (like metrics-server). */
export type PodMetricsSource = (namespace: string, name: string) => number | undefined;

const sources = new WeakMap<StoreReader, PodMetricsSource>();

/**
 * Plugs a cluster's pod metrics in (e.g. `(ns, n) => podMetrics(cluster, ns, n)?.cpuMilli`
 * from src/engine/node). Keyed by the cluster's store so clusters stay independent.
 */
export function setPodMetricsSource(store: StoreReader, source: PodMetricsSource): void {
  sources.set(store, source);
}

/** The CPU use the HPA sees; with no source plugged in, a running pod uses 0m. */
export function podCpuUsage(store: StoreReader, pod: KubeObject): number | undefined {
  const source = sources.get(store);
  if (source) return source(pod.metadata.namespace!, pod.metadata.name!);
  return pod.status?.phase === 'Running' ? 0 : undefined;
}

/** cpuInitializationPeriod, delayOfInitialReadinessStatus, and the metrics-server window. */
const CPU_INITIALIZATION_MS = 5 * 60_000;
const INITIAL_READINESS_DELAY_MS = 30_000;
const METRIC_WINDOW_MS = 15_000;
/** --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1;

export interface Proposal {
  readonly replicas: number;
  /** averageUtilization (percent of request) over the ready pods. */
  readonly utilization: number;
  /** averageValue in millicores. */
  readonly rawMilli: number;
}

/** An error with the real controller's text. */
export type Computed = { ok: true; value: Proposal } | { ok: false; error: string };

function podCondition(pod: KubeObject, type: string): { status: string; lastTransitionTime?: string } | undefined {
  return (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
}

/** calculatePodRequests: the sum of each pod's container CPU requests. */
function podRequests(pods: readonly KubeObject[]): Map<string, number> | string {
  const out = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) {
      const req = c.resources?.requests?.cpu;
      if (req === undefined) return `missing request for cpu in container ${c.name} of Pod ${pod.metadata.name}`;
      sum += milliValue(parseQuantity(req));
    }
    out.set(pod.metadata.name!, sum);
  }
  return out;
}

function utilizationRatio(metrics: ReadonlyMap<string, number>, requests: ReadonlyMap<string, number>, target: number): { ratio: number; utilization: number; raw: number } | string {
  let used = 0;
  let requested = 0;
  for (const [name, value] of metrics) {
    if (!requests.has(name)) continue;
    used += value;
    requested += requests.get(name)!;
  }
  if (requested === 0) return 'no metrics returned matched known pods';
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, raw: Math.trunc(used / metrics.size) };
}

/** GetResourceReplicas for a CPU utilization target. */
export function cpuUtilizationReplicas(store: StoreReader, pods: readonly KubeObject[], currentReplicas: number, target: number, now: number): Computed {
  if (pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const metrics = new Map<string, number>();
  const unready: string[] = [];
  const missing: string[] = [];
  let readyCount = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed' || pod.status?.phase === 'Pending') continue;
    const usage = podCpuUsage(store, pod);
    if (usage === undefined) {
      missing.push(pod.metadata.name!);
      continue;
    }
    const ready = podCondition(pod, 'Ready');
    const start = pod.status?.startTime ? Date.parse(pod.status.startTime) : undefined;
    let isUnready: boolean;
    if (!ready || start === undefined) isUnready = true;
    else if (start + CPU_INITIALIZATION_MS > now) isUnready = ready.status === 'False' || now < Date.parse(ready.lastTransitionTime ?? '') + METRIC_WINDOW_MS;
    else isUnready = ready.status === 'False' && start + INITIAL_READINESS_DELAY_MS > Date.parse(ready.lastTransitionTime ?? '');
    if (isUnready) {
      unready.push(pod.metadata.name!);
      continue;
    }
    metrics.set(pod.metadata.name!, usage);
    readyCount++;
  }
  if (metrics.size === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const requests = podRequests(pods);
  if (typeof requests === 'string') return { ok: false, error: requests };
  const first = utilizationRatio(metrics, requests, target);
  if (typeof first === 'string') return { ok: false, error: first };
  const base = { utilization: first.utilization, rawMilli: first.raw };
  const scaleUpWithUnready = unready.length > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - first.ratio) <= TOLERANCE) return { ok: true, value: { replicas: currentReplicas, ...base } };
    return { ok: true, value: { replicas: Math.ceil(first.ratio * readyCount), ...base } };
  }
  // Missing pods count as at target when scaling down and idle when scaling up; unready as idle.
  for (const name of missing) metrics.set(name, first.ratio < 1 ? Math.max((target * requests.get(name)!) / 100, requests.get(name)!) : 0);
  if (scaleUpWithUnready) for (const name of unready) metrics.set(name, 0);
  const second = utilizationRatio(metrics, requests, target);
  if (typeof second === 'string') return { ok: false, error: second };
  if (Math.abs(1 - second.ratio) <= TOLERANCE || (first.ratio < 1 && second.ratio > 1) || (first.ratio > 1 && second.ratio < 1)) return { ok: true, value: { replicas: currentReplicas, ...base } };
  const replicas = Math.ceil(second.ratio * metrics.size);
  if ((second.ratio < 1 && replicas > currentReplicas) || (second.ratio > 1 && replicas < currentReplicas)) return { ok: true, value: { replicas: currentReplicas, ...base } };
  return { ok: true, value: { replicas, ...base } };
}
