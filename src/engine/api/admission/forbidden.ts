/**
 * admission.NewForbidden: how a plugin's refusal reaches the client,
 * `pods "nginx" is forbidden: <why>` — the object's name, or its generateName
 * (`pods "web-5d8f7c9b6-" is forbidden: …`, as ReplicaSet events show), or `Unknown`.
 */
import { resourceType, type ResourceType } from '../discovery.js';
import { forbidden } from '../errors.js';
import type { AdmissionRequest } from '../pipeline.js';
import { clone } from '../store.js';
import type { StatusError } from '../types.js';

function typeOf(resource: string): ResourceType {
  return (
    resourceType(resource) ?? {
      resource,
      singular: resource,
      kind: resource,
      group: '',
      version: 'v1',
      namespaced: true,
      shortNames: [],
      verbs: [],
      subresources: [],
      hasGeneration: false,
      hasStatus: false,
      categories: [],
    }
  );
}

/** The Forbidden a plugin answers with, worded and detailed as the real server's. */
export function admissionForbidden(req: Pick<AdmissionRequest, 'resource' | 'object'>, why: string): StatusError {
  const t = typeOf(req.resource);
  const name = req.object?.metadata?.name || req.object?.metadata?.generateName || 'Unknown';
  const qualified = t.group ? `${t.resource}.${t.group}` : t.resource;
  return forbidden(`${qualified} "${name}" is forbidden: ${why}`, t, name);
}

/** A mutable deep copy of the request's object, for plugins that change it. */
export function copyObject<T>(obj: T): T {
  return clone(obj);
}
