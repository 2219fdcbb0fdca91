/**
 * `kubectl api-resources` and `kubectl api-versions` over the discovery table
 * (kubectl/pkg/cmd/apiresources): what the server serves, filtered and sorted as kubectl
 * does — by group then name unless `--sort-by=name|kind`.
 */
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../../../engine/api/discovery.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../common.js';
import { formatTable } from '../../printers/tabwriter.js';
import { toJson } from '../../printers/json.js';
import { toYaml } from '../../printers/yaml.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { API_RESOURCES_SPEC, API_VERSIONS_SPEC } from './info-specs.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The `api-resources` verb. */
export const API_RESOURCES: CommandModule = { path: ['api-resources'], spec: API_RESOURCES_SPEC, run: runApiResources };
/** The `api-versions` verb. */
export const API_VERSIONS: CommandModule = { path: ['api-versions'], spec: API_VERSIONS_SPEC, run: runApiVersions };

function runApiResources(flags: ParsedFlags, _env: KubectlEnv, io: Output): number {
  if (flags.args.length > 0) return printError(io, `unexpected arguments: [${flags.args.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`);
  const output = flags.string('output');
  if (!['', 'wide', 'name', 'json', 'yaml'].includes(output)) {
    return printError(io, `unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`);
  }
  const sortBy = flags.string('sort-by');
  if (sortBy && sortBy !== 'name' && sortBy !== 'kind') return printError(io, '--sort-by accepts only name or kind');

  const verbs = flags.list('verbs');
  const categories = flags.list('categories');
  const types = RESOURCE_TYPES.filter(
    (t) =>
      (!flags.changed.has('api-group') || t.group === flags.string('api-group')) &&
      (!flags.changed.has('namespaced') || t.namespaced === flags.bool('namespaced')) &&
      verbs.every((v) => (t.verbs as readonly string[]).includes(v)) &&
      categories.every((c) => t.categories.includes(c)),
  );
  const key = (t: ResourceType) => (sortBy === 'name' ? t.resource : sortBy === 'kind' ? t.kind : t.group);
  const sorted = [...types].sort((a, b) => cmp(key(a), key(b)) || cmp(a.resource, b.resource));

  if (output === 'name') {
    io.out(sorted.map((t) => `${t.resource}${t.group ? `.${t.group}` : ''}\n`).join(''));
    return 0;
  }
  if (output === 'json' || output === 'yaml') {
    const list = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: '', resources: sorted.map(apiResource) };
    io.out(output === 'json' ? toJson(list) : toYaml(list));
    return 0;
  }
  const wide = output === 'wide';
  const rows: string[][] = flags.bool('no-headers') ? [] : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]];
  for (const t of sorted) {
    const row = [t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
    rows.push(wide ? [...row, t.verbs.join(','), t.categories.join(',')] : row);
  }
  io.out(formatTable(rows));
  return 0;
}

/** metav1.APIResource as discovery serves it. */
function apiResource(t: ResourceType): Record<string, unknown> {
  return {
    name: t.resource,
    singularName: t.singular,
    namespaced: t.namespaced,
    group: t.group,
    version: t.version,
    kind: t.kind,
    verbs: t.verbs,
    ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
    ...(t.categories.length > 0 ? { categories: t.categories } : {}),
  };
}

/** Every group/version served, sorted as `kubectl api-versions` prints them. */
export function servedVersions(): string[] {
  const versions = new Set(RESOURCE_TYPES.map(apiVersionOf));
  // The HPA is served as autoscaling/v1 too.
  versions.add('autoscaling/v1');
  return [...versions].sort(cmp);
}

function runApiVersions(_flags: ParsedFlags, _env: KubectlEnv, io: Output): number {
  io.out(servedVersions().map((v) => `${v}\n`).join(''));
  return 0;
}
