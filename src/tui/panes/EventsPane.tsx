/** The live Events pane: newest first, warnings in colour, `kind/name` objects as kubectl events shows them. */
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { KubeObject } from '../../engine/api/types.js';
import { humanDuration } from '../../kubectl/printers/duration.js';
import { eventTypeColour } from '../theme.js';
import { Pane, cell } from './pane.js';

export interface EventsPaneProps {
  readonly events: readonly KubeObject[];
  readonly now: number;
  readonly width: number;
  readonly height: number;
  readonly focused?: boolean;
}

export interface EventRow {
  readonly key: string;
  readonly age: string;
  readonly type: string;
  readonly reason: string;
  readonly object: string;
  readonly message: string;
}

// Parsed once per stored event: the pane is redrawn a few times a second over thousands.
const times = new WeakMap<KubeObject, number>();
function eventTime(e: KubeObject): number {
  let t = times.get(e);
  if (t === undefined) {
    t = Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '') || 0;
    times.set(e, t);
  }
  return t;
}

// Newer first; at the same time, the later name first.
const before = (a: KubeObject, b: KubeObject) => eventTime(b) - eventTime(a) || (a.metadata.name! < b.metadata.name! ? 1 : -1);

/** The `limit` newest events, newest first, by last time seen (one pass, not a sort of all). */
export function newestEvents(events: readonly KubeObject[], limit: number): KubeObject[] {
  const top: KubeObject[] = [];
  if (limit <= 0) return top;
  for (const e of events) {
    if (top.length === limit && before(e, top[limit - 1]!) >= 0) continue;
    let i = top.length;
    while (i > 0 && before(e, top[i - 1]!) < 0) i--;
    top.splice(i, 0, e);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** One row of the pane for an event at time `now`. */
export function eventRow(e: KubeObject, now: number): EventRow {
  return {
    key: `${e.metadata.namespace}/${e.metadata.name}`,
    age: humanDuration(now - eventTime(e)),
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    object: `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`,
    message: String(e.message ?? '').replace(/\s+/g, ' '),
  };
}

/** Rows newest first, by last time seen. */
export function eventRows(events: readonly KubeObject[], now: number, limit: number): EventRow[] {
  return newestEvents(events, limit).map((e) => eventRow(e, now));
}

/** Memoized: typing at the prompt re-renders the Workbench, not this pane. */
export const EventsPane = memo(function EventsPane({ events, now, width, height, focused }: EventsPaneProps) {
  const visible = Math.max(0, height - 2);
  // The newest events change with the list, their ages with the clock.
  const newest = useMemo(() => newestEvents(events, visible), [events, visible]);
  const rows = useMemo(() => newest.map((e) => eventRow(e, now)), [newest, now]);
  const inner = width - 4;
  return (
    <Pane title="Events" width={width} height={height} focused={focused}>
      <Box flexDirection="column" paddingX={1}>
        {rows.map((r) => (
          <Text key={r.key} wrap="truncate">
            {cell(r.age, 5)}
            <Text color={eventTypeColour(r.type)}>{cell(r.type, 8)}</Text>
            {cell(r.reason, 18)}
            {cell(`${r.object} ${r.message}`, Math.max(0, inner - 31))}
          </Text>
        ))}
      </Box>
    </Pane>
  );
});
