/**
 * `kubectl set image` and `kubectl set env` (cmd/set): change the pod template of
 * workloads (or a pod's spec) and send the difference as a strategic merge patch.
 */
import { qualifiedResource } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { splitPairs } from './metadata.js';
import { setEnvSpec, setImageSpec } from './specs/set.js';
import { printMutated, writeContext, type WriteContext } from './shared.js';
import { findTargets, nsOf, type Target } from './targets.js';

interface Container {
  name: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
}

/** The pod spec inside an object (polymorphichelpers.updatePodSpecForObject), or undefined. */
export function podSpecOf(obj: KubeObject): { containers?: Container[]; initContainers?: Container[] } | undefined {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec;
    case 'CronJob':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController':
      return obj.spec?.template?.spec;
    default:
      return undefined;
  }
}

/** info.ObjectName(): `rolebindings.rbac.authorization.k8s.io/x` (set subject's "was not changed"). */
export const objectName = (t: Target): string => `${qualifiedResource(t.type)}/${t.object.metadata.name}`;

/**
 * How the set verbs name a target in errors: `error: %s/%s` of info.Mapping.Resource (a
 * GroupVersionResource, printed `apps/v1, Resource=deployments`) and the name.
 */
export const mappingName = (t: Target): string => `${t.type.group}/${t.type.version}, Resource=${t.type.resource}/${t.object.metadata.name}`;

/**
 * Shared loop of the set verbs: transform a copy of each target (an error text skips it),
 * send it, print `operation`. Targets without a pod template fail unless `anyKind`;
 * `errorName` names a target in transform errors (set env uses info.ObjectName()).
 */
export function patchTargets(
  flags: ParsedFlags,
  env: KubectlEnv,
  io: Output,
  resources: readonly string[],
  operation: string,
  transform: (copy: KubeObject, t: Target) => string | undefined,
  opts: { anyKind?: boolean; unchanged?: (t: Target) => CommandError; errorName?: (t: Target) => string } = {},
): number {
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const found = findTargets(resources, flags, env, ctx);
  if (found.fatal) return printError(io, found.fatal);
  const errors: CommandError[] = [...found.errors];
  for (const t of found.targets) {
    const copy = structuredClone(t.object) as KubeObject;
    if (!opts.anyKind && !podSpecOf(copy)) {
      errors.push(`error: ${mappingName(t)} ${t.object.kind} does not have a pod template`);
      continue;
    }
    const err = transform(copy, t);
    if (err) {
      errors.push(`error: ${(opts.errorName ?? mappingName)(t)} ${err}`);
      continue;
    }
    if (JSON.stringify(copy) === JSON.stringify(t.object)) {
      // No changes: most set verbs print nothing; set subject reports it.
      if (opts.unchanged) errors.push(opts.unchanged(t));
      continue;
    }
    let result = copy;
    if (ctx.dryRun !== 'client') {
      const r = ctx.client.update(t.type.resource, nsOf(t), copy, { dryRun: ctx.dryRun === 'server' });
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      result = r.value.object;
    }
    printMutated(io, flags, ctx, result, operation);
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

function runSetImage(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const split = splitPairs(flags.args, 'image');
  if ('error' in split) return printError(io, split.error);
  const images: [string, string][] = [];
  for (const p of split.pairs) {
    const eq = p.indexOf('=');
    if (eq < 0) return printError(io, `invalid image update spec: ${p}`);
    images.push([p.slice(0, eq), p.slice(eq + 1)]);
  }
  if (images.length === 0) return printError(io, 'at least one image update is required');
  return patchTargets(flags, env, io, split.resources, 'image updated', (copy) => {
    const spec = podSpecOf(copy)!;
    for (const [name, image] of images) {
      let found = false;
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        if (c.name === name || name === '*') {
          c.image = image;
          found = true;
        }
      }
      if (!found) return `unable to find container named "${name}"`;
    }
    return undefined;
  });
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

/** keyToEnvName: characters outside [A-Za-z0-9_] become `_`, then upper case. */
const keyToEnvName = (key: string): string => key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();

/** GetEnvVarRefString: how `--list` names a reference. */
function refString(from: Record<string, any>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}

/**
 * updateEnv (cmd/set/helper.go): an added variable replaces every existing one of the same
 * name in place, new ones go last, and removal wins over addition.
 */
function updateEnv(existing: readonly EnvVar[], add: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = add.find((a) => a.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(structuredClone(newer));
    } else out.push(e);
  }
  for (const e of add) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(structuredClone(e));
  }
  return out;
}

