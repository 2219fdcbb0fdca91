/**
 * Job pods (pkg/controller/job/job_controller.go and indexed_job_utils.go): the pod a Job
 * creates from its template, completion indexes, the tracking finalizer, and how a pod
 * counts (active, succeeded, failed).
 */
import type { KubeObject } from '../../api/types.js';
import { podFromTemplate } from '../pods.js';

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

/** A pod that has not finished and is not being deleted. */
export function isActive(pod: KubeObject): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/**
 * isPodFailed: Failed, or (unless podReplacementPolicy is Failed) deleted before it
 * succeeded, so that pods which never reach a terminal phase still count as failures.
 */
export function isPodFailed(pod: KubeObject, job: KubeObject): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (job.spec?.podReplacementPolicy === 'Failed') return false;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

export function hasTrackingFinalizer(pod: KubeObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);
}

/** The completion index of an Indexed Job's pod, or undefined. */
export function completionIndex(pod: KubeObject): number | undefined {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX] ?? pod.metadata.labels?.[COMPLETION_INDEX];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** The pod for one more run of the Job; Indexed Jobs pass the index it works on. */
export function jobPod(job: KubeObject, index?: number): KubeObject {
  const name = job.metadata.name!;
  const template = structuredClone(job.spec?.template ?? {});
  template.metadata = template.metadata ?? {};
  // The API server adds these labels to the template at create; keep working without them.
  if (job.spec?.manualSelector !== true) {
    const uid = job.metadata.uid!;
    template.metadata.labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name, ...(template.metadata.labels ?? {}) };
  }
  let generateName = `${name}-`;
  if (index !== undefined) {
    template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [COMPLETION_INDEX]: String(index) };
    template.metadata.labels = { ...(template.metadata.labels ?? {}), [COMPLETION_INDEX]: String(index) };
    template.spec = { ...template.spec, hostname: template.spec?.hostname || `${name}-${index}` };
    const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
    const withEnv = (c: { env?: { name: string }[] }) => ({ ...c, env: (c.env ?? []).some((e) => e.name === env.name) ? c.env : [...(c.env ?? []), env] });
    template.spec.containers = (template.spec.containers ?? []).map(withEnv);
    if (template.spec.initContainers) template.spec.initContainers = template.spec.initContainers.map(withEnv);
    generateName = `${name}-${index}-`;
  }
  const pod = podFromTemplate(template, job, generateName);
  pod.metadata.finalizers = [TRACKING_FINALIZER];
  return pod;
}

/** Parses completedIndexes (`0-2,4`) into a set. */
export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    for (let i = Number(m[1]); i <= Number(m[2] ?? m[1]); i++) out.add(i);
  }
  return out;
}

/** Formats indexes as completedIndexes does: sorted, consecutive runs as ranges. */
export function formatIndexes(indexes: ReadonlySet<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Container restarts of running or pending pods (pastBackoffLimitOnFailure). */
export function restartsOf(pods: readonly KubeObject[]): number {
  let n = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const c of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) n += c.restartCount ?? 0;
  }
  return n;
}
