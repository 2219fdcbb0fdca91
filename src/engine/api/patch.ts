/**
 * PATCH bodies as the API server applies them (apiserver/pkg/endpoints/handlers/patch.go):
 * JSON merge patch (RFC 7386), JSON patch (RFC 6902, via fast-json-patch) and strategic
 * merge patch driven by the schema's merge keys; plus the three-way patch kubectl apply
 * computes. Failures come back as the Status the real server answers.
 */
import fastJsonPatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { badRequest } from './errors.js';
import { definitionNameForKind, typeNode } from './schema/model.js';
import { mergeMap, StrategicMergeError, type Slot } from './schema/strategic.js';
import { threeWayPatch } from './schema/three-way.js';
import { fail, ok, type KubeObject, type Result, type StatusError } from './types.js';

/** The patch types kubectl's `--type` names. */
export type PatchType = 'merge' | 'json' | 'strategic';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * evanphx/json-patch failures reach the client as a bare 422 (NewGenericServerResponse
 * drops the detail); kubectl prints `The request is invalid: the server rejected our
 * request due to an error in our request`.
 */
export const JSON_PATCH_REJECTED: StatusError = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: 'the server rejected our request due to an error in our request',
  reason: 'Invalid',
  code: 422,
  details: {},
};

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, everything else replaces. */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

/** The schema slot of a kind's top level, for strategic merge. Unknown kinds merge like JSON. */
export function kindSlot(kind: string, apiVersion?: string): Slot {
  const name = definitionNameForKind(kind, apiVersion);
  return name ? { node: typeNode(`@${name}`) } : {};
}

function applyJsonPatch(obj: KubeObject, patch: unknown): Result<KubeObject> {
  if (!Array.isArray(patch)) return fail(badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch'));
  try {
    const result = fastJsonPatch.applyPatch(structuredClone(obj), patch as Operation[], true, true);
    return ok(result.newDocument as KubeObject);
  } catch {
    return fail(JSON_PATCH_REJECTED);
  }
}

/**
 * Applies a patch body to an object, returning the patched copy (the input is not
 * modified). `kind` picks the schema for strategic merge (defaults to the object's kind).
 */
export function applyPatch(obj: KubeObject, patch: unknown, type: PatchType, kind: string = obj.kind): Result<KubeObject> {
  switch (type) {
    case 'json':
      return applyJsonPatch(obj, patch);
    case 'merge':
      if (!isObj(patch)) return fail(badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}'));
      return ok(jsonMergePatch(obj, patch) as KubeObject);
    case 'strategic':
      if (!isObj(patch)) return fail(badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}'));
      try {
        return ok(mergeMap(obj, patch, kindSlot(kind, obj.apiVersion)) as KubeObject);
      } catch (e) {
        // A missing merge key is not one of the errors the handler maps to 400/422, so it
        // surfaces as a plain server error: `Error from server: map: ... merge key: name`.
        if (e instanceof StrategicMergeError) return fail({ ...badRequest(e.message), reason: 'InternalError', code: 500 });
        throw e;
      }
  }
}

/**
 * The strategic merge patch `kubectl apply` sends (CreateThreeWayMergePatch): fields
 * changed or added in `modified` relative to `live`, and fields present in `lastApplied`
 * but removed from `modified` set to null / `$patch: delete`. Fields set only on the live
 * object are kept. An empty object means the apply is `unchanged`.
 */
export function threeWayMerge(lastApplied: KubeObject | undefined, modified: KubeObject, live: KubeObject, kind: string = modified.kind): Obj {
  return threeWayPatch(lastApplied, modified, live, kindSlot(kind, modified.apiVersion));
}
