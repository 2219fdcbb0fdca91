/**
 * The `kubectl apply` subcommands on the last-applied-configuration annotation
 * (cmd/apply/apply_{view,set,edit}_last_applied.go): view it as YAML or JSON, set it from
 * a file without touching the rest of the object, or edit it in the tutor's editor.
 */
import yaml from 'js-yaml';
import { typeForKind } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { namespaceForObject, printError, readManifests, type CommandError } from '../../common.js';
import { toYaml } from '../../printers/yaml.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { editContext } from './edit.js';
import { APPLY_EDIT_HEADER, runEditLoop, type EditedObject } from './edit-session.js';
import { applyEditLastAppliedSpec, applySetLastAppliedSpec, applyViewLastAppliedSpec } from './specs/apply.js';
import { changeCause, recorded, withRecord } from './record.js';
import { encodeJson, LAST_APPLIED, printMutated, sortedJson, usageError, writeContext } from './shared.js';
import { findTargets } from './targets.js';

/** The builder's error when neither arguments nor `-f` name anything. */
const MISSING_RESOURCE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** json.Indent(src, "", "  "): the annotation's own trailing whitespace is kept, as Go keeps it. */
function indentJson(text: string): string {
  const trailing = /\s*$/.exec(text)![0];
  return JSON.stringify(JSON.parse(text), null, 2) + trailing;
}

/**
 * `kubectl apply view-last-applied`: every selected object's annotation, printed only
 * once all were read. An object without one is skipped silently when named on the
 * command line; from a file, AddSourceToErr wraps a nil error into kubectl's odd message.
 */
function runViewLastApplied(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const ctx = writeContext({ ...flags, values: new Map([...flags.values].filter(([k]) => k !== 'output')) } as ParsedFlags, env, io);
  if (!ctx) return 1;
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  if (found.errors.length > 0) return printError(io, found.errors[0]!);
  const configs: string[] = [];
  for (const t of found.targets) {
    const text = t.object.metadata.annotations?.[LAST_APPLIED];
    if (text) configs.push(text);
    else if (t.source) return printError(io, `error when no last-applied-configuration annotation found on resource: ${t.object.metadata.name}\n "${t.source}": <nil>`);
  }
  const output = flags.string('output');
  for (const text of configs) {
    if (output !== 'json' && output !== 'yaml') return usageError(io, 'apply view-last-applied', `Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`);
    try {
      io.out(output === 'json' ? indentJson(text) : toYaml(yaml.load(text, { json: true })));
    } catch (e) {
      return printError(io, output === 'json' ? 'invalid character looking for beginning of value' : String((e as Error).message));
    }
  }
  return 0;
}

/** A file's object, and what set-last-applied will do with it. */
interface Planned {
  readonly object: KubeObject;
  readonly resource: string;
  readonly namespaced: boolean;
  readonly annotation: string;
  readonly live: KubeObject;
}

/**
 * `kubectl apply set-last-applied -f FILE`: Validate reads every file object and its live
 * counterpart first (any error stops before a change), then RunSetLastApplied sends one
 * merge patch per changed annotation — in the command's namespace, as kubectl does.
 */
