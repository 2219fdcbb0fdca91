/** A bordered pane with a title in its top edge, sized by its parent. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { accent, muted } from '../theme.js';

export interface PaneProps {
  /** The title shown in the border, e.g. `Pods · default`. */
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** Whether the pane has the keyboard focus (drawn brighter). */
  readonly focused?: boolean;
  readonly children?: ReactNode;
}

/** The top edge with the title set into it: `╭ Pods · default ─────╮`. */
export function topEdge(title: string, width: number): string {
  const label = fit(` ${title} `, Math.max(0, width - 3)).trimEnd() + ' ';
  return `╭${label}${'─'.repeat(Math.max(0, width - 2 - label.length))}╮`;
}

export function Pane({ title, width, height, focused = false, children }: PaneProps) {
  const colour = focused ? accent() : muted();
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text color={colour} bold={focused}>
        {topEdge(title, width)}
      </Text>
      {/* Clipped vertically only: every row inside is cut to the pane's width already (wrap or
          truncate), and a horizontal clip would re-slice each row's ANSI text on every frame. */}
      <Box flexDirection="column" width={width} height={height - 1} borderStyle="round" borderTop={false} borderColor={colour} overflowY="hidden">
        {children}
      </Box>
    </Box>
  );
}

/** Cuts or pads text to exactly `width` columns, with `…` where it was cut. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
  return text.padEnd(width);
}

/** A table cell: the text fitted to `width - 1` columns and one space of gap. */
export function cell(text: string, width: number): string {
  return width <= 0 ? '' : `${fit(text, width - 1)} `;
}
