/**
 * `kubectl edit` (cmd/util/editor/editoptions.go, NormalEditMode): the live objects in the
 * tutor's editor (edit-session.ts); each edit is sent as a strategic merge patch from
 * original to edited. Invalid edits reopen the editor with the failures in the header.
 */
import { qualifiedResource } from '../../../engine/api/discovery.js';
import { threeWayMerge } from '../../../engine/api/patch.js';
import type { KubeObject, StatusError } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError, type CommandError } from '../../common.js';
import { forOutput } from '../../printers/yaml.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { changeCause, recorded, withRecord } from './record.js';
import { editSpec } from './specs/verbs.js';
import { EDIT_HEADER, runEditLoop, type EditedObject, type Round } from './edit-session.js';
import { fieldValidation, printMutated, sortedJson, withLastApplied, writeContext, type WriteContext } from './shared.js';
import { findTargets, nsOf, type Target } from './targets.js';

export { EDIT_HEADER } from './edit-session.js';

/** Where kubectl reports a failure: `deployments.apps "web"`. */
const resourceName = (t: Target): string => `${qualifiedResource(t.type)} "${t.object.metadata.name}"`;

/** editResults.addError: the stderr line, counting the error's kind. */
function addError(round: Round, e: StatusError, t: Target): string {
  if (e.reason === 'Invalid') {
    round.invalid++;
    round.reasons.push({ head: `${resourceName(t)} was not valid`, other: (e.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`) });
    return `error: ${resourceName(t)} is invalid\n`;
  }
  if (e.reason === 'NotFound') {
    round.notfound++;
    return `error: ${resourceName(t)} could not be found on the server\n`;
  }
  round.retryable++;
  return `error: ${resourceName(t)} could not be patched: ${e.message}\n`;
}

/** visitToPatch for one edited object; returns an error that ends the edit, if any. */
function patchOne(io: Output, flags: ParsedFlags, ctx: WriteContext, edited: KubeObject, originals: readonly Target[], round: Round): CommandError | undefined {
  const original = originals.find((t) => t.object.metadata.uid === edited.metadata.uid);
  if (!original) return `no original object found for ${edited.kind}/${edited.metadata.name ?? ''}`;
  const before = forOutput(original.object);
  if (sortedJson(before) === sortedJson(edited)) {
    printMutated(io, flags, ctx, edited, 'skipped');
    return undefined;
  }
  if (edited.apiVersion !== before.apiVersion || edited.kind !== before.kind || edited.metadata.name !== before.metadata.name) {
    return 'At least one of apiVersion, kind and name was changed';
  }
  const patch = threeWayMerge(before, edited, before);
  if (flags.bool('output-patch')) io.out(`Patch: ${sortedJson(patch)}\n`);
  const r = ctx.client.patch(original.type.resource, nsOf(original), edited.metadata.name!, patch, 'strategic', { fieldValidation: fieldValidation(flags) });
  if (!r.ok) {
    io.err(addError(round, r.error, original));
    return undefined;
  }
  printMutated(io, flags, ctx, r.value.object, 'edited');
  return undefined;
}

/** The WriteContext of an editing verb: `-o` picks the editor's format and prints the result as json or yaml. */
export function editContext(flags: ParsedFlags, env: KubectlEnv, io: Output): WriteContext | undefined {
  const ctx = writeContext({ ...flags, values: new Map([...flags.values].filter(([k]) => k !== 'output')) } as ParsedFlags, env, io);
  if (!ctx) return undefined;
  const output = flags.values.has('output') ? flags.string('output') : '';
  return output === 'json' || output === 'yaml' ? { ...ctx, format: { kind: output } } : ctx;
}

function runEdit(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const ctx = editContext(flags, env, io);
  if (!ctx) return 1;
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  if (found.errors.length > 0) return printError(io, found.errors);
  if (found.targets.length === 0) return printError(io, 'edit cancelled, no objects found');
  const originals = found.targets;
  const saveConfig = flags.bool('save-config');
  const cause = changeCause(['edit'], flags, editSpec.flags);
  return runEditLoop(io, flags, env, ctx, {
    header: EDIT_HEADER,
    objects: originals.map((t) => forOutput(t.object)),
    patch: (edited: readonly EditedObject[], round: Round) => {
      for (const { object } of edited) {
        // visitAnnotation: the last-applied annotation, then the recorder's change-cause.
        const fatal = patchOne(io, flags, ctx, recorded(saveConfig ? withLastApplied(object) : object, cause), originals, round);
        if (fatal) return fatal;
      }
      return undefined;
    },
  });
}

/** `kubectl edit`. */
export const EDIT_COMMANDS: CommandModule[] = [withRecord({ path: ['edit'], spec: editSpec, run: runEdit })];
