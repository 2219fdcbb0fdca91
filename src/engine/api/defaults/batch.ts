/**
 * batch/v1 defaults (pkg/apis/batch/v1/defaults.go) and the selector and labels the Job
 * strategy generates at create time (pkg/registry/batch/job/strategy.go generateSelector).
 */
import { defaultPodTemplate } from './pod.js';
import { child, deepCopy, objectAt, setDefault, setDefaultString, type Obj } from './util.js';
import type { KubeObject } from '../types.js';

/** SetDefaults_Job as of v1.30 (JobPodReplacementPolicy and JobBackoffLimitPerIndex on). */
export function defaultJob(job: Obj): void {
  const spec = child(job, 'spec');
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  // With a per-index limit the global limit is effectively unlimited (MaxInt32).
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6);
  const templateLabels = objectAt(objectAt(spec.template, 'metadata'), 'labels');
  const meta = child(job, 'metadata');
  if (templateLabels && Object.keys(meta.labels ?? {}).length === 0) meta.labels = { ...templateLabels };
  setDefaultString(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed');
  defaultPodTemplate(spec.template);
}

/** SetDefaults_CronJob; the job template's pod template gets PodSpec defaults. */
export function defaultCronJob(cj: Obj): void {
  const spec = child(cj, 'spec');
  setDefaultString(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  const jobTemplate = objectAt(spec, 'jobTemplate');
  if (jobTemplate) {
    const meta = child(jobTemplate, 'metadata');
    if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
    defaultPodTemplate(objectAt(objectAt(jobTemplate, 'spec'), 'template'));
  }
}

const LEGACY_NAME = 'job-name';
const NAME = 'batch.kubernetes.io/job-name';
const LEGACY_UID = 'controller-uid';
const UID = 'batch.kubernetes.io/controller-uid';

/**
 * What the Job strategy adds on create once the uid is known, unless manualSelector is
 * true: the `job-name` and `controller-uid` labels (legacy and batch.kubernetes.io/ forms)
 * on the template, and a selector on `batch.kubernetes.io/controller-uid`. A Job whose own
 * labels were copied from its template (or were empty) ends up with the same labels as the
 * template, as the real server's shared label map and storage re-defaulting make it.
 * Returns a new object; call it after applyDefaults and before validation.
 */
export function jobCreateDefaults(job: KubeObject, uid: string): KubeObject {
  const out = deepCopy(job);
  const spec = child(out, 'spec');
  if (spec.manualSelector === true) return out;
  const template = child(spec, 'template');
  const tmeta = child(template, 'metadata');
  const before = tmeta.labels ?? {};
  const labels: Record<string, string> = { ...before };
  const name = out.metadata.name ?? '';
  for (const key of [LEGACY_NAME, NAME]) if (!(key in labels)) labels[key] = name;
  for (const key of [LEGACY_UID, UID]) if (!(key in labels)) labels[key] = uid;
  tmeta.labels = labels;
  const selector = child(spec, 'selector');
  const matchLabels = child(selector, 'matchLabels');
  if (!(UID in matchLabels)) matchLabels[UID] = uid;
  const own = out.metadata.labels ?? {};
  if (Object.keys(own).length === 0 || sameLabels(own, before)) out.metadata.labels = { ...labels };
  return out;
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
