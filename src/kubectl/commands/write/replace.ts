/**
 * `kubectl replace -f` (cmd/replace/replace.go): PUT each object as the file gives it
 * (`replaced`), or with `--force` delete them all, wait on virtual time until they are
 * gone, and create them again.
 */
import type { ResourceType } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, namespaceForObject, parseValidate, printError, readManifests, withSource, type CommandError } from '../../common.js';
import { kindQualifier } from '../../printers/name.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { waitForDeletion } from './delete.js';
import { replaceSpec } from './specs/verbs.js';
import { fieldValidation, LAST_APPLIED, printMutated, printWarnings, withLastApplied, writeContext, type WriteContext } from './shared.js';

/** replace --force waits this long for the old objects when --timeout is 0. */
const FORCE_WAIT_MS = 5 * 60 * 1000;

const CASCADE: Record<string, 'Background' | 'Foreground' | 'Orphan'> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan', true: 'Background', false: 'Orphan' };

interface Item {
  readonly type: ResourceType;
  readonly object: KubeObject;
  readonly source: string;
}

/** CreateOrUpdateAnnotation: `--save-config`, or refresh an annotation the file already carries. */
function annotate(obj: KubeObject, saveConfig: boolean): KubeObject {
  return saveConfig || obj.metadata.annotations?.[LAST_APPLIED] !== undefined ? withLastApplied(obj) : obj;
}

/** The objects of the files, in the invocation's namespace; errors collected per object. */
function readItems(flags: ParsedFlags, env: KubectlEnv, ctx: WriteContext, errors: CommandError[]): { items: Item[]; fatal?: string } {
  const validate = parseValidate(flags.string('validate'));
  if (!validate.ok) return { items: [], fatal: validate.error };
  const read = readManifests(env, { filenames: flags.list('filename'), recursive: flags.bool('recursive'), validate: validate.value });
  const items: Item[] = [];
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
    const object = ns.namespace ? { ...item.object, metadata: { ...item.object.metadata, namespace: ns.namespace } } : item.object;
    items.push({ type: item.type, object, source: item.source });
  }
  return { items, fatal: read.fatal };
}

function runReplace(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const force = flags.bool('force');
  if (flags.int('grace-period') >= 0 && !force) return printError(io, '--grace-period must have --force specified');
  if (flags.duration('timeout') !== 0 && !force) return printError(io, '--timeout must have --force specified');
  if (flags.list('filename').length === 0) {
    if (flags.string('kustomize')) return printError(io, 'kustomize is not available in kubetutor');
    return printError(io, 'must specify one of -f and -k');
  }
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const errors: CommandError[] = [];
  const { items, fatal } = readItems(flags, env, ctx, errors);
  if (fatal) return printError(io, fatal);
  const saveConfig = flags.bool('save-config');
  const opts = { dryRun: ctx.dryRun === 'server', fieldValidation: fieldValidation(flags) };
  if (force) return forceReplace(flags, env, io, ctx, items, errors);
  for (const item of items) {
    const obj = annotate(item.object, saveConfig);
    if (ctx.dryRun === 'client') {
      printMutated(io, flags, ctx, obj, 'replaced');
      continue;
    }
    // Replace(overwrite=true): without a resourceVersion in the file, the live one is used.
    let toSend = obj;
    if (!obj.metadata.resourceVersion) {
      const live = ctx.client.get(item.type.resource, obj.metadata.namespace, obj.metadata.name ?? '');
      if (!live.ok) {
        errors.push(withSource(live.error, 'replacing', item.source));
        continue;
      }
      toSend = { ...obj, metadata: { ...obj.metadata, resourceVersion: live.value.metadata.resourceVersion } };
    }
    const r = ctx.client.update(item.type.resource, obj.metadata.namespace, toSend, opts);
    if (!r.ok) {
      errors.push(withSource(r.error, 'replacing', item.source));
      continue;
    }
    printWarnings(io, r.value.warnings);
    printMutated(io, flags, ctx, r.value.object, 'replaced');
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** forceReplace: delete (missing objects are fine), wait until gone, create. */
function forceReplace(flags: ParsedFlags, env: KubectlEnv, io: Output, ctx: WriteContext, items: readonly Item[], errors: CommandError[]): number {
  const cascade = CASCADE[flags.string('cascade')];
  if (!cascade) return printError(io, `invalid cascade value (${flags.string('cascade')}). Must be "background", "foreground", or "orphan".`);
  // --grace-period=0 becomes 1 with a wait, to avoid accidental data loss.
  let grace = flags.int('grace-period');
  if (grace === 0) grace = 1;
  const deleted = [];
  for (const item of items) {
    const name = item.object.metadata.name ?? '';
    const ns = item.type.namespaced ? item.object.metadata.namespace : undefined;
    const live = ctx.client.get(item.type.resource, ns, name);
    if (!live.ok) {
      if (live.error.reason !== 'NotFound') errors.push(live.error);
      continue;
    }
    const r = ctx.client.delete(item.type.resource, ns, name, { propagationPolicy: cascade, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) });
    if (!r.ok) {
      if (r.error.reason !== 'NotFound') errors.push(r.error);
      continue;
    }
    io.out(`${kindQualifier(live.value)} "${name}" deleted\n`);
    deleted.push({ type: item.type, object: live.value });
  }
  if (errors.length > 0) return printError(io, errors);
  waitForDeletion(env, ctx.client, deleted, flags.duration('timeout') || FORCE_WAIT_MS);
  const saveConfig = flags.bool('save-config');
  let count = 0;
  for (const item of items) {
    const obj = annotate(item.object, saveConfig);
    const { resourceVersion: _rv, ...metadata } = obj.metadata;
    const r = ctx.client.create(item.type.resource, item.type.namespaced ? obj.metadata.namespace : undefined, { ...obj, metadata }, { fieldValidation: fieldValidation(flags) });
    if (!r.ok) return printError(io, r.error);
    printWarnings(io, r.value.warnings);
    printMutated(io, flags, ctx, r.value.object, 'replaced');
    count++;
  }
  return count === 0 ? printError(io, 'no objects passed to replace') : 0;
}

/** `kubectl replace`. */
export const REPLACE_COMMANDS: CommandModule[] = [{ path: ['replace'], spec: replaceSpec, run: runReplace }];
