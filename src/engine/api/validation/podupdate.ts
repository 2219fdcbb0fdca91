/**
 * Pod validation: ValidatePodCreate and ValidatePodUpdate, whose one famous rule is that
 * a running pod's spec is immutable apart from images, activeDeadlineSeconds, added
 * tolerations and a negative terminationGracePeriodSeconds.
 */
import { forbidden, index, required } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { nameIsDNSSubdomain } from './names.js';
import { validatePodSpec } from './pod.js';
import { semanticEqual } from './equal.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** The message of ValidatePodUpdate with InPlacePodVerticalScaling off (v1.30's default). */
export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidatePodCreate. */
export function validatePod(pod: KubeObject): FieldError[] {
  return [...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain), ...validatePodSpec(pod.spec, 'spec')];
}

const goFieldName = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * A short rendering of what changed, in the spirit of the cmp.Diff the server appends
 * (the real diff prints Go structs; this one prints the changed fields as JSON).
 */
function specDiff(old: Obj, next: Obj): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const lines = ['  core.PodSpec{'];
  let same = 0;
  const flush = (): void => {
    if (same > 0) lines.push(`  \t... // ${same} identical field${same === 1 ? '' : 's'}`);
    same = 0;
  };
  for (const k of keys) {
    if (semanticEqual(old[k], next[k])) {
      same++;
      continue;
    }
    flush();
    if (old[k] !== undefined) lines.push(`- \t${goFieldName(k)}: ${JSON.stringify(old[k])},`);
    if (next[k] !== undefined) lines.push(`+ \t${goFieldName(k)}: ${JSON.stringify(next[k])},`);
  }
  flush();
  lines.push('  }');
  return lines.join('\n') + '\n';
}

const containerList = (spec: Obj, field: string): Obj[] => (Array.isArray(spec[field]) ? spec[field] : []);

/** ValidatePodUpdate. */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodSpec(pod.spec, 'spec'));
  const spec: Obj = pod.spec ?? {};
  const oldSpec: Obj = old.spec ?? {};
  for (const field of ['containers', 'initContainers']) {
    const next = containerList(spec, field);
    const prev = containerList(oldSpec, field);
    if (next.length !== prev.length) {
      errs.push(forbidden(`spec.${field}`, 'pod updates may not add or remove containers'));
      return errs;
    }
    next.forEach((c, i) => {
      if (!c.image) errs.push(required(`${index(`spec.${field}`, i)}.image`));
    });
  }
  if (semanticEqual(spec, oldSpec)) return errs;
  // Copy the updatable fields from the new spec onto the old; anything else left over is forbidden.
  const munged: Obj = { ...spec };
  for (const field of ['containers', 'initContainers']) {
    munged[field] = containerList(spec, field).map((c, i) => ({ ...c, image: containerList(oldSpec, field)[i]?.image }));
    if (spec[field] === undefined) delete munged[field];
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  const oldTolerations: Obj[] = oldSpec.tolerations ?? [];
  const onlyAdded = oldTolerations.every((t) => (spec.tolerations ?? []).some((n: Obj) => semanticEqual(n, t)));
  if (onlyAdded) munged.tolerations = oldSpec.tolerations;
  if (typeof oldSpec.terminationGracePeriodSeconds === 'number' && oldSpec.terminationGracePeriodSeconds < 0 && spec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  for (const k of Object.keys(munged)) if (munged[k] === undefined) delete munged[k];
  if (!semanticEqual(munged, oldSpec)) errs.push(forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(oldSpec, munged)}`));
  return errs;
}
