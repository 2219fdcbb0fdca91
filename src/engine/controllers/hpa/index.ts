/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go):
 * every 15s it reads the target's scale, turns pod CPU use into a replica count
 * (ceil(current * usage / target) outside a 10% tolerance), holds scale-downs for the
 * highest recommendation of the last 5 minutes, clamps to min/max and the scale-up limit,
 * and writes the scale subresource, status and conditions.
 */
import { labelsMatch, parseLabelSelector } from '../../api/selectors.js';
import { typeForKind } from '../../api/discovery.js';
import type { KubeObject } from '../../api/types.js';
import { keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { cpuUtilizationReplicas } from './metrics.js';

export { setPodMetricsSource, podCpuUsage, type PodMetricsSource } from './metrics.js';

/** --horizontal-pod-autoscaler-sync-period. */
const SYNC_PERIOD_MS = 15_000;
/** --horizontal-pod-autoscaler-downscale-stabilization. */
const DOWNSCALE_STABILIZATION_MS = 5 * 60_000;
const CPU_METRIC_NAME = 'cpu resource utilization (percentage of request)';

interface Condition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

type Recommendations = Map<string, { replicas: number; at: number }[]>;

export function createHorizontalPodAutoscalerController(): Controller {
  const recommendations: Recommendations = new Map();
  return {
    name: 'horizontal-pod-autoscaler',
    watches: ['horizontalpodautoscalers'],
    initialKeys: (ctx) => ctx.store.list('horizontalpodautoscalers').map(keyOf),
    // Its own status writes must not re-run a sync: only new HPAs and spec changes do.
    keysFor: (event) => (event.type === 'DELETED' || (event.type === 'MODIFIED' && event.oldObject?.metadata.generation === event.object.metadata.generation) ? [] : [keyOf(event.object)]),
    sync: (key, ctx) => reconcile(key, ctx, recommendations),
  };
}

function reconcile(key: string, ctx: ControllerContext, recommendations: Recommendations): void {
  const { namespace, name } = splitKey(key);
  const hpa = ctx.store.get('horizontalpodautoscalers', namespace, name);
  if (!hpa || hpa.metadata.deletionTimestamp) {
    recommendations.delete(key);
    return;
  }
  // Every sync schedules the next; an HPA event in between only makes one sooner.
  ctx.requeueAfter(key, SYNC_PERIOD_MS);
  const now = ctx.clock.now();
  const nowText = ctx.clock.nowRfc3339();
  let conditions: Condition[] = [...(hpa.status?.conditions ?? [])];
  const set = (type: string, status: string, reason: string, message: string) => {
    const old = conditions.find((c) => c.type === type);
    const next = { type, status, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : nowText, reason, message };
    conditions = old ? conditions.map((c) => (c.type === type ? next : c)) : [...conditions, next];
  };
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const status: Record<string, unknown> = { ...(hpa.status ?? {}) };
  const write = () => writeStatus(hpa, { ...status, conditions }, ctx);

  const resource = typeForKind(ref.kind)?.resource;
  const scale = resource ? ctx.client.getScale(resource, namespace!, ref.name) : undefined;
  if (!scale?.ok) {
    const err = scale ? scale.error.message : `no matches for kind "${ref.kind}" in group "${String(ref.apiVersion ?? '').split('/')[0]}"`;
    ctx.event(hpa, 'Warning', 'FailedGetScale', err);
    set('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${err}`);
    write();
    return;
  }
  set('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
  const current: number = scale.value.spec.replicas;
  const minReplicas: number = hpa.spec?.minReplicas ?? 1;
  const maxReplicas: number = hpa.spec?.maxReplicas;
  status.currentReplicas = current;
  let desired = 0;
  let reason = '';
  if (current === 0 && minReplicas !== 0) {
    set('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
  } else if (current > maxReplicas) {
    reason = 'Current number of replicas above Spec.MaxReplicas';
    desired = maxReplicas;
  } else if (current < minReplicas) {
    reason = 'Current number of replicas below Spec.MinReplicas';
    desired = minReplicas;
  } else {
    const metric = computeMetrics(hpa, scale.value, current, ctx);
    status.currentMetrics = metric.statuses;
    if (!metric.ok) {
      ctx.event(hpa, 'Warning', metric.reason, metric.error);
      set('ScalingActive', 'False', metric.reason, `the HPA was unable to compute the replica count: ${metric.error}`);
      write();
      ctx.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${metric.error}`);
      return;
    }
    set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${CPU_METRIC_NAME}`);
    desired = metric.replicas;
    if (desired > current) reason = `${CPU_METRIC_NAME} above target`;
    if (desired < current) reason = 'All metrics below target';
    desired = normalize(key, hpa, current, desired, minReplicas, maxReplicas, now, recommendations, set);
  }
  if (desired !== current && !(current === 0 && minReplicas !== 0)) {
    const r = ctx.client.updateScale(resource!, namespace!, ref.name, desired);
    if (!r.ok) {
      ctx.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${r.error.message}`);
      set('AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${r.error.message}`);
      write();
      return;
    }
    set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
    ctx.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
    status.lastScaleTime = nowText;
  }
  status.desiredReplicas = desired;
  write();
}

/** The CPU metric's proposal and the currentMetrics entry for status. */
function computeMetrics(hpa: KubeObject, scale: KubeObject, current: number, ctx: ControllerContext): ({ ok: true; replicas: number } | { ok: false; reason: string; error: string }) & { statuses: unknown[] } {
  const spec = (hpa.spec?.metrics ?? [])[0] ?? {};
  const target = spec.resource?.target ?? spec.containerResource?.target ?? {};
  if (spec.type !== 'Resource' || spec.resource?.name !== 'cpu' || target.type !== 'Utilization') {
    // Only CPU utilization is simulated; other metrics report as the real one does with no adapter.
    return { ok: false, reason: 'FailedGetResourceMetric', error: `failed to get ${spec.resource?.name ?? 'cpu'} utilization: unable to get metrics for resource ${spec.resource?.name ?? 'cpu'}: no metrics returned from resource metrics API`, statuses: [{ type: '' }] };
  }
  const parsed = parseLabelSelector(scale.status?.selector ?? '');
  const selector = parsed.ok ? parsed.selector : [];
  const pods = ctx.store.list('pods', hpa.metadata.namespace).filter((p) => labelsMatch(selector, p.metadata.labels));
  const r = cpuUtilizationReplicas(ctx.store, pods, current, target.averageUtilization ?? 80, ctx.clock.now());
  if (!r.ok) return { ok: false, reason: 'FailedGetResourceMetric', error: `failed to get cpu utilization: ${r.error}`, statuses: [{ type: '' }] };
  const statuses = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: r.value.utilization, averageValue: `${r.value.rawMilli}m` } } }];
  return { ok: true, replicas: r.value.replicas, statuses };
}

