/**
 * The Events section every describer ends with (describe.go searchEvents + DescribeEvents).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { DescribeContext } from './context.js';
import { since } from './format.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './tabbed.js';

/** Options for matching events to their object. */
export interface EventSearch {
  /** Match involvedObject.kind too. The pod describer clears the kind, so pods skip it. */
  readonly matchKind?: boolean;
  /** Extra UIDs that also count (the node describer adds the node's name: kubelets use it). */
  readonly extraUids?: readonly string[];
}

/**
 * The events about an object, as searchEvents' field selector finds them:
 * involvedObject name and namespace, kind (unless told not to) and uid. An event whose
 * involvedObject carries no uid matches on the rest, so engine events without uids still show.
 */
export function eventsFor(obj: KubeObject, ctx: DescribeContext, search: EventSearch = {}): KubeObject[] {
  const namespace = obj.metadata.namespace ?? '';
  const uids = [obj.metadata.uid, ...(search.extraUids ?? [])].filter((u): u is string => !!u);
  const candidates = namespace ? ctx.list('events', namespace) : ctx.list('events');
  return candidates.filter((e) => {
    const io = e.involvedObject ?? {};
    if (io.name !== obj.metadata.name) return false;
    if ((io.namespace ?? '') !== namespace) return false;
    if ((search.matchKind ?? true) && io.kind !== obj.kind) return false;
    if (io.uid && uids.length > 0 && !uids.includes(io.uid)) return false;
    return true;
  });
}

const timeOf = (t: string | undefined | null): number => (t ? Date.parse(t) : Number.NEGATIVE_INFINITY);

/** The Age cell: `{first}`, or `{last} (x{count} over {first})` for repeated events. */
export function eventAge(e: KubeObject, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/**
 * DescribeEvents: `Events:  <none>`, or a flushed table sorted by lastTimestamp ascending
 * (event.SortableEvents). Flushing first gives the table its own alignment.
 */
export function describeEvents(events: readonly KubeObject[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => timeOf(a.lastTimestamp) - timeOf(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = e.source?.component || e.reportingController || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventAge(e, now)}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}

/** Finds and prints an object's events in one step, as most describers do. */
export function writeEvents(obj: KubeObject, ctx: DescribeContext, w: PrefixWriter, search?: EventSearch): void {
  describeEvents(eventsFor(obj, ctx, search), w, ctx.now);
}