function runSetLastApplied(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const filenames = flags.values.has('filename') ? flags.list('filename') : [];
  if (filenames.length === 0) return printError(io, MISSING_RESOURCE);
  const create = flags.bool('create-annotation');
  const read = readManifests(env, { filenames, validate: 'ignore' });
  const planned: Planned[] = [];
  for (const item of read.items) {
    if (!item.ok) return printError(io, item.error);
    const ns = namespaceForObject(item.object, item.type, ctx.namespace, ctx.explicitNamespace);
    if (!ns.ok) return printError(io, ns.error);
    const object: KubeObject = ns.namespace ? { ...item.object, metadata: { ...item.object.metadata, namespace: ns.namespace } } : item.object;
    // editor.GetApplyPatch: the file's object, encoded as is, becomes the annotation.
    const annotation = encodeJson(object);
    const name = object.metadata.name ?? '';
    const live = ctx.client.get(item.type.resource, ns.namespace, name);
    if (!live.ok) return printError(io, live.error);
    const original = live.value.metadata.annotations?.[LAST_APPLIED];
    if (original === undefined && !create) {
      return printError(io, `no last-applied-configuration annotation found on resource: ${name}, to create the annotation, run the command with --create-annotation`);
    }
    if (original === annotation) io.out(`set-last-applied ${name}: no changes required.\n`);
    else planned.push({ object, resource: item.type.resource, namespaced: item.type.namespaced, annotation, live: live.value });
  }
  if (read.fatal) return printError(io, read.fatal);
  if (read.items.length === 0) return printError(io, MISSING_RESOURCE);
  for (const p of planned) {
    let shown = p.live;
    if (ctx.dryRun !== 'client') {
      const patch = { metadata: { annotations: { [LAST_APPLIED]: p.annotation } } };
      const r = ctx.client.patch(p.resource, p.namespaced ? ctx.namespace : undefined, p.object.metadata.name ?? '', patch, 'merge', { dryRun: ctx.dryRun === 'server' });
      if (!r.ok) return printError(io, r.error);
      shown = r.value.object;
    }
    if (printMutated(io, flags, ctx, shown, 'configured') !== 0) return 1;
  }
  return 0;
}

/**
 * `kubectl apply edit-last-applied`: the annotations of the named objects, as objects, in
 * the editor under ApplyEditMode's header; each changed one is stored back as the new
 * annotation (a merge patch in the command's namespace) and printed as `edited`.
 */
function runEditLastApplied(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const ctx = editContext(flags, env, io);
  if (!ctx) return 1;
  const cause = changeCause(['apply', 'edit-last-applied'], flags, applyEditLastAppliedSpec.flags);
  const found = findTargets(flags.args, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  if (found.errors.length > 0) return printError(io, found.errors);
  const originals: KubeObject[] = [];
  for (const t of found.targets) {
    const text = t.object.metadata.annotations?.[LAST_APPLIED];
    if (!text) continue;
    let parsed: unknown;
    try {
      parsed = yaml.load(text, { json: true });
    } catch (e) {
      return printError(io, `error parsing edited-file: ${(e as Error).message}`);
    }
    originals.push(parsed as KubeObject);
  }
  if (originals.length === 0) {
    return printError(io, 'no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`');
  }
  return runEditLoop(io, flags, env, ctx, {
    header: APPLY_EDIT_HEADER,
    objects: originals,
    patch: (edited: readonly EditedObject[]): CommandError | undefined => {
      for (const { object: plain, type } of edited) {
        const object = recorded(plain, cause);
        // visitToApplyEditPatch matches by uid, which annotations never carry: the first original.
        const original = originals.find((o) => o.metadata?.uid === object.metadata.uid);
        if (!original) return `no original object found for ${object.kind}/${object.metadata.name ?? ''}`;
        if (sortedJson(original) === sortedJson(object)) {
          printMutated(io, flags, ctx, object, 'skipped');
          continue;
        }
        const resource = (typeForKind(object.kind) ?? type).resource;
        const patch = { metadata: { annotations: { [LAST_APPLIED]: encodeJson(object) } } };
        const r = ctx.client.patch(resource, type.namespaced ? ctx.namespace : undefined, object.metadata.name ?? '', patch, 'merge');
        if (!r.ok) return r.error;
        printMutated(io, flags, ctx, object, 'edited');
      }
      return undefined;
    },
  });
}

/** `kubectl apply view-last-applied`, `set-last-applied` and `edit-last-applied`. */
export const LAST_APPLIED_COMMANDS: CommandModule[] = [
  { path: ['apply', 'view-last-applied'], spec: applyViewLastAppliedSpec, run: runViewLastApplied },
  { path: ['apply', 'set-last-applied'], spec: applySetLastAppliedSpec, run: runSetLastApplied },
  withRecord({ path: ['apply', 'edit-last-applied'], spec: applyEditLastAppliedSpec, run: runEditLastApplied }),
];
