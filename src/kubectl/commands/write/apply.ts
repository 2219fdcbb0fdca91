/**
 * `kubectl apply -f`: create what is missing (storing the last-applied configuration),
 * otherwise the three-way strategic merge patch of apply.go/patcher.go: `configured` or
 * `unchanged`. `--server-side` is a simple merge reported as `serverside-applied`.
 */
import { apiVersionOf, type ResourceType } from '../../../engine/api/discovery.js';
import { threeWayMerge } from '../../../engine/api/patch.js';
import type { KubeObject, StatusError } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, namespaceForObject, parseValidate, printError, readManifests, withSource, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { LAST_APPLIED_COMMANDS } from './last-applied.js';
import { changeCause, recorded, withRecord } from './record.js';
import { applySpec } from './specs/apply.js';
import { fieldValidation, lastAppliedOf, LAST_APPLIED, printMutated, printWarnings, withLastApplied, writeContext, type WriteContext } from './shared.js';

const missingAnnotationWarning = (t: ResourceType, name: string): string =>
  `Warning: resource ${t.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

/** patcher.go's context for a failed patch: the patch, the target, the file. */
function patchError(e: StatusError, patch: unknown, t: ResourceType, obj: KubeObject, source: string): CommandError {
  if (e.reason === 'Invalid') return e;
  const target = `Resource: "${apiVersionOf(t)}, Resource=${t.resource}", GroupVersionKind: "${apiVersionOf(t)}, Kind=${t.kind}"\nName: "${obj.metadata.name}", Namespace: "${obj.metadata.namespace ?? ''}"`;
  return { ...e, message: `error when applying patch:\n${JSON.stringify(patch)}\nto:\n${target}\nfor: "${source}": error when patching "${source}": ${e.message}` };
}

/** Applies one object; returns the error to collect, if any. */
function applyOne(io: Output, flags: ParsedFlags, ctx: WriteContext, obj: KubeObject, t: ResourceType, source: string): CommandError | undefined {
  const name = obj.metadata.name ?? '';
  const ns = obj.metadata.namespace;
  const serverSide = flags.bool('server-side');
  const modified = serverSide ? obj : withLastApplied(obj);
  const live = ctx.client.get(t.resource, ns, name);
  const opts = { dryRun: ctx.dryRun === 'server', fieldValidation: fieldValidation(flags) };
  if (!live.ok) {
    if (live.error.reason !== 'NotFound') return withSource(live.error, 'retrieving current configuration of', source);
    if (ctx.dryRun === 'client') {
      printMutated(io, flags, ctx, modified, serverSide ? 'serverside-applied' : 'created');
      return undefined;
    }
    const created = ctx.client.create(t.resource, ns, modified, opts);
    if (!created.ok) return withSource(created.error, 'creating', source);
    printWarnings(io, created.value.warnings);
    printMutated(io, flags, ctx, created.value.object, serverSide ? 'serverside-applied' : 'created');
    return undefined;
  }
  if (serverSide) {
    const patched = ctx.client.patch(t.resource, ns, name, obj, 'strategic', opts);
    if (!patched.ok) return withSource(patched.error, 'patching', source);
    printMutated(io, flags, ctx, patched.value.object, 'serverside-applied');
    return undefined;
  }
  const original = lastAppliedOf(live.value);
  if (!live.value.metadata.annotations?.[LAST_APPLIED]) io.err(missingAnnotationWarning(t, name));
  const patch = threeWayMerge(original, modified, live.value);
  if (Object.keys(patch).length === 0) {
    printMutated(io, flags, ctx, live.value, 'unchanged');
    return undefined;
  }
  if (ctx.dryRun === 'client') {
    printMutated(io, flags, ctx, live.value, 'configured');
    return undefined;
  }
  const patched = ctx.client.patch(t.resource, ns, name, patch, 'strategic', opts);
  if (!patched.ok) return patchError(patched.error, patch, t, modified, source);
  printWarnings(io, patched.value.warnings);
  printMutated(io, flags, ctx, patched.value.object, 'configured');
  return undefined;
}

/** Runs `kubectl apply -f ...`. */
function runApply(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const filenames = flags.list('filename');
  if (filenames.length === 0) {
    if (flags.string('kustomize')) return printError(io, 'kustomize is not available in kubetutor');
    return printError(io, 'must specify one of -f and -k');
  }
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const cause = changeCause(['apply'], flags, applySpec.flags);
  const validate = parseValidate(flags.string('validate'));
  if (!validate.ok) return printError(io, validate.error);
  // apply reads every object before acting, so a bad file stops everything.
  const read = readManifests(env, { filenames, recursive: flags.bool('recursive'), validate: validate.value });
  if (read.fatal) return printError(io, read.fatal);
  const errors: CommandError[] = [];
  for (const item of read.items) {
    if (!item.ok) {
      errors.push(item.error);
      continue;
    }
    const ns = namespaceForObject(item.object, item.type, ctx.namespace, ctx.explicitNamespace);
    if (!ns.ok) {
      errors.push(ns.error);
      continue;
    }
    // The recorder annotates the object before its configuration is taken.
    const obj: KubeObject = recorded(ns.namespace ? { ...item.object, metadata: { ...item.object.metadata, namespace: ns.namespace } } : item.object, cause);
    const err = applyOne(io, flags, ctx, obj, item.type, item.source);
    if (err) errors.push(err);
  }
  if (read.items.length === 0) return printError(io, 'no objects passed to apply');
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** `kubectl apply`; its last-applied subcommands are in last-applied.ts. */
export const APPLY_COMMANDS: CommandModule[] = [withRecord({ path: ['apply'], spec: applySpec, run: runApply }), ...LAST_APPLIED_COMMANDS];
