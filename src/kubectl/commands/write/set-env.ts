/**
 * `kubectl set env` (cmd/set/set_env.go): add, change or remove container variables
 * (`KEY=VALUE`, `KEY-`, `--from=secret/x|configmap/x`), or `--list` them, with
 * `--resolve` reading the values their references point at.
 */
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { resolveEnvRef, type RefStore } from './env-refs.js';
import { splitPairs } from './metadata.js';
import { objectName, patchTargets, podSpecOf } from './set.js';
import { setEnvSpec } from './specs/set.js';
import { writeContext, type WriteContext } from './shared.js';
import { findTargets } from './targets.js';

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
    const resolve = flags.values.has('resolve') && flags.bool('resolve');
    const store: RefStore = new Map();
    let unresolved = false;
    for (const t of found.targets) {
      const containers = (podSpecOf(t.object)?.containers ?? []).filter((c: { name: string }) => container === '*' || c.name === container);
      if (containers.length === 0) {
        io.err(`warning: ${t.object.kind}/${t.object.metadata.name} does not have any containers matching "${container}"\n`);
        continue;
      }
      const failures = new Map<string, string[]>();
      for (const c of containers) {
        io.out(`# ${t.object.kind} ${t.object.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) {
          if (e.valueFrom === undefined) {
            io.out(`${e.name}=${e.value ?? ''}\n`);
            continue;
          }
          const r = resolve ? resolveEnvRef(ctx.client, ctx.namespace, store, e.valueFrom as Record<string, unknown>, t.object, c) : undefined;
          if (r && 'value' in r) {
            io.out(`${e.name}=${r.value}\n`);
            continue;
          }
          io.out(`# ${e.name} from ${refString(e.valueFrom as Record<string, unknown>)}\n`);
          if (r) failures.set(r.error, [...(failures.get(r.error) ?? []), e.name]);
        }
      }
      // Resolution errors after each object, one line per error, sorted.
      const lines = [...failures].map(([err, vars]) => `error retrieving reference for ${vars.sort().join(', ')}: ${err}`).sort();
      for (const line of lines) io.err(`${line}\n`);
      if (lines.length > 0) unresolved = true;
    }
    if (found.errors.length > 0) return io.err(errorsText(found.errors)), 1;
    return unresolved ? printError(io, 'failed to retrieve valueFrom references') : 0;
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

/** `kubectl set env`. */
export const SET_ENV_COMMAND: CommandModule = { path: ['set', 'env'], spec: setEnvSpec, run: runSetEnv };
