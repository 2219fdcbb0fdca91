/**
 * The node verbs that change a node's spec: `cordon`, `uncordon` (spec.unschedulable,
 * cmd/drain/cordon.go wording) and `taint` (cmd/taint/taint.go: parsing taint specs,
 * the already-exists check, and the tainted / untainted / modified operations).
 */
import type { ApiClient } from '../../../engine/api/client.js';
import type { KubeObject } from '../../../engine/api/types.js';
import { resolveResourceType } from '../../args/resources.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError, readDryRun, dryRunSuffix, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { CORDON_SPEC, TAINT_SPEC, UNCORDON_SPEC } from './specs/nodes.js';
import { openSession, usageError } from './support.js';

/** A node taint. */
export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** The nodes a node verb names: NAME..., or every node matching -l / --all. */
export function selectNodes(client: ApiClient, names: readonly string[], selector: string, all: boolean): { ok: true; nodes: KubeObject[] } | { ok: false; error: CommandError } {
  if (names.length === 0 && (selector || all)) {
    const list = client.list('nodes', selector ? { labelSelector: selector } : {});
    return list.ok ? { ok: true, nodes: [...list.value.items] } : { ok: false, error: list.error };
  }
  const nodes: KubeObject[] = [];
  for (const name of names) {
    const r = client.get('nodes', undefined, name);
    if (!r.ok) return { ok: false, error: r.error };
    nodes.push(r.value);
  }
  return { ok: true, nodes };
}

/** Cordons or uncordons: `node/node01 cordoned`, `node/node01 already cordoned`. */
export function setSchedulable(client: ApiClient, node: KubeObject, unschedulable: boolean, dryRun: 'none' | 'client' | 'server'): { ok: true; line: string } | { ok: false; error: CommandError } {
  const word = unschedulable ? 'cordoned' : 'uncordoned';
  if (!!node.spec?.unschedulable === unschedulable) return { ok: true, line: `node/${node.metadata.name} already ${word}\n` };
  if (dryRun !== 'client') {
    const r = client.patch('nodes', undefined, node.metadata.name!, { spec: { unschedulable: unschedulable ? true : null } }, 'strategic', { dryRun: dryRun === 'server' });
    if (!r.ok) return { ok: false, error: r.error };
  }
  return { ok: true, line: `node/${node.metadata.name} ${word}${dryRunSuffix(dryRun)}\n` };
}

function cordonCommand(path: string, spec: typeof CORDON_SPEC, unschedulable: boolean): CommandModule {
  return {
    path: [path],
    spec,
    run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
      const selector = flags.string('selector');
      if (flags.args.length === 0 && !selector) return printError(io, usageError(`kubectl ${path}`, `USAGE: ${path} NODE [flags]`));
      const dryRun = readDryRun(flags, io, env.now());
      if (!dryRun.ok) return printError(io, dryRun.error);
      const session = openSession(flags, env);
      if (!session.ok) return printError(io, session.error);
      const nodes = selectNodes(session.value.client, flags.args, selector, false);
      if (!nodes.ok) return printError(io, nodes.error);
      const errors: CommandError[] = [];
      for (const node of nodes.nodes) {
        const r = setSchedulable(session.value.client, node, unschedulable, dryRun.value);
        if (r.ok) io.out(r.line);
        else errors.push(r.error);
      }
      return errors.length ? printError(io, errors) : 0;
    },
  };
}

/** `kubectl cordon`. */
export const cordon = cordonCommand('cordon', CORDON_SPEC, true);
/** `kubectl uncordon`. */
export const uncordon = cordonCommand('uncordon', UNCORDON_SPEC, false);

