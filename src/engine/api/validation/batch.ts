/**
 * batch/v1 validation (pkg/apis/batch/validation/validation.go): Job and CronJob.
 */
import { cronScheduleError } from './cron.js';
import { semanticEqual } from './equal.js';
import { goLabelSelector, goValue, invalidField, nonNegative, notSupported, required } from './field.js';
import { IMMUTABLE, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { nameIsDNSSubdomain } from './names.js';
import { validatePodTemplateSpec } from './pod.js';
import { selectorMatchesTemplate, validateLabelSelector } from './selector.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** The template rules of validateJobSpec, shared with a CronJob's jobTemplate. */
function validateJobTemplateBody(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    errs.push(...nonNegative(`${path}.${f}`, spec[f]));
  }
  if (spec.completionMode === 'Indexed' && spec.completions == null) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const policy = spec.template?.spec?.restartPolicy;
  // Defaulting turns an unset restartPolicy into Always, so both read as "not chosen".
  if (policy === 'Always' || !policy) errs.push(required(`${path}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never') errs.push(notSupported(`${path}.template.spec.restartPolicy`, policy, ['OnFailure', 'Never']));
  return errs;
}

/**
 * validateGeneratedSelector: with a generated selector the template must carry this Job's
 * controller-uid and job-name labels. Skipped until the Job has its uid.
 */
function validateGeneratedSelector(job: KubeObject): FieldError[] {
  const spec: Obj = job.spec ?? {};
  const uid = job.metadata.uid;
  if (spec.manualSelector === true || !uid) return [];
  const labels: Record<string, string> | undefined = spec.template?.metadata?.labels;
  if (!labels) return [required('spec.template.metadata.labels')];
  if (!spec.selector) return [];
  const errs: FieldError[] = [];
  const name = job.metadata.name ?? '';
  const expected = [['controller-uid', uid], ['job-name', name], ['batch.kubernetes.io/controller-uid', uid], ['batch.kubernetes.io/job-name', name]] as const;
  for (const [key, want] of expected) {
    // ValidateHasLabel: Required carries the expected value; Invalid prints the whole map.
    if (!(key in labels)) errs.push(required(`spec.template.metadata.labels[${key}]`, want));
    else if (labels[key] !== want) errs.push(invalidField(`spec.template.metadata.labels[${key}]`, labels, `must be '${want}'`));
  }
  const matchLabels = spec.selector.matchLabels ?? {};
  const sel = Object.entries(matchLabels).every(([k, v]) => k === 'batch.kubernetes.io/controller-uid' ? v === uid : false);
  if (!sel || (spec.selector.matchExpressions?.length ?? 0) > 0) {
    errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  }
  return errs;
}

/** ValidateJob. */
export function validateJob(job: KubeObject): FieldError[] {
  const spec: Obj = job.spec ?? {};
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobTemplateBody(spec, 'spec'));
  if (!spec.selector) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (spec.selector) errs.push(...selectorMatchesTemplate(spec.selector, spec.template, 'spec.template'));
  return errs;
}

/** ValidateJobUpdate: selector, template (unless suspended), completionMode are immutable. */
export function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  errs.push(...validateJobTemplateBody(job.spec ?? {}, 'spec'));
  const spec: Obj = job.spec ?? {};
  const prev: Obj = old.spec ?? {};
  if (!semanticEqual(spec.selector, prev.selector)) errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), IMMUTABLE));
  // A suspended Job that never started may have its scheduling directives changed; this
  // engine keeps the simpler rule that the template is fixed unless the Job is suspended.
  if (!semanticEqual(spec.template, prev.template) && !(prev.suspend === true && spec.suspend === true)) {
    errs.push(invalidField('spec.template', goValue('core.PodTemplateSpec{...}'), IMMUTABLE));
  }
  if (spec.completionMode !== prev.completionMode) errs.push(invalidField('spec.completionMode', spec.completionMode ?? '', IMMUTABLE));
  if (spec.completions !== prev.completions && spec.completionMode !== 'Indexed') errs.push(invalidField('spec.completions', spec.completions ?? goValue('null'), IMMUTABLE));
  return errs;
}

/** ValidateCronJobCreate. */
export function validateCronJob(cj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain);
  // Job names get an 11-character suffix and must stay DNS-1035 labels (63).
  if ((cj.metadata.name ?? '').length > 52) errs.push(invalidField('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  errs.push(...validateCronJobSpec(cj.spec ?? {}));
  return errs;
}

function validateCronJobSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const schedule: string = spec.schedule ?? '';
  if (!schedule) errs.push(required('spec.schedule'));
  else {
    const err = cronScheduleError(schedule);
    if (err) errs.push(invalidField('spec.schedule', schedule, err));
    if (schedule.includes('TZ')) errs.push(invalidField('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  errs.push(...nonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
  const jt: Obj = spec.jobTemplate ?? {};
  errs.push(...validateLabelsOfTemplate(jt));
  errs.push(...validateJobTemplateBody(jt.spec ?? {}, 'spec.jobTemplate.spec'));
  errs.push(...nonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit));
  errs.push(...nonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));
  return errs;
}

function validateLabelsOfTemplate(jt: Obj): FieldError[] {
  const sel = jt.spec?.selector;
  return sel ? validateLabelSelector(sel, 'spec.jobTemplate.spec.selector') : [];
}

/** ValidateCronJobUpdate: the spec rules again (a CronJob's spec is fully mutable). */
export function validateCronJobUpdate(cj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(cj.metadata, old.metadata), ...validateCronJobSpec(cj.spec ?? {})];
}
