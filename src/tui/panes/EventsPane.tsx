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

/** Rows newest first, by last time seen. */
export function eventRows(events: readonly KubeObject[], now: number, limit: number): EventRow[] {
  const time = (e: KubeObject) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '') || 0;
  return [...events]
    .sort((a, b) => time(b) - time(a) || (a.metadata.name! < b.metadata.name! ? 1 : -1))
    .slice(0, limit)
    .map((e) => ({
      key: `${e.metadata.namespace}/${e.metadata.name}`,
      age: humanDuration(now - time(e)),
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      object: `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`,
      message: String(e.message ?? '').replace(/\s+/g, ' '),
    }));
}

/** Memoized: typing at the prompt re-renders the Workbench, not this pane. */
export const EventsPane = memo(function EventsPane({ events, now, width, height, focused }: EventsPaneProps) {
  const visible = Math.max(0, height - 2);
  const rows = useMemo(() => eventRows(events, now, visible), [events, now, visible]);
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
