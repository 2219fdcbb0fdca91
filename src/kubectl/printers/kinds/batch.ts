/** `kubectl get` tables for the batch group: jobs and cronjobs. */
import type { KubeObject } from '../../../engine/api/types.js';
import { humanDuration } from '../duration.js';
import { age, boolPtr, containerCells, formatLabelSelector, int } from '../cells.js';
import { col, name, wide, type PrinterTable } from '../printer-table.js';

const hasCondition = (job: KubeObject, type: string): boolean =>
  ((job.status?.conditions ?? []) as { type: string; status: string }[]).find((c) => c.type === type)?.status === 'True';

/** Job STATUS, first match wins (printJob, 1.30+). */
export function jobStatus(job: KubeObject): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** Job COMPLETIONS: `succ/completions`, `n/1 of P` with parallelism > 1, else `n/1`. */
export function jobCompletions(job: KubeObject): string {
  const succeeded = int(job.status?.succeeded);
  if (typeof job.spec?.completions === 'number') return `${succeeded}/${job.spec.completions}`;
  const parallelism = typeof job.spec?.parallelism === 'number' ? job.spec.parallelism : 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Job DURATION: empty before start, running time, or completion - start. */
export function jobDuration(job: KubeObject, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
}

/** printJob. */
export const jobs: PrinterTable = {
  columns: [name(), col('STATUS'), col('COMPLETIONS'), col('DURATION'), col('AGE'), wide('CONTAINERS'), wide('IMAGES'), wide('SELECTOR')],
  row: (job, { now }) => [
    job.metadata.name ?? '', jobStatus(job), jobCompletions(job), jobDuration(job, now), age(job, now),
    ...containerCells(job.spec?.template?.spec?.containers), formatLabelSelector(job.spec?.selector),
  ],
};

/** printCronJob: TIMEZONE `<none>`, SUSPEND True/False/<unset>, LAST SCHEDULE `<none>` until first run. */
export const cronjobs: PrinterTable = {
  columns: [
    name(), col('SCHEDULE'), col('TIMEZONE'), col('SUSPEND'), col('ACTIVE'), col('LAST SCHEDULE'), col('AGE'),
    wide('CONTAINERS'), wide('IMAGES'), wide('SELECTOR'),
  ],
  row: (cj, { now }) => {
    const last = cj.status?.lastScheduleTime;
    const jobSpec = cj.spec?.jobTemplate?.spec ?? {};
    return [
      cj.metadata.name ?? '', cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>', boolPtr(cj.spec?.suspend),
      String((cj.status?.active ?? []).length), last ? humanDuration(now - Date.parse(last)) : '<none>', age(cj, now),
      ...containerCells(jobSpec.template?.spec?.containers), formatLabelSelector(jobSpec.selector),
    ];
  },
};