/**
 * `--from=secret/x` or `--from=configmap/x`: one variable per data key (optionally only
 * `--keys`), each a secretKeyRef/configMapKeyRef. Go ranges over the map in random order;
 * sorting the keys makes it deterministic.
 */
function envFromSource(from: string, flags: ParsedFlags, env: KubectlEnv, ctx: WriteContext): { vars: EnvVar[] } | { error: string | CommandError[] } {
  const keys = flags.values.has('keys') ? flags.list('keys') : [];
  const found = findTargets([from], flags, env, ctx);
  if (found.fatal) return { error: found.fatal };
  if (found.errors.length > 0) return { error: found.errors };
  const vars: EnvVar[] = [];
  for (const t of found.targets) {
    const kind = t.object.kind;
    if (kind !== 'Secret' && kind !== 'ConfigMap') return { error: 'unsupported resource specified in --from' };
    const refField = kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef';
    for (const key of Object.keys((t.object as { data?: Record<string, string> }).data ?? {}).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      vars.push({ name: keyToEnvName(key), valueFrom: { [refField]: { key, name: t.object.metadata.name } } });
    }
  }
  return { vars };
}

function runSetEnv(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const split = splitPairs(flags.args, 'env');
  if ('error' in split) return printError(io, split.error);
  const pairs = [...flags.list('env'), ...split.pairs];
  let set: EnvVar[] = [];
  const remove: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) set.push({ name: p.slice(0, eq), value: p.slice(eq + 1) });
    else if (p.endsWith('-')) remove.push(p.slice(0, -1));
    else return printError(io, `environment variables must be of the form key=value and can only contain letters, numbers, and underscores`);
  }
  const from = flags.values.has('from') ? flags.string('from') : '';
  if (flags.values.has('keys') && flags.list('keys').length > 0 && !from) {
    return printError(io, 'when specifying --keys, a configmap or secret must be provided with --from');
  }
  const container = flags.string('containers') || '*';
  if (flags.bool('list')) {
    const ctx = writeContext(flags, env, io);
    if (!ctx) return 1;
    const found = findTargets(split.resources, flags, env, ctx);
    if (found.fatal) return printError(io, found.fatal);
    for (const t of found.targets) {
      for (const c of podSpecOf(t.object)?.containers ?? []) {
        if (container !== '*' && c.name !== container) continue;
        io.out(`# ${t.object.kind} ${t.object.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) io.out(e.valueFrom === undefined ? `${e.name}=${e.value ?? ''}\n` : `# ${e.name} from ${refString(e.valueFrom as Record<string, unknown>)}\n`);
      }
    }
    return found.errors.length > 0 ? (io.err(errorsText(found.errors)), 1) : 0;
  }
  if (from) {
    const ctx = writeContext(flags, env, io);
    if (!ctx) return 1;
    const r = envFromSource(from, flags, env, ctx);
    if ('error' in r) {
      if (typeof r.error === 'string') return printError(io, r.error);
      io.err(errorsText(r.error));
      return 1;
    }
    set = [...set, ...r.vars];
  }
  // --prefix renames every variable being set, the explicit ones too.
  const prefix = flags.values.has('prefix') ? flags.string('prefix') : '';
  if (prefix) set = set.map((e) => ({ ...e, name: `${prefix}${e.name}` }));
  if (set.length === 0 && remove.length === 0 && !from) return printError(io, 'at least one environment variable must be provided');
  const overwrite = flags.values.has('overwrite') ? flags.bool('overwrite') : true;
  return patchTargets(flags, env, io, split.resources, 'env updated', (copy) => {
    const spec = podSpecOf(copy)!;
    let matched = false;
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      if (container !== '*' && c.name !== container) continue;
      matched = true;
      const existing = (c.env ?? []) as EnvVar[];
      if (!overwrite) {
        for (const e of set) {
          const current = existing.find((x) => x.name === e.name);
          if (current && current.value !== e.value) return `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
        }
      }
      const envs = updateEnv(existing, set, remove);
      if (envs.length > 0) c.env = envs;
      else delete c.env;
    }
    // No container matched: kubectl warns and leaves the object alone.
    if (!matched) io.err(`warning: ${copy.kind}/${copy.metadata.name} does not have any containers matching "${container}"\n`);
    return undefined;
  }, { errorName: objectName });
}

/** `kubectl set image` and `kubectl set env`. */
export const SET_COMMANDS: CommandModule[] = [
  { path: ['set', 'image'], spec: setImageSpec, run: runSetImage },
  { path: ['set', 'env'], spec: setEnvSpec, run: runSetEnv },
];
