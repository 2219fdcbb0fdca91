/**
 * The terminal pane: the scrollback of commands and their output, and the prompt
 * `controlplane $ ` with history (Up/Down), reverse search (Ctrl-R), Tab completion,
 * Ctrl-C to clear the line, and multi-line paste.
 */
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import { accent, muted } from '../theme.js';
import { Pane } from '../panes/pane.js';
import { PromptLine } from './PromptLine.js';
import type { Completion } from './completion.js';

/** One line of scrollback. */
export interface ScrollbackLine {
  readonly kind: 'command' | 'stdout' | 'stderr' | 'info' | 'success';
  readonly text: string;
}

export interface TerminalPaneProps {
  readonly lines: readonly ScrollbackLine[];
  readonly width: number;
  readonly height: number;
  /** The prompt: `controlplane $ `, or `> ` while a heredoc is open. */
  readonly prompt: string;
  /** Called with each complete line the learner enters. */
  readonly onSubmit: (line: string) => void;
  /** Offers completions for the current line. */
  readonly complete?: (line: string) => Completion;
  /** Ctrl-D on an empty line. */
  readonly onEof?: () => void;
  /** Ctrl-C on an empty line (the app asks twice before quitting). */
  readonly onInterrupt?: () => void;
  readonly isActive?: boolean;
  readonly title?: string;
  /** Earlier commands for Up/Down (a resumed lesson). */
  readonly initialHistory?: readonly string[];
}

const COLOURS: Record<ScrollbackLine['kind'], () => string | undefined> = {
  command: () => undefined,
  stdout: () => undefined,
  stderr: () => (muted() ? 'red' : undefined),
  info: muted,
  success: () => (accent() ? 'green' : undefined),
};

/** Splits scrollback text into display rows no wider than the pane. */
export function wrapRows(lines: readonly ScrollbackLine[], width: number): ScrollbackLine[] {
  const rows: ScrollbackLine[] = [];
  for (const l of lines) {
    for (const part of l.text.split('\n')) {
      if (part.length <= width) rows.push({ kind: l.kind, text: part });
      else for (let i = 0; i < part.length; i += width) rows.push({ kind: l.kind, text: part.slice(i, i + width) });
    }
  }
  return rows;
}

export function TerminalPane({ lines, width, height, prompt, onSubmit, complete, onEof, onInterrupt, isActive = true, title = 'Terminal', initialHistory }: TerminalPaneProps) {
  const inner = Math.max(10, width - 4);
  const rows = useMemo(() => wrapRows(lines, inner), [lines, inner]);
  const visible = Math.max(1, height - 3);
  return (
    <Pane title={title} width={width} height={height} focused={isActive}>
      <Box flexDirection="column" paddingX={1}>
        <Scrollback rows={rows} visible={visible} />
        <PromptLine
          prompt={prompt}
          onSubmit={onSubmit}
          isActive={isActive}
          {...(complete ? { complete } : {})}
          {...(onEof ? { onEof } : {})}
          {...(onInterrupt ? { onInterrupt } : {})}
          {...(initialHistory ? { initialHistory } : {})}
        />
      </Box>
    </Pane>
  );
}

/** The last `visible` rows of scrollback; memoized, so typing does not redraw it. */
const Scrollback = memo(function Scrollback({ rows, visible }: { rows: readonly ScrollbackLine[]; visible: number }) {
  const shown = rows.slice(-visible);
  return (
    <>
      {shown.map((r, i) => (
        <Text key={`${rows.length - shown.length + i}`} color={COLOURS[r.kind]()} wrap="truncate">
          {r.text === '' ? ' ' : r.text}
        </Text>
      ))}
    </>
  );
});
