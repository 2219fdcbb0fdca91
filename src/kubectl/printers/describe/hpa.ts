/**
 * describe horizontalpodautoscaler (describe.go describeHorizontalPodAutoscalerV2; the
 * describer fetches autoscaling/v2, so a v1 object is read through its v2 shape).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { DescribeContext } from './context.js';
import { writeEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, quantityString, rfc1123z } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './tabbed.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are loose JSON */
type Json = Record<string, any>;

const q = (x: unknown): string => quantityString(x as string | undefined);

/** The v2 metrics of an HPA; a v1 targetCPUUtilizationPercentage becomes a cpu Resource metric. */
function metricsOf(hpa: KubeObject): { spec: Json[]; current: Json[] } {
  if (hpa.apiVersion !== 'autoscaling/v1') return { spec: hpa.spec?.metrics ?? [], current: hpa.status?.currentMetrics ?? [] };
  const target = hpa.spec?.targetCPUUtilizationPercentage;
  const spec = target === undefined ? [] : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }];
  const cur = hpa.status?.currentCPUUtilizationPercentage;
  const current = cur === undefined ? [] : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cur } } }];
  return { spec, current };
}

function writeMetric(m: Json, cur: Json | undefined, w: PrefixWriter): void {
  switch (m.type) {
    case 'External': {
      const avg = m.external?.target?.averageValue;
      const current = avg !== undefined ? cur?.external?.current?.averageValue : cur?.external?.current?.value;
      const label = avg !== undefined ? 'target average value' : 'target value';
      w.write(LEVEL_1, `"${m.external?.metric?.name}" (${label}):\t${current !== undefined ? q(current) : '<unknown>'} / ${q(avg ?? m.external?.target?.value)}\n`);
      return;
    }
    case 'Pods': {
      const current = cur?.pods?.current?.averageValue;
      w.write(LEVEL_1, `"${m.pods?.metric?.name}" on pods:\t${current !== undefined ? q(current) : '<unknown>'} / ${q(m.pods?.target?.averageValue)}\n`);
      return;
    }
    case 'Object': {
      const o = m.object ?? {};
      w.write(LEVEL_1, `"${o.metric?.name}" on ${o.describedObject?.kind}/${o.describedObject?.name} `);
      const avg = o.target?.type === 'AverageValue';
      const current = avg ? cur?.object?.current?.averageValue : cur?.object?.current?.value;
      w.write(LEVEL_0, `(target ${avg ? 'average ' : ''}value):\t${current !== undefined ? q(current) : '<unknown>'} / ${q(avg ? o.target?.averageValue : o.target?.value)}\n`);
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const isContainer = m.type === 'ContainerResource';
      const r = isContainer ? m.containerResource : m.resource;
      const c = isContainer ? cur?.containerResource : cur?.resource;
      w.write(LEVEL_1, isContainer ? `resource ${r?.name} of container "${r?.container}" on pods` : `resource ${r?.name} on pods`);
      if (r?.target?.averageValue !== undefined) {
        w.write(LEVEL_0, `:\t${c?.current?.averageValue !== undefined ? q(c.current.averageValue) : '<unknown>'} / ${q(r.target.averageValue)}\n`);
        return;
      }
      const util = c?.current?.averageUtilization;
      const current = util !== undefined ? `${util}% (${q(c?.current?.averageValue)})` : '<unknown>';
      const target = r?.target?.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>';
      w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`);
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type "${m.type}">\n`);
  }
}

function writeDirection(title: string, rules: Json | undefined, w: PrefixWriter): void {
  if (!rules) return;
  w.write(LEVEL_1, `${title}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  const policies: Json[] = rules.policies ?? [];
  if (policies.length === 0) return;
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

/** describe horizontalpodautoscaler. */
export function describeHPA(hpa: KubeObject, ctx: DescribeContext): string {
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  const { spec: metrics, current } = metricsOf(hpa);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    metrics.forEach((m, i) => writeMetric(m, current[i], w));
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      writeDirection('Scale Up', spec.behavior.scaleUp, w);
      writeDirection('Scale Down', spec.behavior.scaleDown, w);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
    const conditions: Json[] = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    writeEvents(hpa, ctx, w);
  });
}
