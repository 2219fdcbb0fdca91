/**
 * `kubectl events` (cmd/events): LAST SEEN, TYPE, REASON, OBJECT (`Kind/name`), MESSAGE,
 * oldest first; `--for TYPE/NAME`, `--types`, `-A`. `-w` prints the table, then new and
 * updated events for FOLLOW_WINDOW_MS of virtual time.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { resolveResourceType } from '../../args/resources.js';
import { printError } from '../../errors.js';
import { age } from '../../printers/duration.js';
import { formatTable } from '../../printers/tabwriter.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { FOLLOW_WINDOW_MS } from './logs.js';
import { EVENTS_SPEC } from './specs/cluster.js';
import { openSession, WAIT_STEP_MS } from './support.js';

/** The time kubectl sorts an event by: series last observed, else lastTimestamp, else eventTime. */
function eventTime(e: KubeObject): number {
  return Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
}

/** getInterval: `5s`, or `5s (x3 over 2m)` for repeated events. */
export function interval(e: KubeObject, now: number): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** One row of the table. */
export function eventRow(e: KubeObject, now: number, allNamespaces: boolean): string[] {
  const o = e.involvedObject ?? {};
  return [...(allNamespaces ? [e.metadata.namespace ?? ''] : []), interval(e, now), e.type ?? '', e.reason ?? '', `${o.kind ?? ''}/${o.name ?? ''}`, String(e.message ?? '').trim()];
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const all = flags.bool('all-namespaces');
  const types = flags.list('types');
  for (const t of types) if (!['normal', 'warning'].includes(t.toLowerCase())) return printError(io, `valid --types are Normal or Warning`);
  let forKind: string | undefined;
  let forName: string | undefined;
  const forArg = flags.string('for');
  if (forArg) {
    const [typeArg, name] = forArg.split('/') as [string, string | undefined];
    const type = resolveResourceType(typeArg);
    if (!type) return printError(io, `the server doesn't have a resource type "${typeArg}"`);
    if (!name) return printError(io, `--for must be in resource/name form`);
    forKind = type.kind;
    forName = name;
  }
  const list = client.list('events', all ? {} : { namespace });
  if (!list.ok) return printError(io, list.error);
  const wanted = (e: KubeObject) =>
    (!forKind || (e.involvedObject?.kind === forKind && e.involvedObject?.name === forName)) &&
    (types.length === 0 || types.some((t) => t.toLowerCase() === String(e.type ?? '').toLowerCase()));
  const events = list.value.items.filter(wanted).sort((a, b) => eventTime(a) - eventTime(b));
  const now = env.now();
  const header = flags.bool('no-headers') ? [] : [[...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
  if (events.length === 0 && !flags.bool('watch')) {
    io.err(all ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`);
    return 0;
  }
  io.out(formatTable([...header, ...events.map((e) => eventRow(e, now, all))]));
  if (flags.bool('watch')) {
    const seen = new Map(list.value.items.map((e) => [e.metadata.uid, e.metadata.resourceVersion]));
    const deadline = env.now() + FOLLOW_WINDOW_MS;
    while (env.now() < deadline) {
      env.advance(Math.min(WAIT_STEP_MS, deadline - env.now()));
      const next = client.list('events', all ? {} : { namespace });
      if (!next.ok) break;
      const changed = next.value.items.filter((e) => seen.get(e.metadata.uid) !== e.metadata.resourceVersion && wanted(e)).sort((a, b) => eventTime(a) - eventTime(b));
      for (const e of changed) {
        seen.set(e.metadata.uid, e.metadata.resourceVersion);
        io.out(formatTable([eventRow(e, env.now(), all)]));
      }
    }
  }
  return 0;
}

/** `kubectl events`. */
export const eventsCommand: CommandModule = { path: ['events'], spec: EVENTS_SPEC, run };
