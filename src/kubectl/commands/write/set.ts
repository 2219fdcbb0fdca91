/**
 * `kubectl set image` (cmd/set) and what the set verbs share: change the pod template of
 * workloads (or a pod's spec) and send the difference as a strategic merge patch.
 */
import { qualifiedResource } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { splitPairs } from './metadata.js';
import { changeCause, recorded, withRecord } from './record.js';
import { setImageSpec } from './specs/set.js';
import { printMutated, writeContext, type WriteContext } from './shared.js';
import { findTargets, nsOf, type Target } from './targets.js';

interface Container {
  name: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
}

/** The pod spec inside an object (polymorphichelpers.updatePodSpecForObject), or undefined. */
export function podSpecOf(obj: KubeObject): { containers?: Container[]; initContainers?: Container[] } | undefined {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return obj.spec?.template?.spec;
    default:
      return undefined;
  }
}

/** info.ObjectName(): `rolebindings.rbac.authorization.k8s.io/x` (set subject's "was not changed"). */
export const objectName = (t: Target): string => `${qualifiedResource(t.type)}/${t.object.metadata.name}`;

/**
 * How the set verbs name a target in errors: `error: %s/%s` of info.Mapping.Resource (a
 * GroupVersionResource, printed `apps/v1, Resource=deployments`) and the name.
 */
export const mappingName = (t: Target): string => `${t.type.group}/${t.type.version}, Resource=${t.type.resource}/${t.object.metadata.name}`;

/**
 * Shared loop of the set verbs: transform a copy of each target (an error text skips it),
 * send it, print `operation`. Targets without a pod template fail unless `anyKind`;
 * `errorName` names a target in transform errors (set env uses info.ObjectName()).
 */
export function patchTargets(
  flags: ParsedFlags,
  env: KubectlEnv,
  io: Output,
  resources: readonly string[],
  operation: string,
  transform: (copy: KubeObject, t: Target) => string | undefined,
  opts: { anyKind?: boolean; unchanged?: (t: Target) => CommandError; errorName?: (t: Target) => string; recordPath?: readonly string[] } = {},
): number {
  const cause = opts.recordPath ? changeCause(opts.recordPath, flags) : undefined;
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const found = findTargets(resources, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  const errors: CommandError[] = [...found.errors];
  for (const t of found.targets) {
    const copy = structuredClone(t.object) as KubeObject;
    if (!opts.anyKind && !podSpecOf(copy)) {
      errors.push(`error: ${mappingName(t)} ${t.object.kind} does not have a pod template`);
      continue;
    }
    const err = transform(copy, t);
    if (err) {
      errors.push(`error: ${(opts.errorName ?? mappingName)(t)} ${err}`);
      continue;
    }
    // The recorder writes the change-cause into the same patch (for rollout history).
    if (cause !== undefined) copy.metadata = recorded(copy, cause).metadata;
    if (JSON.stringify(copy) === JSON.stringify(t.object)) {
      // No changes: most set verbs print nothing; set subject reports it.
      if (opts.unchanged) errors.push(opts.unchanged(t));
      continue;
    }
    let result = copy;
    if (ctx.dryRun !== 'client') {
      const r = ctx.client.update(t.type.resource, nsOf(t), copy, { dryRun: ctx.dryRun === 'server' });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      result = r.value.object;
    }
    printMutated(io, flags, ctx, result, operation);
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

function runSetImage(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const split = splitPairs(flags.args, 'image');
  if ('error' in split) return printError(io, split.error);
  const images: [string, string][] = [];
  for (const p of split.pairs) {
    const eq = p.indexOf('=');
    if (eq < 0) return printError(io, `invalid image update spec: ${p}`);
    images.push([p.slice(0, eq), p.slice(eq + 1)]);
  }
  if (images.length === 0) return printError(io, 'at least one image update is required');
  return patchTargets(flags, env, io, split.resources, 'image updated', (copy) => {
    const spec = podSpecOf(copy)!;
    for (const [name, image] of images) {
      let found = false;
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        if (c.name === name || name === '*') {
          c.image = image;
          found = true;
        }
      }
      if (!found) return `unable to find container named "${name}"`;
    }
    return undefined;
  }, { recordPath: ['set', 'image'] });
}

/** `kubectl set image` (`set env` is in set-env.ts). */
export const SET_COMMANDS: CommandModule[] = [withRecord({ path: ['set', 'image'], spec: setImageSpec, run: runSetImage })];