/** `key=value:Effect`, `key:Effect` to add; `key=value:Effect-`, `key:Effect-`, `key-` to remove (taint.go parseTaints). */
export function parseTaints(specs: readonly string[]): { ok: true; add: Taint[]; remove: { key: string; effect?: string }[] } | { ok: false; error: string } {
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [kv, effect] = body.split(':') as [string, string | undefined];
      if (effect !== undefined && !EFFECTS.has(effect)) return { ok: false, error: `invalid taint effect: ${effect}, unsupported taint effect` };
      // parseTaint reads `key=value:Effect-` too; removal matches on key and effect only.
      const key = kv.split('=')[0]!;
      remove.push({ key, ...(effect ? { effect } : {}) });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) return { ok: false, error: `invalid taint spec: ${spec}` };
    const effect = spec.slice(colon + 1);
    const kv = spec.slice(0, colon);
    if (!EFFECTS.has(effect)) return { ok: false, error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq);
    if (!key) return { ok: false, error: `invalid taint spec: ${spec}` };
    add.push({ key, ...(eq >= 0 ? { value: kv.slice(eq + 1) } : {}), effect });
  }
  const both = add.filter((a) => remove.some((r) => r.key === a.key && (!r.effect || r.effect === a.effect))).map((a) => a.key);
  if (both.length) return { ok: false, error: `can not both modify and remove the following taint(s) in the same command: ${both.join(', ')}` };
  return { ok: true, add, remove };
}

/** taint.go reorganizeTaints: the node's new taints and the operation word, or the errors. */
export function reorganizeTaints(old: readonly Taint[], add: readonly Taint[], remove: readonly { key: string; effect?: string }[], overwrite: boolean): { taints: Taint[]; operation: string; errors: string[] } {
  const taints = [...add];
  for (const t of old) if (!taints.some((n) => n.key === t.key && n.effect === t.effect)) taints.push(t);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    for (let i = taints.length - 1; i >= 0; i--) if (taints[i]!.key === r.key && (!r.effect || taints[i]!.effect === r.effect)) taints.splice(i, 1);
    if (taints.length === before) errors.push(`taint "${r.effect ? `${r.key}:${r.effect}` : r.key}" not found`);
    else deleted = true;
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : deleted ? 'untainted' : 'modified';
  return { taints, operation, errors };
}

function taint(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of flags.args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length === 0) resources.push(arg);
    else return printError(io, `all resources must be specified before taint changes: ${arg}`);
  }
  const all = flags.bool('all');
  const selector = flags.string('selector');
  if (resources.length < 1) return printError(io, 'one or more resources must be specified as <resource> <name>');
  if (specs.length === 0) return printError(io, 'at least one taint update is required');
  const type = resolveResourceType(resources[0]!);
  if (type?.kind !== 'Node') return printError(io, `invalid resource type ${resources[0]}, only node types are supported`);
  const names = resources.slice(1);
  if (names.length === 0 && !all && !selector) return printError(io, 'resource(s) were provided, but no name was specified');
  const parsed = parseTaints(specs);
  if (!parsed.ok) return printError(io, parsed.error);
  const dryRun = readDryRun(flags, io, env.now());
  if (!dryRun.ok) return printError(io, dryRun.error);
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const client = session.value.client;
  const nodes = selectNodes(client, names, selector, all);
  if (!nodes.ok) return printError(io, nodes.error);
  const overwrite = flags.bool('overwrite');
  const errors: CommandError[] = [];
  for (const node of nodes.nodes) {
    const old: Taint[] = node.spec?.taints ?? [];
    if (!overwrite) {
      const exists = parsed.add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (exists.length) {
        errors.push(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
        continue;
      }
    }
    const next = reorganizeTaints(old, parsed.add, parsed.remove, overwrite);
    if (next.errors.length) {
      errors.push(...next.errors);
      continue;
    }
    if (dryRun.value !== 'client') {
      const r = client.patch('nodes', undefined, node.metadata.name!, { spec: { taints: next.taints.length ? next.taints : null } }, 'merge', { dryRun: dryRun.value === 'server' });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
    }
    io.out(`node/${node.metadata.name} ${next.operation}${dryRunSuffix(dryRun.value)}\n`);
  }
  return errors.length ? printError(io, errors) : 0;
}

/** `kubectl taint`. */
export const taintCommand: CommandModule = { path: ['taint'], spec: TAINT_SPEC, run: taint };
