/**
 * The objects a verb acts on (cli-runtime's resource builder as delete, label, scale and
 * set use it): `TYPE NAME...`, `TYPE/NAME`, `-l`, `--all`, `-A`, or `-f FILE`, fetched from
 * the API with NotFound collected per name.
 */
import type { ResourceType } from '../../../engine/api/discovery.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { namespaceForObject, readManifests, resourceArgs, withSource, type CommandError } from '../../common.js';
import type { KubectlEnv } from '../../types.js';
import type { WriteContext } from './shared.js';

/** One object to act on. */
export interface Target {
  readonly type: ResourceType;
  readonly object: KubeObject;
  /** The manifest it came from, for `-f`. */
  readonly source?: string;
}

/** What the builder found: objects, per-object errors, or a usage error stopping everything. */
export interface Targets {
  readonly targets: Target[];
  readonly errors: CommandError[];
  /** A usage error (no resources given, a type without a name...). */
  readonly fatal?: string;
  /** Whether a selector or `--all` was used (empty results print `No resources found`). */
  readonly selected: boolean;
}

const flag = (flags: ParsedFlags, name: string): boolean => (flags.values.has(name) ? flags.bool(name) : false);
const text = (flags: ParsedFlags, name: string): string => (flags.values.has(name) ? flags.string(name) : '');

/** Resolves the targets from positional args (already without KEY=VAL pairs) and flags. */
export function findTargets(
  args: readonly string[],
  flags: ParsedFlags,
  env: KubectlEnv,
  ctx: WriteContext,
  opts: { ignoreNotFound?: boolean; sourceVerb?: string } = {},
): Targets {
  const filenames = flags.values.has('filename') ? flags.list('filename') : [];
  const selector = text(flags, 'selector');
  const fieldSelector = text(flags, 'field-selector');
  const all = flag(flags, 'all');
  const allNamespaces = flag(flags, 'all-namespaces');
  const targets: Target[] = [];
  const errors: CommandError[] = [];
  if (filenames.length > 0) {
    if (args.length > 0) return { targets, errors, selected: false, fatal: 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well' };
    const read = readManifests(env, { filenames, recursive: flag(flags, 'recursive'), validate: 'ignore' });
    for (const item of read.items) {
      if (!item.ok) {
        errors.push(item.error);
        continue;
      }
      const ns = namespaceForObject(item.object, item.type, ctx.namespace, ctx.explicitNamespace);
      if (!ns.ok) {
        errors.push(ns.error);
        continue;
      }
      const live = ctx.client.get(item.type.resource, ns.namespace, item.object.metadata.name ?? '');
      if (live.ok) targets.push({ type: item.type, object: live.value, source: item.source });
      // AddSourceToErr: a verb that names its action (`deleting`) names the file too.
      else if (!(opts.ignoreNotFound && live.error.reason === 'NotFound')) errors.push(opts.sourceVerb ? withSource(live.error, opts.sourceVerb, item.source) : live.error);
    }
    if (read.fatal) errors.push(read.fatal);
    return { targets, errors, selected: false };
  }
  if (args.length === 0) {
    return {
      targets,
      errors,
      selected: false,
      fatal: "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    };
  }
  const parsed = resourceArgs(args);
  if (!parsed.ok) return { targets, errors, selected: false, fatal: parsed.error };
  const selecting = selector !== '' || fieldSelector !== '' || all;
  for (const group of parsed.groups) {
    const ns = group.type.namespaced ? ctx.namespace : undefined;
    if (group.names.length > 0) {
      if (selecting && (selector || fieldSelector)) return { targets, errors, selected: false, fatal: 'name cannot be provided when a selector is specified' };
      for (const name of group.names) {
        const live = ctx.client.get(group.type.resource, ns, name);
        if (live.ok) targets.push({ type: group.type, object: live.value });
        else if (!(opts.ignoreNotFound && live.error.reason === 'NotFound')) errors.push(live.error);
      }
      continue;
    }
    if (!selecting) return { targets, errors, selected: false, fatal: 'resource(s) were provided, but no name was specified' };
    const list = ctx.client.list(group.type.resource, {
      namespace: allNamespaces || !group.type.namespaced ? undefined : ctx.namespace,
      labelSelector: selector || undefined,
      fieldSelector: fieldSelector || undefined,
    });
    if (!list.ok) {
      errors.push(list.error);
      continue;
    }
    for (const object of list.value.items) targets.push({ type: group.type, object });
  }
  return { targets, errors, selected: selecting };
}

/** The object's namespace argument for API calls. */
export const nsOf = (t: Target): string | undefined => (t.type.namespaced ? t.object.metadata.namespace : undefined);
