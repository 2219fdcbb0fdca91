/**
 * `kubectl label` and `kubectl annotate` (cmd/label, cmd/annotate): KEY=VAL and KEY- pairs
 * after the resources, `--overwrite`, `--list`, sent as a JSON merge patch.
 */
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import { nameLine } from '../../printers/name.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { annotateSpec, labelSpec } from './specs/verbs.js';
import { CHANGE_CAUSE, changeCause, withRecord } from './record.js';
import { printMutated, writeContext } from './shared.js';
import { findTargets, nsOf } from './targets.js';

/** cmdutil.GetResourcesAndPairs: resources first, then `k=v` / `k-` pairs. */
export function splitPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) return { error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { resources, pairs };
}

/** parseLabels / parseAnnotations: the keys to set and the keys to remove. */
function parsePairs(pairs: readonly string[], what: string): { set: Record<string, string>; remove: string[] } | { error: string } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq >= 0) {
      if (p.indexOf('=', eq + 1) >= 0 && what === 'label') return { error: `invalid label spec: ${p}` };
      set[p.slice(0, eq)] = p.slice(eq + 1);
    } else remove.push(p.slice(0, -1));
  }
  for (const k of remove) if (k in set) return { error: `can not both modify and remove ${what}s in the same command` };
  return { set, remove };
}

type Field = 'labels' | 'annotations';

function runMetadata(field: Field, flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const what = field === 'labels' ? 'label' : 'annotation';
  const split = splitPairs(flags.args, what);
  if ('error' in split) return printError(io, split.error);
  const list = flags.values.has('list') && flags.bool('list');
  const filenames = flags.list('filename');
  if (split.resources.length === 0 && filenames.length === 0) return printError(io, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const parsed = parsePairs(split.pairs, what);
  if ('error' in parsed) return printError(io, parsed.error);
  if (Object.keys(parsed.set).length === 0 && parsed.remove.length === 0 && !list) return printError(io, `at least one ${what} update is required`);
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const cause = list ? undefined : changeCause([what === 'label' ? 'label' : 'annotate'], flags);
  // IntoSingleItemImplied: one TYPE/NAME, TYPE NAME, or one file.
  const res = split.resources;
  const single = filenames.length > 0 ? filenames.length === 1 : (res.length === 1 && res[0]!.includes('/') && !res[0]!.includes(',')) || (res.length === 2 && !res[0]!.includes('/') && !res[0]!.includes(','));
  if (flags.string('resource-version') && !single) return printError(io, '--resource-version may only be used with a single resource');
  const found = findTargets(split.resources, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  const errors: CommandError[] = [...found.errors];
  const overwrite = flags.bool('overwrite');
  for (const t of found.targets) {
    const current: Record<string, string> = { ...(t.object.metadata[field] ?? {}) };
    if (list) {
      if (found.targets.length > 1) io.out(`Listing ${field} for ${t.object.kind}.${t.type.group}/${t.object.metadata.name}:\n`);
      const indent = found.targets.length > 1 ? ' ' : '';
      for (const k of Object.keys(current).sort()) io.out(`${indent}${k}=${current[k]}\n`);
      continue;
    }
    if (!overwrite) {
      const clashes = Object.entries(parsed.set).filter(([k, v]) => k in current && current[k] !== v);
      if (clashes.length > 0) {
        for (const [k] of clashes) errors.push(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
        continue;
      }
    }
    const next: Record<string, string> = { ...current, ...parsed.set };
    for (const k of parsed.remove) {
      if (field === 'labels' && !(k in current)) io.out(`label "${k}" not found.\n`);
      delete next[k];
    }
    const changed = JSON.stringify(Object.entries(next).sort()) !== JSON.stringify(Object.entries(current).sort());
    const smaller = Object.keys(next).length < Object.keys(current).length;
    const message = field === 'annotations' ? 'annotated' : !changed ? 'not labeled' : !overwrite && smaller ? 'unlabeled' : 'labeled';
    let result = { ...t.object, metadata: { ...t.object.metadata, [field]: next } };
    if ((changed || cause !== undefined) && ctx.dryRun !== 'client') {
      const patch: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(parsed.set)) if (current[k] !== v) patch[k] = v;
      for (const k of parsed.remove) if (k in current) patch[k] = null;
      const metadata: Record<string, unknown> = changed ? { [field]: patch } : {};
      // The recorder's change-cause goes in the same merge patch.
      if (cause !== undefined) metadata.annotations = { ...((metadata.annotations as object | undefined) ?? {}), [CHANGE_CAUSE]: cause };
      const rv = flags.string('resource-version');
      if (rv) metadata.resourceVersion = rv;
      const r = ctx.client.patch(t.type.resource, nsOf(t), t.object.metadata.name!, { metadata }, 'merge', { dryRun: ctx.dryRun === 'server' });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      result = r.value.object;
    }
    if (ctx.format.kind === 'table') io.out(`${nameLine(result, message, ctx.dryRun === 'client')}${ctx.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    else printMutated(io, flags, ctx, result, message);
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** `kubectl label` and `kubectl annotate`. */
export const METADATA_COMMANDS: CommandModule[] = [
  withRecord({ path: ['label'], spec: labelSpec, run: (f, e, io) => runMetadata('labels', f, e, io) }),
  withRecord({ path: ['annotate'], spec: annotateSpec, run: (f, e, io) => runMetadata('annotations', f, e, io) }),
];
