/**
 * What `kubectl get` and `describe` fetch for their arguments, as kubectl's resource
 * builder visits them: a list per type (with -l, --field-selector, -n or -A), a GET per
 * name, or the objects named in `-f` files. Errors are collected, not fatal, so found
 * objects still print (ContinueOnError).
 */
import type { ApiClient } from '../../../../engine/api/client.js';
import type { ResourceType } from '../../../../engine/api/discovery.js';
import type { KubeObject } from '../../../../engine/api/types.js';
import { resolveResourceArgs } from '../../../args/resources.js';
import { readManifests, type CommandError, type ValidationDirective } from '../../../common.js';
import type { KubectlEnv } from '../../../types.js';

/** Objects of one type, in the order the server returned them. */
export interface FetchedGroup {
  readonly type: ResourceType;
  readonly objects: readonly KubeObject[];
  /** True for a list request (its table counts even when empty); false for named GETs. */
  readonly listed: boolean;
}

/** The builder's result: groups in request order, errors, and whether one item was implied. */
export interface Fetched {
  readonly groups: readonly FetchedGroup[];
  readonly errors: readonly CommandError[];
  /** One name (`get pod x`, `pod/x`) or one file: json/yaml print the object, not a List. */
  readonly singleItemImplied: boolean;
}

/** What to fetch. */
export interface FetchRequest {
  readonly args: readonly string[];
  readonly filenames: readonly string[];
  readonly recursive: boolean;
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly labelSelector: string;
  readonly fieldSelector: string;
  readonly validate?: ValidationDirective;
}

/** A usage problem found before any request (kubectl prints it after `error: `). */
export type FetchResult = { readonly ok: true; readonly value: Fetched } | { readonly ok: false; readonly error: string };

/** Resolves arguments and fetches, like resource.Builder.Do().Infos() with ContinueOnError. */
export function fetchObjects(client: ApiClient, env: KubectlEnv, req: FetchRequest): FetchResult {
  if (req.filenames.length > 0) {
    if (req.args.length > 0) return { ok: false, error: 'when paths, URLs, or stdin is provided as input, you may not specify a resource by argument as well' };
    return fetchFromFiles(client, env, req);
  }
  const resolved = resolveResourceArgs(req.args);
  if (!resolved.ok) return { ok: false, error: resolved.error };
  const named = resolved.groups.some((g) => g.names.length > 0);
  if (named && req.labelSelector) return { ok: false, error: 'name cannot be provided when a selector is specified' };
  if (named && req.allNamespaces) return { ok: false, error: 'a resource cannot be retrieved by name across all namespaces' };

  const groups: FetchedGroup[] = [];
  const errors: CommandError[] = [];
  let names = 0;
  for (const g of resolved.groups) {
    const namespace = g.type.namespaced ? req.namespace : undefined;
    if (g.names.length === 0) {
      const r = client.list(g.type.resource, {
        namespace: g.type.namespaced && !req.allNamespaces ? req.namespace : undefined,
        labelSelector: req.labelSelector || undefined,
        fieldSelector: req.fieldSelector || undefined,
      });
      if (r.ok) groups.push({ type: g.type, objects: r.value.items, listed: true });
      else errors.push(r.error);
      continue;
    }
    const objects: KubeObject[] = [];
    for (const name of g.names) {
      names++;
      const r = client.get(g.type.resource, namespace, name);
      if (r.ok) objects.push(r.value);
      else errors.push(r.error);
    }
    groups.push({ type: g.type, objects, listed: false });
  }
  return { ok: true, value: { groups, errors, singleItemImplied: names === 1 && resolved.groups.length === 1 } };
}

function fetchFromFiles(client: ApiClient, env: KubectlEnv, req: FetchRequest): FetchResult {
  const read = readManifests(env, { filenames: req.filenames, recursive: req.recursive, validate: req.validate });
  const groups: { type: ResourceType; objects: KubeObject[]; listed: boolean }[] = [];
  const errors: CommandError[] = [];
  for (const item of read.items) {
    if (!item.ok) {
      errors.push(item.error);
      continue;
    }
    const name = item.object.metadata.name ?? '';
    const namespace = item.type.namespaced ? item.object.metadata.namespace || req.namespace : undefined;
    const r = client.get(item.type.resource, namespace, name);
    const last = groups[groups.length - 1];
    const group = last && last.type === item.type ? last : (groups.push({ type: item.type, objects: [], listed: false }), groups[groups.length - 1]!);
    if (r.ok) group.objects.push(r.value);
    else errors.push(r.error);
  }
  if (read.fatal) return { ok: false, error: read.fatal };
  const single = req.filenames.length === 1 && req.filenames[0] !== '-' && env.readDir(req.filenames[0]!) === undefined;
  return { ok: true, value: { groups, errors, singleItemImplied: single } };
}

