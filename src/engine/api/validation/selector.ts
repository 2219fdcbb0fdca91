/**
 * LabelSelector validation (metav1 validation ValidateLabelSelector) and the selector ↔
 * template-labels rule the workload validators share.
 */
import { matchesLabelSelector, type LabelSelector } from '../selectors.js';
import { goValue, invalidField, required, forbidden, eachInvalid } from './field.js';
import { validateLabels } from './meta.js';
import { isQualifiedName } from './names.js';
import type { FieldError } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** ValidateLabelSelector: matchLabels as labels, matchExpressions' operators and values. */
export function validateLabelSelector(sel: Obj | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []).forEach((r: Obj, i: number) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values: unknown[] = Array.isArray(r.values) ? r.values : [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalidField(`${p}.operator`, r.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...eachInvalid(`${p}.key`, r.key ?? '', isQualifiedName(String(r.key ?? ''))));
  });
  return errs;
}

/** Whether a selector has no requirements at all. */
export const selectorIsEmpty = (sel: Obj | undefined): boolean =>
  Object.keys(sel?.matchLabels ?? {}).length + (sel?.matchExpressions?.length ?? 0) === 0;

/** A template's labels as the server prints them: a map, or `map[string]string(nil)`. */
export const templateLabelsValue = (labels: Record<string, string> | undefined): unknown =>
  labels === undefined || labels === null ? goValue('map[string]string(nil)') : labels;

/**
 * `` `selector` does not match template `labels` ``. A missing selector selects nothing
 * (labels.Nothing), so it never matches; an empty one is reported elsewhere.
 */
export function selectorMatchesTemplate(sel: Obj | undefined, template: Obj | undefined, path: string): FieldError[] {
  const labels = template?.metadata?.labels as Record<string, string> | undefined;
  if (sel && selectorIsEmpty(sel)) return [];
  if (sel && matchesLabelSelector(sel as LabelSelector, labels ?? {})) return [];
  return [invalidField(`${path}.metadata.labels`, templateLabelsValue(labels), '`selector` does not match template `labels`')];
}
