/**
 * `kubectl autoscale` (cmd/autoscale, kubectl 1.30): an autoscaling/v1 HorizontalPodAutoscaler
 * for each scalable target, created through the v1 API in the command's namespace. The
 * emulated server stores HPAs as autoscaling/v2 without converting v1 itself, so the v1
 * object is sent as the v2 object the server's conversion makes of it, and the answer is
 * shown as the v1 view the real server returns (typed, so `-o json` keeps struct order).
 */
import { apiVersionOf } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { changeCause, recorded, withRecord } from './record.js';
import { autoscaleSpec } from './specs/verbs.js';
import { createObject, printMutated, printWarnings, requiredFlags, withLastApplied, writeContext } from './shared.js';
import { findTargets } from './targets.js';

type Obj = Record<string, unknown>;

/** ObjectMeta's fields in struct order, as a typed object marshals them. */
const META_ORDER = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

function inOrder(obj: Obj, order: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/** The HPA kubectl 1.30 builds for one target (createHorizontalPodAutoscaler), in struct order. */
export function horizontalPodAutoscaler(target: KubeObject, opts: { name?: string; min: number; max: number; cpuPercent: number }): KubeObject {
  const spec: Obj = { scaleTargetRef: { kind: target.kind, name: target.metadata.name, apiVersion: target.apiVersion } };
  if (opts.min > 0) spec.minReplicas = opts.min;
  spec.maxReplicas = opts.max;
  if (opts.cpuPercent >= 0) spec.targetCPUUtilizationPercentage = opts.cpuPercent;
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: { name: opts.name || target.metadata.name, creationTimestamp: null } as KubeObject['metadata'],
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

/** What the server's v1 -> v2 conversion stores for a v1 HPA (the CPU target becomes a Utilization metric). */
export function hpaV2Of(v1: KubeObject): KubeObject {
  const s = (v1.spec ?? {}) as Obj;
  const spec: Obj = { scaleTargetRef: s.scaleTargetRef, maxReplicas: s.maxReplicas };
  if (s.minReplicas !== undefined) spec.minReplicas = s.minReplicas;
  if (s.targetCPUUtilizationPercentage !== undefined) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: s.targetCPUUtilizationPercentage } } }];
  }
  const { creationTimestamp: _unset, ...metadata } = v1.metadata;
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec };
}

/** The autoscaling/v1 view of a stored v2 HPA (Convert_autoscaling_HorizontalPodAutoscaler_To_v1), in struct order. */
export function hpaV1Of(v2: KubeObject): KubeObject {
  const s = (v2.spec ?? {}) as Obj;
  const st = (v2.status ?? {}) as Obj;
  type Metric = { type?: string; resource?: { name?: string; target?: { type?: string; averageUtilization?: number } }; current?: { averageUtilization?: number } };
  const cpu = ((s.metrics ?? []) as Metric[]).find((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.averageUtilization !== undefined);
  const ref = (s.scaleTargetRef ?? {}) as Obj;
  const spec: Obj = { scaleTargetRef: inOrder(ref, ['kind', 'name', 'apiVersion']), minReplicas: s.minReplicas, maxReplicas: s.maxReplicas };
  if (cpu) spec.targetCPUUtilizationPercentage = cpu.resource!.target!.averageUtilization;
  const currentCpu = ((st.currentMetrics ?? []) as { type?: string; resource?: { name?: string; current?: { averageUtilization?: number } } }[]).find(
    (m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.current?.averageUtilization !== undefined,
  );
  const status: Obj = inOrder(st, ['observedGeneration', 'lastScaleTime']);
  status.currentReplicas = st.currentReplicas ?? 0;
  status.desiredReplicas = st.desiredReplicas ?? 0;
  if (currentCpu) status.currentCPUUtilizationPercentage = currentCpu.resource!.current!.averageUtilization;
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: inOrder(v2.metadata as Obj, META_ORDER) as KubeObject['metadata'],
    spec: inOrder(spec, ['scaleTargetRef', 'minReplicas', 'maxReplicas', 'targetCPUUtilizationPercentage']),
    status,
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
  const cause = changeCause(['autoscale'], flags, autoscaleSpec.flags);
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
    let hpa = recorded(horizontalPodAutoscaler(t.object, { name: flags.string('name'), min, max, cpuPercent: flags.int('cpu-percent') }), cause);
    if (ctx.dryRun === 'client') {
      count++;
      printMutated(io, flags, ctx, hpa, 'created', { typed: true });
      continue;
    }
    if (flags.bool('save-config')) hpa = withLastApplied(hpa, { typed: true });
    // The HPA client is bound to the command's namespace, whatever the target's.
    const created = createObject(ctx, { ...hpaV2Of(hpa), metadata: { ...hpaV2Of(hpa).metadata, namespace: ctx.namespace } }, flags);
    if (!created.ok) {
      errors.push(created.error);
      continue;
    }
    count++;
    printWarnings(io, created.value.warnings);
    printMutated(io, flags, ctx, hpaV1Of(created.value.object), 'autoscaled', { typed: true });
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return count === 0 ? printError(io, 'no objects passed to autoscale') : 0;
}

/** `kubectl autoscale`. */
export const AUTOSCALE_COMMANDS: CommandModule[] = [withRecord({ path: ['autoscale'], spec: autoscaleSpec, run: runAutoscale })];