/**
 * normalizeDesiredReplicas: the highest recommendation within the stabilization window,
 * then min/max and the scale-up limit (twice the current count, at least 4).
 */
function normalize(key: string, hpa: KubeObject, current: number, proposal: number, minReplicas: number, maxReplicas: number, now: number, recommendations: Recommendations, set: (type: string, status: string, reason: string, message: string) => void): number {
  const windowSeconds = hpa.spec?.behavior?.scaleDown?.stabilizationWindowSeconds;
  const window = windowSeconds != null ? windowSeconds * 1000 : DOWNSCALE_STABILIZATION_MS;
  const recs = (recommendations.get(key) ?? []).filter((r) => r.at >= now - window);
  const stabilized = Math.max(proposal, ...recs.map((r) => r.replicas));
  recommendations.set(key, [...recs, { replicas: proposal, at: now }]);
  if (stabilized !== proposal) set('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
  else set('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
  const scaleUpLimit = Math.max(2 * current, 4);
  let maxAllowed = maxReplicas;
  let limitReason = 'TooManyReplicas';
  let limitMessage = 'the desired replica count is more than the maximum replica count';
  if (maxReplicas > scaleUpLimit) {
    maxAllowed = scaleUpLimit;
    limitReason = 'ScaleUpLimit';
    limitMessage = 'the desired replica count is increasing faster than the maximum scale rate';
  }
  const minAllowed = minReplicas === 0 ? 1 : minReplicas;
  if (stabilized < minAllowed) {
    set('ScalingLimited', 'True', 'TooFewReplicas', 'the desired replica count is less than the minimum replica count');
    return minAllowed;
  }
  if (stabilized > maxAllowed) {
    set('ScalingLimited', 'True', limitReason, limitMessage);
    return maxAllowed;
  }
  set('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range');
  return stabilized;
}

function writeStatus(hpa: KubeObject, status: Record<string, unknown>, ctx: ControllerContext): void {
  const current = ctx.store.get('horizontalpodautoscalers', hpa.metadata.namespace, hpa.metadata.name!);
  if (!current) return;
  const ordered: Record<string, unknown> = {};
  for (const k of ['currentMetrics', 'currentReplicas', 'desiredReplicas', 'lastScaleTime', 'conditions']) if (status[k] !== undefined) ordered[k] = status[k];
  if (JSON.stringify(ordered) === JSON.stringify(current.status)) return;
  ctx.client.updateStatus('horizontalpodautoscalers', current.metadata.namespace, { ...current, status: ordered });
}
