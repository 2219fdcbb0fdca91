/**
 * `kubectl scale` (cmd/scale): the scale subresource of deployments, replicasets,
 * statefulsets and replicationcontrollers, with `--current-replicas` as a precondition.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { scaleSpec } from './specs/verbs.js';
import { printMutated, requiredFlags, writeContext } from './shared.js';
import { findTargets, nsOf } from './targets.js';

function runScale(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (!flags.changed.has('replicas')) return requiredFlags(io, ['replicas']);
  const replicas = flags.int('replicas');
  if (replicas < 0) return printError(io, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  const errors: CommandError[] = [...found.errors];
  if (found.targets.length === 0 && errors.length === 0) return printError(io, 'no objects passed to scale');
  const current = flags.int('current-replicas');
  const resourceVersion = flags.values.has('resource-version') ? flags.string('resource-version') : '';
  // ScaleSimple: with a precondition kubectl GETs the Scale, checks it and PUTs it back;
  // without one it sends a merge patch of spec.replicas to the scale subresource.
  const precondition = current !== -1 || resourceVersion !== '';
  for (const t of found.targets) {
    const name = t.object.metadata.name!;
    if (!t.type.subresources.includes('scale')) {
      errors.push({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
      continue;
    }
    let seen: KubeObject = t.object;
    if (precondition && ctx.dryRun !== 'client') {
      const s = ctx.client.getScale(t.type.resource, nsOf(t)!, name);
      if (!s.ok) {
        errors.push(s.error);
        continue;
      }
      seen = s.value;
    }
    const failed = preconditionError(seen, current, resourceVersion);
    if (failed) {
      errors.push(failed);
      continue;
    }
    let result: KubeObject = { ...t.object, spec: { ...t.object.spec, replicas } };
    if (ctx.dryRun !== 'client') {
      const opts = { dryRun: ctx.dryRun === 'server' };
      const r = precondition
        ? ctx.client.updateScale(t.type.resource, nsOf(t)!, name, replicas, opts)
        : ctx.client.patchScale(t.type.resource, nsOf(t)!, name, { spec: { replicas } }, 'merge', opts);
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      result = r.value.object;
    }
    printMutated(io, flags, ctx, result, 'scaled');
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** ScalePrecondition.validate: `Expected replicas to be 2, was 3`, or undefined when it holds. */
function preconditionError(obj: KubeObject, current: number, resourceVersion: string): string | undefined {
  const actual = obj.spec?.replicas ?? 0;
  if (current !== -1 && actual !== current) return `Expected replicas to be ${current}, was ${actual}`;
  if (resourceVersion && obj.metadata.resourceVersion !== resourceVersion) return `Expected resource version to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`;
  return undefined;
}

/** `kubectl scale`. */
export const SCALE_COMMANDS: CommandModule[] = [{ path: ['scale'], spec: scaleSpec, run: runScale }];
