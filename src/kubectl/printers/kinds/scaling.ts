/** `kubectl get` tables for horizontalpodautoscalers and poddisruptionbudgets. */
import type { KubeObject } from '../../../engine/api/types.js';
import { age, int, intOrString, quantity } from '../cells.js';
import { col, name, type PrinterTable } from '../printer-table.js';

// autoscaling/v2 metric shapes, loosely.
interface Target { type?: string; value?: string; averageValue?: string; averageUtilization?: number }
interface Current { value?: string; averageValue?: string; averageUtilization?: number }
interface MetricSpec {
  type: string;
  resource?: { name: string; target: Target };
  containerResource?: { name: string; target: Target };
  pods?: { target: Target };
  object?: { target: Target };
  external?: { target: Target };
}
interface MetricStatus {
  resource?: { current: Current };
  containerResource?: { current: Current };
  pods?: { current: Current };
  object?: { current: Current };
  external?: { current: Current };
}

// An autoscaling/v1 object carries targetCPUUtilizationPercentage; the server converts it.
function metricsOf(hpa: KubeObject): { specs: MetricSpec[]; statuses: MetricStatus[] } {
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  if (Array.isArray(spec.metrics) || spec.targetCPUUtilizationPercentage === undefined) {
    return { specs: spec.metrics ?? [], statuses: status.currentMetrics ?? [] };
  }
  const specs: MetricSpec[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  const statuses: MetricStatus[] =
    status.currentCPUUtilizationPercentage === undefined ? [] : [{ resource: { current: { averageUtilization: status.currentCPUUtilizationPercentage } } }];
  return { specs, statuses };
}

const pct = (n: number | undefined, fallback: string): string => (n === undefined ? fallback : `${n}%`);

// Value or averageValue metrics (object and external): `cur/target` or `cur/target (avg)`.
function valueMetric(target: Target, current: Current | undefined): string {
  if (target.averageValue !== undefined) {
    const cur = current?.averageValue !== undefined ? quantity(current.averageValue) : '<unknown>';
    return `${cur}/${quantity(target.averageValue)} (avg)`;
  }
  const cur = current ? quantity(current.value) : '<unknown>';
  return `${cur}/${quantity(target.value)}`;
}

// Resource and containerResource metrics: `cpu: 50%/80%` or `memory: 100Mi/200Mi`.
function resourceMetric(res: { name: string; target: Target }, current: Current | undefined): string {
  if (res.target.averageValue !== undefined) {
    const cur = current ? quantity(current.averageValue) : '<unknown>';
    return `${res.name}: ${cur}/${quantity(res.target.averageValue)}`;
  }
  return `${res.name}: ${pct(current?.averageUtilization, '<unknown>')}/${pct(res.target.averageUtilization, '<auto>')}`;
}

/** formatHPAMetrics: the TARGETS cell, at most two metrics then ` + N more...`. */
export function hpaTargets(hpa: KubeObject): string {
  const { specs, statuses } = metricsOf(hpa);
  if (specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => {
    const st = statuses[i];
    switch (spec.type) {
      case 'External': return valueMetric(spec.external!.target, st?.external?.current);
      case 'Object': return valueMetric(spec.object!.target, st?.object?.current);
      case 'Pods': return `${st?.pods ? quantity(st.pods.current.averageValue) : '<unknown>'}/${quantity(spec.pods!.target.averageValue)}`;
      case 'Resource': return resourceMetric(spec.resource!, st?.resource?.current);
      case 'ContainerResource': return resourceMetric(spec.containerResource!, st?.containerResource?.current);
      default: return '<unknown type>';
    }
  });
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
  return list.join(', ');
}

/** printHorizontalPodAutoscaler. */
export const horizontalpodautoscalers: PrinterTable = {
  columns: [name(), col('REFERENCE'), col('TARGETS'), col('MINPODS'), col('MAXPODS'), col('REPLICAS'), col('AGE')],
  row: (hpa, { now }) => {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const min = hpa.spec?.minReplicas;
    return [
      hpa.metadata.name ?? '', `${ref.kind ?? ''}/${ref.name ?? ''}`, hpaTargets(hpa),
      typeof min === 'number' ? String(min) : '<unset>', int(hpa.spec?.maxReplicas), int(hpa.status?.currentReplicas), age(hpa, now),
    ];
  },
};

/** printPodDisruptionBudget: `N/A` for whichever of min/max is unset. */
export const poddisruptionbudgets: PrinterTable = {
  columns: [name(), col('MIN AVAILABLE'), col('MAX UNAVAILABLE'), col('ALLOWED DISRUPTIONS'), col('AGE')],
  row: (pdb, { now }) => {
    const spec = pdb.spec ?? {};
    return [
      pdb.metadata.name ?? '',
      spec.minAvailable === undefined || spec.minAvailable === null ? 'N/A' : intOrString(spec.minAvailable),
      spec.maxUnavailable === undefined || spec.maxUnavailable === null ? 'N/A' : intOrString(spec.maxUnavailable),
      int(pdb.status?.disruptionsAllowed), age(pdb, now),
    ];
  },
};
