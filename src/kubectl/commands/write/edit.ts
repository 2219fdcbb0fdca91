/**
 * `kubectl edit` (cmd/util/editor/editoptions.go): the objects as YAML (or JSON) under
 * kubectl's header, opened in the tutor's editor (KubectlEnv.editor); the edit is sent as
 * a strategic merge patch from original to edited. Invalid edits reopen the editor with
 * the failures in the header, as kubectl does, until the learner fixes or abandons them.
 */
import yaml from 'js-yaml';
import { qualifiedResource } from '../../../engine/api/discovery.js';
import { threeWayMerge } from '../../../engine/api/patch.js';
import type { KubeObject, StatusError } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError, readManifests } from '../../common.js';
import { withStdin } from '../../env.js';
import { toJson } from '../../printers/json.js';
import { forOutput, listOf, toYaml } from '../../printers/yaml.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { editSpec } from './specs/verbs.js';
import { fieldValidation, printMutated, sortedJson, tempSuffix, withLastApplied, writeContext, type WriteContext } from './shared.js';
import { findTargets, nsOf, type Target } from './targets.js';

/** The header of the file kubectl opens (editHeader.writeTo, normal mode). */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** Why the file is reopened: a head line and its causes. */
interface Reason {
  readonly head: string;
  readonly other: readonly string[];
}

/** A learner who keeps saving different broken files is still editing; stop somewhere. */
const MAX_ROUNDS = 50;

/** hashOnLineBreak: continuation lines of a reason stay comments. */
const hashLines = (s: string): string => s.replace(/\n(?!#)/g, '\n# ');

function headerText(reasons: readonly Reason[]): string {
  let s = EDIT_HEADER;
  for (const r of reasons) {
    s += r.other.length > 0 ? `# ${hashLines(r.head)}:\n` : `# ${hashLines(r.head)}\n`;
    for (const o of r.other) s += `# * ${hashLines(o)}\n`;
    s += '#\n';
  }
  return s;
}

/** cmdutil.ManualStrip: drop comment lines (not `#!`). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** cmdutil.StripComments: the text as JSON when it parses, else without comment lines. */
function stripComments(text: string): string {
  try {
    return JSON.stringify(yaml.load(text, { json: true }) ?? null);
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: whether any line is neither blank nor a comment. */
const hasLines = (text: string): boolean => text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));

function serialize(objects: readonly KubeObject[], json: boolean): string {
  const value = objects.length === 1 ? objects[0]! : { ...listOf(objects), metadata: {} };
  return json ? toJson(value) : toYaml(value);
}

/** Where kubectl reports a failure: `deployments.apps "web"`. */
const resourceName = (t: Target): string => `${qualifiedResource(t.type)} "${t.object.metadata.name}"`;

/** What one round of patches produced (editResults). */
interface Round {
  reasons: Reason[];
  retryable: number;
  notfound: number;
  invalid: number;
}

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

/** preservedFile: tell where the changes are, then fail with the error. */
function preserved(io: Output, file: string, error: string): number {
  io.err(`A copy of your changes has been stored to "${file}"\n`);
  return printError(io, error);
}

/** visitToPatch for one edited object; returns an error that ends the edit, if any. */
function patchOne(io: Output, flags: ParsedFlags, ctx: WriteContext, edited: KubeObject, originals: readonly Target[], round: Round): string | undefined {
  const original = originals.find((t) => t.object.metadata.uid === edited.metadata.uid);
  if (!original) return `no original object found for ${edited.kind}/${edited.metadata.name ?? ''}`;
  const before = forOutput(original.object);
  if (sortedJson(before) === sortedJson(edited)) {
    printMutated(io, flags, ctx, original.object, 'skipped');
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

function runEdit(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const editor = env.editor;
  if (!editor) return printError(io, "edit is only available in the tutor's terminal");
  const output = flags.string('output');
  const json = output === 'json';
  const ctx = writeContext({ ...flags, values: new Map([...flags.values].filter(([k]) => k !== 'output')) } as ParsedFlags, env, io);
  if (!ctx) return 1;
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  if (found.errors.length > 0) return printError(io, found.errors);
  if (found.targets.length === 0) return printError(io, 'edit cancelled, no objects found');
  const originals = found.targets;
  const originalText = serialize(
    originals.map((t) => forOutput(t.object)),
    json,
  );

  let reasons: Reason[] = [];
  let containsError = false;
  let edited = '';
  let file = '';
  for (let attempt = 0; attempt < MAX_ROUNDS; attempt++) {
    const buffer = headerText(reasons) + (containsError ? manualStrip(edited) : originalText);
    const previous = edited;
    file = `/tmp/kubectl-edit-${tempSuffix(env.now(), `edit-${attempt}`)}.${json ? 'json' : 'yaml'}`;
    // A cancelled editor leaves the file as it was written.
    edited = editor(buffer, file) ?? buffer;
    if (containsError && stripComments(previous) === stripComments(edited)) return preserved(io, file, 'Edit cancelled, no valid changes were saved.');
    if (stripComments(EDIT_HEADER + originalText) === stripComments(edited)) {
      io.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      io.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    reasons = [];
    const read = readManifests(withStdin(env, edited), { filenames: ['-'], validate: 'ignore' });
    const bad = read.items.find((i) => !i.ok);
    const parseError = read.fatal ?? (bad && !bad.ok ? bad.error : undefined);
    if (parseError) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${parseError.replace(/^error parsing STDIN: /, '')}`, other: [] });
      continue;
    }
    containsError = false;
    const round: Round = { reasons, retryable: 0, notfound: 0, invalid: 0 };
    for (const item of read.items) {
      if (!item.ok) continue;
      let obj = item.object;
      const ns = obj.metadata.namespace;
      if (item.type.namespaced && ns && ns !== ctx.namespace) {
        return preserved(io, file, `the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`);
      }
      if (flags.bool('save-config')) obj = withLastApplied(obj);
      const fatal = patchOne(io, flags, ctx, obj, originals, round);
      if (fatal) return preserved(io, file, fatal);
    }
    if (round.retryable > 0) {
      io.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (round.notfound > 0) {
      io.err(`The edits you made on deleted resources have been saved to "${file}"\n`);
      return 1;
    }
    if (round.invalid === 0) return 0;
    containsError = true;
  }
  return preserved(io, file, 'Edit cancelled, no valid changes were saved.');
}

/** `kubectl edit`. */
export const EDIT_COMMANDS: CommandModule[] = [{ path: ['edit'], spec: editSpec, run: runEdit }];
