/**
 * `kubectl diff -f` (cmd/diff/diff.go): each object's live YAML against what `apply`
 * would make of it (a server dry run of the same patch, or a dry-run create), written to
 * LIVE-/MERGED- directories and compared with `diff -u -N`. Exit 1 when they differ,
 * 0 when not; kubectl's own errors exit 2 (CheckDiffErr adds one to the code).
 */
import { apiVersionOf, type ResourceType } from '../../../engine/api/discovery.js';
import { threeWayMerge } from '../../../engine/api/patch.js';
import { labelsMatch, parseLabelSelector } from '../../../engine/api/selectors.js';
import type { KubeObject, Result } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, namespaceForObject, readManifests, type CommandError } from '../../common.js';
import { forOutput, toYaml } from '../../printers/yaml.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { diffSpec } from './specs/verbs.js';
import { lastAppliedOf, printWarnings, tempSuffix, withLastApplied, writeContext, type WriteContext } from './shared.js';
import { unifiedDiff } from './unified-diff.js';

/** diff's exit code for kubectl's own errors (checkErr's 1, plus one). */
const DIFF_ERROR_EXIT = 2;

/** The file name of an object in the LIVE/MERGED directories (InfoObject.Name). */
export function diffFileName(t: ResourceType, namespace: string, name: string): string {
  return `${t.group ? `${t.group}.` : ''}${t.version}.${t.kind}.${namespace}.${name}`;
}

/** A file's time as GNU diff prints it: `2024-07-01 10:00:00.000000000 +0000`. */
export function diffTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

/** The masks diff.go's Masker puts over Secret data. */
const MASK = '***';
const MASK_BEFORE = '*** (before)';
const MASK_AFTER = '*** (after)';

/** Masker.run: secret values hidden, with before/after marks where a key changed. */
function maskSecrets(from: KubeObject | undefined, to: KubeObject): [KubeObject | undefined, KubeObject] {
  const a: Record<string, string> | undefined = from?.data ? { ...(from.data as Record<string, string>) } : undefined;
  const b: Record<string, string> | undefined = to.data ? { ...(to.data as Record<string, string>) } : undefined;
  for (const k of Object.keys(a ?? {})) {
    if (b && k in b) {
      if (a![k] !== b[k]) {
        a![k] = MASK_BEFORE;
        b[k] = MASK_AFTER;
        continue;
      }
      b[k] = MASK;
    }
    a![k] = MASK;
  }
  for (const k of Object.keys(b ?? {})) if (!a || !(k in a)) b![k] = MASK;
  return [from && a ? { ...from, data: a } : from, b ? { ...to, data: b } : to];
}

/** The object as apply would leave it (InfoObject.Merged), without persisting anything. */
function merged(ctx: WriteContext, io: Output, obj: KubeObject, t: ResourceType, live: KubeObject | undefined, serverSide: boolean): Result<KubeObject> {
  const ns = t.namespaced ? obj.metadata.namespace : undefined;
  const name = obj.metadata.name ?? '';
  if (!live) {
    const r = ctx.client.create(t.resource, ns, obj, { dryRun: true });
    if (r.ok) printWarnings(io, r.value.warnings);
    return r.ok ? { ok: true, value: r.value.object } : r;
  }
  const patch = serverSide ? obj : threeWayMerge(lastAppliedOf(live), withLastApplied(obj), live);
  if (Object.keys(patch).length === 0) return { ok: true, value: live };
  const r = ctx.client.patch(t.resource, ns, name, patch, 'strategic', { dryRun: true });
  if (r.ok) printWarnings(io, r.value.warnings);
  return r.ok ? { ok: true, value: r.value.object } : r;
}

function runDiff(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const fail = (e: CommandError): number => {
    io.err(errorsText([e]));
    return DIFF_ERROR_EXIT;
  };
  const filenames = flags.list('filename');
  if (filenames.length === 0) return fail('must specify one of -f and -k');
  if (flags.bool('force-conflicts') && !flags.bool('server-side')) return fail('--force-conflicts only works with --server-side');
  const ctx = writeContext(flags, env, io);
  if (!ctx) return DIFF_ERROR_EXIT;
  const read = readManifests(env, { filenames, recursive: flags.bool('recursive'), validate: 'ignore' });
  const showManaged = flags.bool('show-managed-fields');
  const selector = flags.string('selector') ? parseLabelSelector(flags.string('selector')) : undefined;
  if (selector && !selector.ok) return fail(selector.error);
  const files: { name: string; live: string; merged: string }[] = [];
  for (const item of read.items) {
    // The builder stops at the first error, before anything is diffed.
    if (!item.ok) return fail(item.error);
    const ns = namespaceForObject(item.object, item.type, ctx.namespace, ctx.explicitNamespace);
    if (!ns.ok) return fail(ns.error);
    const obj: KubeObject = ns.namespace ? { ...item.object, metadata: { ...item.object.metadata, namespace: ns.namespace } } : item.object;
    if (selector && !labelsMatch(selector.selector, obj.metadata.labels)) continue;
    const name = obj.metadata.name ?? '';
    const got = ctx.client.get(item.type.resource, ns.namespace || undefined, name);
    if (!got.ok && got.error.reason !== 'NotFound') return fail(got.error);
    const live = got.ok ? got.value : undefined;
    const after = merged(ctx, io, obj, item.type, live, flags.bool('server-side'));
    if (!after.ok) return fail(after.error);
    let [from, to] = [live && forOutput(live, showManaged), forOutput(after.value, showManaged)];
    if (apiVersionOf(item.type) === 'v1' && item.type.kind === 'Secret') [from, to] = maskSecrets(from, to);
    files.push({ name: diffFileName(item.type, ns.namespace ?? '', name), live: from ? toYaml(from) : '', merged: toYaml(to) });
  }
  if (read.fatal) return fail(read.fatal);

  const now = env.now();
  const liveDir = `/tmp/LIVE-${tempSuffix(now, 'LIVE')}`;
  const mergedDir = `/tmp/MERGED-${tempSuffix(now, 'MERGED')}`;
  let differ = false;
  // diff compares the two directories file by file, in name order.
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const livePath = `${liveDir}/${f.name}`;
    const mergedPath = `${mergedDir}/${f.name}`;
    const text = unifiedDiff({ label: `${livePath}\t${diffTime(f.live ? now : 0)}`, text: f.live }, { label: `${mergedPath}\t${diffTime(now)}`, text: f.merged });
    if (!text) continue;
    differ = true;
    io.out(`diff -u -N ${livePath} ${mergedPath}\n${text}`);
  }
  return differ ? 1 : 0;
}

/** `kubectl diff`. */
export const DIFF_COMMANDS: CommandModule[] = [{ path: ['diff'], spec: diffSpec, run: runDiff }];
