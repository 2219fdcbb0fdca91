/**
 * `kubectl patch` (cmd/patch): a strategic, merge or JSON patch from `-p` or
 * `--patch-file`; `patched`, or `patched (no change)` when the object stays the same.
 */
import yaml from 'js-yaml';
import type { PatchType } from '../../../engine/api/client.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { patchSpec } from './specs/verbs.js';
import { printMutated, sortedJson, writeContext } from './shared.js';
import { findTargets, nsOf } from './targets.js';

const TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

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
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  const errors: CommandError[] = [...found.errors];
  for (const t of found.targets) {
    const r = ctx.client.patch(t.type.resource, nsOf(t), t.object.metadata.name!, body, type, { dryRun: ctx.dryRun !== 'none' });
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    const same = sortedJson({ ...r.value.object, metadata: { ...r.value.object.metadata, resourceVersion: '' } }) === sortedJson({ ...t.object, metadata: { ...t.object.metadata, resourceVersion: '' } });
    printMutated(io, flags, ctx, r.value.object, same ? 'patched (no change)' : 'patched');
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** `kubectl patch`. */
export const PATCH_COMMANDS: CommandModule[] = [{ path: ['patch'], spec: patchSpec, run: runPatch }];
