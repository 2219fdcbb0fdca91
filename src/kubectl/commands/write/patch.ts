/**
 * `kubectl patch` (cmd/patch): a strategic, merge or JSON patch from `-p` or
 * `--patch-file`; `patched`, or `patched (no change)` when the object stays the same.
 */
import yaml from 'js-yaml';
import type { PatchType } from '../../../engine/api/client.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { CHANGE_CAUSE, changeCause, withRecord } from './record.js';
import { patchSpec } from './specs/verbs.js';
import { printMutated, sortedJson, writeContext } from './shared.js';
import { findTargets, nsOf } from './targets.js';

const TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

/** The JSON type a non-object patch body has, as encoding/json names it. */
function goTypeOf(body: unknown): string | undefined {
  if (typeof body === 'string') return 'string';
  if (typeof body === 'number') return 'number';
  if (typeof body === 'boolean') return 'bool';
  if (Array.isArray(body)) return 'array';
  return undefined;
}

function runPatch(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const type = (flags.string('type') || 'strategic') as PatchType;
  if (!TYPES.includes(type)) return printError(io, `--type must be one of [json merge strategic], not "${flags.string('type')}"`);
  let text = flags.string('patch');
  const file = flags.string('patch-file');
  if (text && file) return printError(io, 'cannot specify --patch and --patch-file together');
  if (file) {
    const content = env.readFile(file);
    if (content === undefined) return printError(io, `unable to read patch file: open ${file}: no such file or directory`);
    text = content;
  }
  if (!text) return printError(io, 'must specify --patch or --patch-file containing the contents of the patch');
  let body: unknown;
  try {
    // kubectl converts YAML to JSON first, so both are accepted.
    body = yaml.load(text, { json: true });
  } catch (e) {
    return printError(io, `unable to parse "${text}": yaml: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const cause = changeCause(['patch'], flags, patchSpec.flags);
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  const errors: CommandError[] = [...found.errors];
  for (const t of found.targets) {
    const name = t.object.metadata.name!;
    const notAMap = type !== 'json' ? goTypeOf(body) : undefined;
    if (notAMap) {
      // The API server decodes a merge or strategic patch into a map first.
      errors.push({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400, message: `json: cannot unmarshal ${notAMap} into Go value of type map[string]interface {}` });
      continue;
    }
    const r = ctx.client.patch(t.type.resource, nsOf(t), name, body, type, { dryRun: ctx.dryRun !== 'none' });
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    const same = sortedJson({ ...r.value.object, metadata: { ...r.value.object.metadata, resourceVersion: '' } }) === sortedJson({ ...t.object, metadata: { ...t.object.metadata, resourceVersion: '' } });
    let shown = r.value.object;
    // MakeRecordMergePatch: a second merge patch stores the change-cause; its answer is printed.
    if (cause !== undefined && ctx.dryRun === 'none') {
      const recorded = ctx.client.patch(t.type.resource, nsOf(t), name, { metadata: { annotations: { [CHANGE_CAUSE]: cause } } }, 'merge');
      if (recorded.ok) shown = recorded.value.object;
    }
    printMutated(io, flags, ctx, shown, same ? 'patched (no change)' : 'patched');
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** `kubectl patch`. */
export const PATCH_COMMANDS: CommandModule[] = [withRecord({ path: ['patch'], spec: patchSpec, run: runPatch })];
