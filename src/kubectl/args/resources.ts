/**
 * Resource arguments as kubectl's resource builder reads them (cli-runtime
 * resource/builder.go ResourceTypeOrNameArgs, mappingFor; restmapper shortcut.go), resolved
 * through the discovery table: `pods`, `po`, `Pod`, `pod/web`, `deploy,svc`,
 * `deployment.apps`, `deployments.v1.apps/web`, `all`.
 */
import { RESOURCE_TYPES, type ResourceType } from '../../engine/api/discovery.js';

/** Objects of one type the command should act on; no names means "all that match". */
export interface ResourceGroup {
  readonly type: ResourceType;
  readonly names: readonly string[];
}

/** The groups in the order kubectl visits them, or the error kubectl prints after `error: `. */
export type ResourceArgs = { readonly ok: true; readonly groups: readonly ResourceGroup[] } | { readonly ok: false; readonly error: string };

/** Splits `a,b,a` into unique entries in order, keeping empty ones (SplitResourceArgument). */
export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

/**
 * Resolves one type argument as mappingFor does: `resource.version.group`, then
 * `resource.group`; full names ignore case, short names do not (kubectl's shortcut
 * expander matches them as typed) but may abbreviate the group (`hpa.autoscal`).
 */
export function resolveResourceType(arg: string): ResourceType | undefined {
  const dots = arg.split('.');
  if (dots.length >= 3) {
    const [resource, version] = dots;
    const group = dots.slice(2).join('.');
    const t = find(resource!, group, (c) => c.version === version);
    if (t) return t;
  }
  const dot = arg.indexOf('.');
  return dot < 0 ? find(arg, undefined) : find(arg.slice(0, dot), arg.slice(dot + 1));
}

function find(resource: string, group: string | undefined, extra: (t: ResourceType) => boolean = () => true): ResourceType | undefined {
  const inGroup = (t: ResourceType) => group === undefined || t.group === group;
  const lower = resource.toLowerCase();
  const full = RESOURCE_TYPES.find((t) => inGroup(t) && extra(t) && (t.resource === lower || t.singular === lower));
  if (full) return full;
  const short = RESOURCE_TYPES.find((t) => inGroup(t) && extra(t) && t.shortNames.includes(resource));
  if (short || group === undefined) return short;
  return RESOURCE_TYPES.find((t) => t.group.startsWith(group) && extra(t) && t.shortNames.includes(resource));
}

/** The type names a category (`all`) stands for, as `resource[.group]` (category expander). */
function expandCategories(arg: string): string {
  return arg
    .split(',')
    .map((part) => {
      const members = RESOURCE_TYPES.filter((t) => t.categories.includes(part));
      return members.length === 0 ? part : members.map((t) => (t.group ? `${t.resource}.${t.group}` : t.resource)).join(',');
    })
    .join(',');
}

/**
 * Reads the positional arguments of get/describe/delete/label...: `TYPE`, `TYPE NAME...`,
 * `TYPE1,TYPE2 NAME` (each type gets the names), or `TYPE/NAME...` — not mixed. Objects of
 * one type named one after another form one group; kubectl prints a header per group.
 */
export function resolveResourceArgs(args: readonly string[]): ResourceArgs {
  const normalized = normalizeMultipleResourcesArgs(args);
  const slashes = normalized.filter((a) => a.includes('/')).length;
  if (slashes > 0 && slashes !== normalized.length) {
    return {
      ok: false,
      error:
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    };
  }
  if (slashes > 0) return resolveTuples(normalized);
  if (normalized.length === 0) return { ok: true, groups: [] };

  const typeArgs = splitResourceArgument(expandCategories(normalized[0]!));
  const names = normalized.slice(1);
  const groups: ResourceGroup[] = [];
  for (const arg of typeArgs) {
    const type = resolveResourceType(arg);
    if (!type) return unknownType(arg);
    groups.push({ type, names });
  }
  // builder.visitByName: names need exactly one type (`kubectl get all web`).
  if (names.length > 0 && groups.length > 1) return { ok: false, error: 'you must provide a resource and a resource name together' };
  return { ok: true, groups };
}

/** `deploy,svc web api` -> `deploy/web deploy/api svc/web svc/api` (normalizeMultipleResourcesArgs). */
function normalizeMultipleResourcesArgs(args: readonly string[]): string[] {
  if (args.length < 2) return [...args];
  const types = splitResourceArgument(args[0]!);
  if (types.length < 2) return [...args];
  return types.flatMap((t) => args.slice(1).map((name) => `${t}/${name}`));
}

function resolveTuples(args: readonly string[]): ResourceArgs {
  const groups: { type: ResourceType; names: string[] }[] = [];
  for (const arg of args) {
    const segments = arg.split('/');
    if (segments.length !== 2) return { ok: false, error: 'arguments in resource/name form may not have more than one slash' };
    const [resource, name] = segments as [string, string];
    if (!resource || !name || splitResourceArgument(resource).length !== 1) {
      return { ok: false, error: 'arguments in resource/name form must have a single resource and name' };
    }
    const type = resolveResourceType(resource);
    if (!type) return unknownType(resource);
    const last = groups[groups.length - 1];
    if (last && last.type === type) last.names.push(name);
    else groups.push({ type, names: [name] });
  }
  return { ok: true, groups };
}

/** mappingFor's error names the resource part only: `foo.bar` -> "foo". */
function unknownType(arg: string): ResourceArgs {
  const dot = arg.indexOf('.');
  const resource = dot < 0 ? arg : arg.slice(0, dot);
  return { ok: false, error: `the server doesn't have a resource type "${resource}"` };
}
