/**
 * The live Pods pane: NAME, READY, STATUS (coloured by state), RESTARTS, AGE, NODE for the
 * prompt's namespace or all namespaces. Only the rows that fit are rendered, so a cluster
 * of thousands of pods stays smooth.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { KubeObject } from '../../engine/api/types.js';
import { podStatusColour, muted } from '../theme.js';
import { Pane, cell } from './pane.js';
import { podRows } from './pod-rows.js';

export interface PodsPaneProps {
  readonly pods: readonly KubeObject[];
  readonly now: number;
  /** `undefined` means all namespaces. */
  readonly namespace: string | undefined;
  readonly width: number;
  readonly height: number;
  readonly focused?: boolean;
  /** First row shown (scrolling). */
  readonly offset?: number;
}

export function PodsPane({ pods, now, namespace, width, height, focused, offset = 0 }: PodsPaneProps) {
  const rows = useMemo(() => podRows(pods, now), [pods, now]);
  const inner = width - 4;
  const visible = Math.max(0, height - 3);
  const shown = rows.slice(offset, offset + visible);
  // Column widths shrink NAME first; the rest keep kubectl's order.
  const nodeW = inner >= 60 ? 13 : 0;
  const fixed = 6 + 17 + 9 + 6 + nodeW;
  const nsW = namespace === undefined ? Math.min(12, Math.max(0, inner - fixed - 12)) : 0;
  const nameW = Math.max(8, inner - fixed - nsW);
  const line = (cells: [string, number][]) => cells.map(([t, w]) => cell(t, w)).join('');
  const title = `Pods · ${namespace ?? 'all namespaces'}${rows.length > visible ? ` (${rows.length})` : ''}`;
  return (
    <Pane title={title} width={width} height={height} focused={focused}>
      <Box flexDirection="column" paddingX={1}>
        {rows.length === 0 ? (
          <Text color={muted()}>{namespace ? `No resources found in ${namespace} namespace.` : 'No resources found'}</Text>
        ) : (
          <Text bold>{line([...(nsW ? [['NAMESPACE', nsW] as [string, number]] : []), ['NAME', nameW], ['READY', 6], ['STATUS', 17], ['RESTARTS', 9], ['AGE', 6], ...(nodeW ? [['NODE', nodeW] as [string, number]] : [])])}</Text>
        )}
        {shown.map((r) => (
          <Text key={r.key} wrap="truncate">
            {nsW ? cell(r.namespace, nsW) : ''}
            <Text bold={r.fresh}>{cell((r.fresh ? '+' : '') + r.name, nameW)}</Text>
            {cell(r.ready, 6)}
            <Text color={podStatusColour(r.status)}>{cell(r.status, 17)}</Text>
            {cell(r.restarts, 9)}
            {cell(r.age, 6)}
            {nodeW ? cell(r.node, nodeW) : ''}
          </Text>
        ))}
      </Box>
    </Pane>
  );
}
