/**
 * `kubectl scale` (cmd/scale): the scale subresource of deployments, replicasets,
 * statefulsets and replicationcontrollers, with `--current-replicas` as a precondition.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { CHANGE_CAUSE, changeCause, withRecord } from './record.js';
import { scaleSpec } from './specs/verbs.js';
import { printMutated, requiredFlags, writeContext } from './shared.js';
import { findTargets, nsOf } from './targets.js';
import { waitFor } from '../ops/support.js';

function runScale(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (!flags.changed.has('replicas')) return requiredFlags(io, ['replicas']);
  const replicas = flags.int('replicas');
  if (replicas < 0) return printError(io, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const current = flags.int('current-replicas');
  if (current < -1) return printError(io, 'The --current-replicas must specify an integer of -1 or greater');
  const cause = changeCause(['scale'], flags, scaleSpec.flags);
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  // RunScale reads every object first; their errors are returned after the others scale.
  const infoErrors: CommandError[] = [...found.errors];
  const resourceVersion = flags.values.has('resource-version') ? flags.string('resource-version') : '';
  if (resourceVersion && found.targets.length > 1) return printError(io, 'cannot use --resource-version with multiple resources');
  if (found.targets.length === 0) return infoErrors.length > 0 ? (io.err(errorsText(infoErrors)), 1) : printError(io, 'no objects passed to scale');
  // ScaleSimple: with a precondition kubectl GETs the Scale, checks it and PUTs it back;
  // without one it sends a merge patch of spec.replicas to the scale subresource.
  const precondition = current !== -1 || resourceVersion !== '';
  for (const t of found.targets) {
    // kubectl 1.30 prints the object as it read it, before the scale (and in client dry run).
    if (ctx.dryRun === 'client') {
      printMutated(io, flags, ctx, t.object, 'scaled');
      continue;
    }
    const name = t.object.metadata.name!;
    if (!t.type.subresources.includes('scale')) {
      return printError(io, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
    }
    if (precondition) {
      const s = ctx.client.getScale(t.type.resource, nsOf(t)!, name);
      if (!s.ok) return printError(io, s.error);
      const failed = preconditionError(s.value, current, resourceVersion);
      if (failed) return printError(io, failed);
    }
    const opts = { dryRun: ctx.dryRun === 'server' };
    const r = precondition
      ? ctx.client.updateScale(t.type.resource, nsOf(t)!, name, replicas, opts)
      : ctx.client.patchScale(t.type.resource, nsOf(t)!, name, { spec: { replicas } }, 'merge', opts);
    if (!r.ok) return printError(io, r.error);
    // --timeout: WaitForScaleHasDesiredReplicas polls the Scale every second.
    const timeout = flags.duration('timeout');
    if (timeout > 0 && ctx.dryRun === 'none') {
      const synced = () => {
        const s = ctx.client.getScale(t.type.resource, nsOf(t)!, name);
        if (!s.ok) return true;
        const spec = s.value.spec?.replicas ?? 0;
        return spec !== replicas || (spec === (s.value.status?.replicas ?? 0) && replicas === s.value.status?.replicas);
      };
      if (!waitFor(env, timeout, synced)) return printError(io, `timed out waiting for "${name}" to be synced`);
    }
    // MakeRecordMergePatch: a second patch stores the change-cause (errors only logged).
    if (cause !== undefined) ctx.client.patch(t.type.resource, nsOf(t), name, { metadata: { annotations: { [CHANGE_CAUSE]: cause } } }, 'merge');
    printMutated(io, flags, ctx, t.object, 'scaled');
  }
  if (infoErrors.length > 0) {
    io.err(errorsText(infoErrors));
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
export const SCALE_COMMANDS: CommandModule[] = [withRecord({ path: ['scale'], spec: scaleSpec, run: runScale })];
