/**
 * The editing loop of kubectl's cmd/util/editor/editoptions.go, shared by `kubectl edit`
 * and `kubectl apply edit-last-applied`: the objects under the mode's header (none for
 * JSON) in the tutor's editor (KubectlEnv.editor), cancel checks, parsing, the namespace
 * check, then the mode's patch step; invalid edits reopen the file with the failures.
 */
import yaml from 'js-yaml';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError, readManifests, type CommandError } from '../../common.js';
import { withStdin } from '../../env.js';
import { toJson } from '../../printers/json.js';
import { listOf, toYaml } from '../../printers/yaml.js';
import type { KubectlEnv, Output } from '../../types.js';
import { tempSuffix, type WriteContext } from './shared.js';
import type { ResourceType } from '../../../engine/api/discovery.js';

/** The header of the file kubectl opens (editHeader.writeTo, normal mode). */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** editHeader.writeTo in ApplyEditMode (`kubectl apply edit-last-applied`). */
export const APPLY_EDIT_HEADER = "# Please edit the 'last-applied-configuration' annotations below.\n# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.\n#\n";

/** Why the file is reopened: a head line and its causes. */
export interface Reason {
  readonly head: string;
  readonly other: readonly string[];
}

/** What one round of patches produced (editResults). */
export interface Round {
  reasons: Reason[];
  retryable: number;
  notfound: number;
  invalid: number;
}

/** One object parsed from the saved file. */
export interface EditedObject {
  readonly object: KubeObject;
  readonly type: ResourceType;
}

/** What a mode brings to the loop. */
export interface EditMode {
  /** The header above the objects (YAML only). */
  readonly header: string;
  /** The objects as the editor shows them (managedFields already removed). */
  readonly objects: readonly KubeObject[];
  /** The patch step for one round; an error returned ends the edit with the file kept. */
  patch(edited: readonly EditedObject[], round: Round): CommandError | undefined;
}

/** A learner who keeps saving different broken files is still editing; stop somewhere. */
const MAX_ROUNDS = 50;

/** hashOnLineBreak: continuation lines of a reason stay comments. */
const hashLines = (s: string): string => s.replace(/\n(?!#)/g, '\n# ');

function headerText(header: string, reasons: readonly Reason[]): string {
  let s = header;
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
export function stripComments(text: string): string {
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

/** preservedFile: tell where the changes are, then fail with the error. */
export function preserved(io: Output, file: string, error: CommandError): number {
  if (file) io.err(`A copy of your changes has been stored to "${file}"\n`);
  return printError(io, error);
}

/**
 * The editor's format from `-o` (editPrinterOptions: json or yaml only), or kubectl's
 * error for another printer; the `edited` line then prints with the same `-o`.
 */
export function editorFormat(flags: ParsedFlags): { ok: true; json: boolean } | { ok: false; error: string } {
  const output = flags.values.has('output') ? flags.string('output') : '';
  if (output === '' || output === 'yaml') return { ok: true, json: false };
  if (output === 'json') return { ok: true, json: true };
  return { ok: false, error: `unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml` };
}

/** EditOptions.Run's editFn: loops until the edit is applied, cancelled or abandoned. */
export function runEditLoop(io: Output, flags: ParsedFlags, env: KubectlEnv, ctx: WriteContext, mode: EditMode): number {
  const format = editorFormat(flags);
  if (!format.ok) return printError(io, format.error);
  const json = format.json;
  const crlf = flags.values.has('windows-line-endings') && flags.bool('windows-line-endings');
  const editor = env.editor;
  if (!editor) return printError(io, "edit is only available in the tutor's terminal");
  const header = json ? '' : mode.header;
  const originalText = serialize(mode.objects, json);

  let reasons: Reason[] = [];
  let containsError = false;
  let edited = '';
  let file = '';
  for (let attempt = 0; attempt < MAX_ROUNDS; attempt++) {
    let buffer = (json ? '' : headerText(header, reasons)) + (containsError ? manualStrip(edited) : originalText);
    if (crlf) buffer = buffer.replace(/\r?\n/g, '\r\n');
    const previous = edited;
    file = `/tmp/kubectl-edit-${tempSuffix(env.now(), `edit-${attempt}`)}.${json ? 'json' : 'yaml'}`;
    // A cancelled editor leaves the file as it was written.
    edited = editor(buffer, file) ?? buffer;
    if (containsError && stripComments(previous) === stripComments(edited)) return preserved(io, file, 'Edit cancelled, no valid changes were saved.');
    if (stripComments(header + originalText) === stripComments(edited)) {
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
    const objects: EditedObject[] = [];
    for (const item of read.items) {
      if (!item.ok) continue;
      let obj = item.object;
      const ns = obj.metadata.namespace;
      // resource.RequireNamespace: an object without a namespace takes the command's.
      if (item.type.namespaced && ns && ns !== ctx.namespace) {
        return preserved(io, file, `the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`);
      }
      if (item.type.namespaced && !ns) obj = { ...obj, metadata: { ...obj.metadata, namespace: ctx.namespace } };
      objects.push({ object: obj, type: item.type });
    }
    const round: Round = { reasons, retryable: 0, notfound: 0, invalid: 0 };
    const fatal = mode.patch(objects, round);
    if (fatal) return preserved(io, file, fatal);
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
