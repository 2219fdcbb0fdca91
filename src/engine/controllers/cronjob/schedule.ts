/**
 * CronJob schedule arithmetic (pkg/controller/cronjob/utils.go): the most recent missed
 * start time, the next one, job names from scheduled times, and the scheduled-timestamp
 * annotation, all in the CronJob's time zone and on virtual time.
 */
import { CronExpressionParser } from 'cron-parser';
import type { KubeObject } from '../../api/types.js';

/** The schedule without a TZ=/CRON_TZ= prefix, and the zone it runs in (UTC by default). */
function parts(cj: KubeObject): { expr: string; tz: string } {
  let expr = String(cj.spec?.schedule ?? '').trim();
  let tz = cj.spec?.timeZone || 'UTC';
  const m = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(expr);
  if (m) {
    tz = m[1]!;
    expr = m[2]!;
  }
  return { expr, tz };
}

/** Whether the schedule and time zone parse. */
export function validSchedule(cj: KubeObject): boolean {
  try {
    const { expr, tz } = parts(cj);
    CronExpressionParser.parse(expr, { currentDate: new Date(0), tz });
    return true;
  } catch {
    return false;
  }
}

/** The first scheduled time strictly after `after` (epoch ms). */
export function nextScheduleTime(cj: KubeObject, after: number): number {
  const { expr, tz } = parts(cj);
  return CronExpressionParser.parse(expr, { currentDate: new Date(after), tz }).next().getTime();
}

/**
 * mostRecentScheduleTime: the latest scheduled time t with earliest < t <= now, where
 * earliest is the last schedule time (or creation), moved up to now - startingDeadlineSeconds;
 * `missed` counts the start times in that window up to 101 (TooManyMissedTimes at > 100).
 */
export function mostRecentScheduleTime(cj: KubeObject, now: number): { time?: number; missed: number } {
  let earliest = Date.parse(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp ?? '') || now;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline != null) earliest = Math.max(earliest, now - deadline * 1000);
  const { expr, tz } = parts(cj);
  const prev = CronExpressionParser.parse(expr, { currentDate: new Date(now + 1), tz }).prev().getTime();
  if (prev <= earliest) return { missed: 0 };
  const it = CronExpressionParser.parse(expr, { currentDate: new Date(earliest), tz });
  let missed = 0;
  for (let t = it.next().getTime(); t <= now && missed <= 100; t = it.next().getTime()) missed++;
  return { time: prev, missed };
}

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function jobNameFor(cj: KubeObject, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
}

/** RFC 3339 of an instant in the CronJob's zone: `2024-07-01T12:00:00+02:00`, or `…Z` in UTC. */
export function scheduledTimestamp(cj: KubeObject, ms: number): string {
  const { tz } = parts(cj);
  if (tz === 'UTC' || tz === 'Etc/UTC') return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offsetMin = Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
  if (offsetMin === 0) return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** time.RFC1123Z in UTC, as MissSchedule prints: `Mon, 01 Jul 2024 10:05:00 +0000`. */
export function rfc1123z(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}
