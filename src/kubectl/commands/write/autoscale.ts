/**
 * `kubectl autoscale` (cmd/autoscale): a HorizontalPodAutoscaler for each scalable target.
 * The object is autoscaling/v2, the version the cluster serves; `--cpu-percent` (kubectl
 * 1.30's v1 targetCPUUtilizationPercentage) becomes the equivalent Utilization metric.
 */
import { apiVersionOf } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { autoscaleSpec } from './specs/verbs.js';
import { createObject, printMutated, printWarnings, requiredFlags, withLastApplied, writeContext } from './shared.js';
import { findTargets } from './targets.js';

/** The HPA kubectl builds for one target (createHorizontalPodAutoscalerV2). */
export function horizontalPodAutoscaler(target: KubeObject, opts: { name?: string; namespace?: string; min: number; max: number; cpuPercent: number }): KubeObject {
  const spec: Record<string, unknown> = {
    maxReplicas: opts.max,
    ...(opts.min > 0 ? { minReplicas: opts.min } : {}),
    scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: target.metadata.name },
  };
  if (opts.cpuPercent > 0) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: opts.cpuPercent } } }];
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { creationTimestamp: null, name: opts.name || target.metadata.name, ...(opts.namespace ? { namespace: opts.namespace } : {}) } as KubeObject['metadata'],
    spec,
    status: { currentMetrics: null, desiredReplicas: 0 },
  };
}

function runAutoscale(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (!flags.changed.has('max')) return requiredFlags(io, ['max']);
  const max = flags.int('max');
  const min = flags.int('min');
  if (max < 1) return printError(io, `--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) return printError(io, `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  const errors: CommandError[] = [...found.errors];
  let count = 0;
  for (const t of found.targets) {
    if (!t.type.subresources.includes('scale')) {
      const gv = t.type.group ? apiVersionOf(t.type) : `/${t.type.version}`;
      errors.push(`cannot autoscale a ${t.type.kind}: could not find scale subresource for ${gv}, Resource=${t.type.resource} in discovery information`);
      continue;
    }
    let hpa = horizontalPodAutoscaler(t.object, { name: flags.string('name'), namespace: ctx.explicitNamespace ? ctx.namespace : undefined, min, max, cpuPercent: flags.int('cpu-percent') });
    count++;
    if (ctx.dryRun === 'client') {
      printMutated(io, flags, ctx, hpa, 'created');
      continue;
    }
    if (flags.bool('save-config')) hpa = withLastApplied(hpa);
    const created = createObject(ctx, { ...hpa, metadata: { ...hpa.metadata, namespace: t.object.metadata.namespace } });
    if (!created.ok) {
      errors.push(created.error);
      continue;
    }
    printWarnings(io, created.value.warnings);
    printMutated(io, flags, ctx, created.value.object, 'autoscaled');
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return count === 0 ? printError(io, 'no objects passed to autoscale') : 0;
}

/** `kubectl autoscale`. */
export const AUTOSCALE_COMMANDS: CommandModule[] = [{ path: ['autoscale'], spec: autoscaleSpec, run: runAutoscale }];
