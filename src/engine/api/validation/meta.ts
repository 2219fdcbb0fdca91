/**
 * ObjectMeta validation (apimachinery/pkg/api/validation/objectmeta.go and
 * metav1 validation ValidateLabels): names, namespace, labels, annotations, and the
 * metadata fields an update may not change.
 */
import { eachInvalid, forbidden, goValue, invalidField, required, type GoValue } from './field.js';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, type NameFn } from './names.js';
import type { FieldError, ObjectMeta } from '../types.js';

/** `field is immutable` (apimachinery FieldImmutableErrorMsg). */
export const IMMUTABLE = 'field is immutable';

/** ValidateLabels: keys as qualified names, values as label values, all on one path. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...eachInvalid(path, k, isQualifiedName(k)));
    errs.push(...eachInvalid(path, v, isValidLabelValue(String(v))));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** ValidateAnnotations: keys as (lower-cased) qualified names, 256 KiB in total. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...eachInvalid(path, k, isQualifiedName(k.toLowerCase())));
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push({ type: 'TooLong', field: path, detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  return errs;
}

/** ValidateObjectMeta for a create: name or generateName, namespace scope, labels, annotations. */
export function validateObjectMeta(meta: ObjectMeta | undefined, namespaced: boolean, nameFn: NameFn, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) errs.push(...eachInvalid(`${path}.generateName`, m.generateName, nameFn(m.generateName, true)));
  if (!m.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...eachInvalid(`${path}.name`, m.name, nameFn(m.name, false)));
  if (namespaced) {
    if (!m.namespace) errs.push(required(`${path}.namespace`));
    else errs.push(...eachInvalid(`${path}.namespace`, m.namespace, nameIsDNSLabel(m.namespace, false)));
  } else if (m.namespace) {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  if (typeof m.generation === 'number' && m.generation < 0) errs.push(invalidField(`${path}.generation`, m.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}

function validateFinalizers(finalizers: readonly string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) {
    // metadata.finalizers only need to be qualified names (the server merely warns about
    // names without a domain).
    errs.push(...eachInvalid(path, f, isQualifiedName(f)));
  }
  return errs;
}

const goTime = (t: unknown): GoValue | unknown => (t === undefined || t === null ? null : t);

/** ValidateObjectMetaUpdate: identity fields are immutable; labels etc. still validated. */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, old: ObjectMeta | undefined, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (m.name !== o.name) errs.push(invalidField(`${path}.name`, m.name ?? '', IMMUTABLE));
  if ((m.namespace ?? '') !== (o.namespace ?? '')) errs.push(invalidField(`${path}.namespace`, m.namespace ?? '', IMMUTABLE));
  if (m.uid !== undefined && o.uid !== undefined && m.uid !== o.uid) errs.push(invalidField(`${path}.uid`, m.uid, IMMUTABLE));
  if (m.creationTimestamp && o.creationTimestamp && m.creationTimestamp !== o.creationTimestamp) {
    errs.push(invalidField(`${path}.creationTimestamp`, goTime(m.creationTimestamp), IMMUTABLE));
  }
  if (o.deletionGracePeriodSeconds !== undefined && m.deletionGracePeriodSeconds !== o.deletionGracePeriodSeconds) {
    errs.push(invalidField(`${path}.deletionGracePeriodSeconds`, m.deletionGracePeriodSeconds ?? goValue('null'), IMMUTABLE));
  }
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}
