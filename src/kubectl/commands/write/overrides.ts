/**
 * `--overrides` and `--override-type` of `kubectl run` and `kubectl expose`
 * (cmdutil.OverrideOptions): the generated object patched by an inline JSON merge patch
 * (the default), strategic merge patch or RFC 6902 JSON patch before it is sent.
 */
import { applyPatch } from '../../../engine/api/patch.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { goJsonError } from '../../yaml-errors.js';

/** The overridden object, or kubectl's error text. */
export function applyOverrides(obj: KubeObject, flags: ParsedFlags): { ok: true; object: KubeObject } | { ok: false; error: string } {
  const overrides = flags.string('overrides');
  if (!overrides) return { ok: true, object: obj };
  const type = flags.string('override-type') || 'merge';
  if (type !== 'json' && type !== 'merge' && type !== 'strategic') return { ok: false, error: `invalid override type: ${type}` };
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    // evanphx MergePatch, strategicpatch's handleUnmarshal, and json.Unmarshal in DecodePatch.
    const error = type === 'merge' ? 'Invalid JSON Patch' : type === 'strategic' ? 'invalid JSON document' : goJsonError(overrides, e);
    return { ok: false, error };
  }
  if (type === 'merge' && (typeof patch !== 'object' || patch === null || Array.isArray(patch))) return { ok: false, error: 'Invalid JSON Patch' };
  const r = applyPatch(obj, patch, type);
  return r.ok ? { ok: true, object: r.value } : { ok: false, error: r.error.message };
}
