/**
 * The live Pods pane: NAME, READY, STATUS (coloured by state), RESTARTS, AGE, NODE for the
 * prompt's namespace or all namespaces. Only the rows that fit are rendered, so a cluster
 * of thousands of pods stays smooth.
 */
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
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

/** Memoized: typing at the prompt re-renders the Workbench, not this pane. */
export const PodsPane = memo(function PodsPane({ pods, now, namespace, width, height, focused, offset = 0 }: PodsPaneProps) {
  const rows = useMemo(() => podRows(pods, now), [pods, now]);
  const inner = width - 4;
  const visible = Math.max(0, height - 3);
  const shown = rows.slice(offset, offset + visible);
  // NAME gets what its longest name needs; STATUS as wide as its longest word; NODE
  // (then NAMESPACE) is dropped before names get cut. The columns keep kubectl's order.
  const widths = useMemo(() => ({ name: Math.max(0, ...rows.map((r) => r.name.length + 2)), status: Math.max(0, ...rows.map((r) => r.status.length + 1)) }), [rows]);
  const statusW = Math.min(18, Math.max(8, widths.status));
  const nameNeed = Math.min(48, Math.max(8, widths.name));
  const others = 6 + statusW + 9 + 6;
  const nsW = namespace === undefined ? (inner - others - nameNeed >= 12 ? 12 : 0) : 0;
  const nodeW = inner - others - nsW - nameNeed >= 13 ? 13 : 0;
  const nameW = Math.max(8, inner - others - nsW - nodeW);
  const line = (cells: [string, number][]) => cells.map(([t, w]) => cell(t, w)).join('');
  const title = `Pods · ${namespace ?? 'all namespaces'}${rows.length > visible ? ` (${rows.length})` : ''}`;
  return (
    <Pane title={title} width={width} height={height} focused={focused}>
      <Box flexDirection="column" paddingX={1}>
        {rows.length === 0 ? (
          <Text color={muted()}>{namespace ? `No resources found in ${namespace} namespace.` : 'No resources found'}</Text>
        ) : (
          <Text bold>{line([...(nsW ? [['NAMESPACE', nsW] as [string, number]] : []), ['NAME', nameW], ['READY', 6], ['STATUS', statusW], ['RESTARTS', 9], ['AGE', 6], ...(nodeW ? [['NODE', nodeW] as [string, number]] : [])])}</Text>
        )}
        {shown.map((r) => (
          <Text key={r.key} wrap="truncate">
            {nsW ? cell(r.namespace, nsW) : ''}
            <Text bold={r.fresh}>{cell((r.fresh ? '+' : '') + r.name, nameW)}</Text>
            {cell(r.ready, 6)}
            <Text color={podStatusColour(r.status)}>{cell(r.status, statusW)}</Text>
            {cell(r.restarts, 9)}
            {cell(r.age, 6)}
            {nodeW ? cell(r.node, nodeW) : ''}
          </Text>
        ))}
      </Box>
    </Pane>
  );
});
