/** The live Nodes pane: status, roles, pod count, and CPU/memory requested as bars. */
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { KubeObject } from '../../engine/api/types.js';
import { nodeStatusColour } from '../theme.js';
import { Pane, cell } from './pane.js';
import { bar, nodeRows } from './node-rows.js';

export interface NodesPaneProps {
  readonly nodes: readonly KubeObject[];
  readonly pods: readonly KubeObject[];
  readonly width: number;
  readonly height: number;
  readonly focused?: boolean;
}

/** Memoized: typing at the prompt re-renders the Workbench, not this pane. */
export const NodesPane = memo(function NodesPane({ nodes, pods, width, height, focused }: NodesPaneProps) {
  const rows = useMemo(() => nodeRows(nodes, pods), [nodes, pods]);
  const inner = width - 4;
  const nameW = Math.min(14, Math.max(8, ...rows.map((r) => r.name.length + 1)));
  const statusW = Math.min(27, Math.max(9, ...rows.map((r) => r.status.length + 1)));
  const rest = inner - nameW - statusW - 8;
  const barW = Math.max(2, Math.min(8, Math.floor((rest - 18) / 2)));
  return (
    <Pane title="Nodes" width={width} height={height} focused={focused}>
      <Box flexDirection="column" paddingX={1}>
        {rows.slice(0, Math.max(0, height - 2)).map((r) => (
          <Text key={r.name} wrap="truncate">
            {cell(r.name, nameW)}
            <Text color={nodeStatusColour(r.status)}>{cell(r.status, statusW)}</Text>
            {cell(`${r.pods} pods`, 8)}
            {`cpu ${bar(r.cpu, barW)} ${String(Math.round(r.cpu * 100)).padStart(3)}%  mem ${bar(r.memory, barW)} ${String(Math.round(r.memory * 100)).padStart(3)}%`}
          </Text>
        ))}
      </Box>
    </Pane>
  );
});
