/**
 * How checks name and fetch objects: kinds resolved through discovery (Kind, plural,
 * singular or short name), `deployment/web` labels as kubectl's resource/name form, and
 * reads through the API as the admin.
 */
import type { ApiClient } from '../../engine/api/client.js';
import { RESOURCE_TYPES, typeForKind, resourceType, type ResourceType } from '../../engine/api/discovery.js';
import type { KubeObject } from '../../engine/api/types.js';

/** The namespace a check reads when it names none. */
export const DEFAULT_NAMESPACE = 'default';

/** The type a lesson means by `Deployment`, `deployments`, `deployment` or `deploy`. */
export function resolveKind(kind: string): ResourceType | undefined {
  const lower = kind.toLowerCase();
  return (
    typeForKind(kind) ??
    resourceType(lower) ??
    RESOURCE_TYPES.find((t) => t.singular === lower || t.shortNames.includes(lower) || t.kind.toLowerCase() === lower)
  );
}

/** `deployment/web`, with ` in namespace dev` when the namespace is not `default`. */
export function label(t: ResourceType, name: string, namespace: string | undefined): string {
  const where = t.namespaced && namespace && namespace !== DEFAULT_NAMESPACE ? ` in namespace ${namespace}` : '';
  return `${t.singular}/${name}${where}`;
}

/** The namespace to read for a type: the given one, `default`, or none for cluster-scoped kinds. */
export function namespaceFor(t: ResourceType, namespace: string | undefined): string | undefined {
  return t.namespaced ? (namespace ?? DEFAULT_NAMESPACE) : undefined;
}

/** Reads one object, undefined when it does not exist (any other failure too: checks only report state). */
export function fetch(api: ApiClient, t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
  const r = api.get(t.resource, namespaceFor(t, namespace), name);
  return r.ok ? r.value : undefined;
}

/** Lists objects of a resource in a namespace, optionally by label selector; empty on failure. */
export function listObjects(api: ApiClient, resource: string, namespace: string | undefined, labelSelector?: string): readonly KubeObject[] {
  const r = api.list(resource, { namespace, ...(labelSelector ? { labelSelector } : {}) });
  return r.ok ? r.value.items : [];
}

/** Whether an object is on its way out (kubectl shows it as Terminating). */
export function terminating(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}
