/**
 * The terminal pane: the scrollback of commands and their output, and the prompt
 * `controlplane $ ` with history (Up/Down), reverse search (Ctrl-R), Tab completion,
 * Ctrl-C to clear the line, and multi-line paste.
 */
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { accent, muted } from '../theme.js';
import { Pane } from '../panes/pane.js';
import { searchHistory, usePromptState } from './use-prompt-state.js';
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
  const [state, dispatch] = usePromptState(initialHistory);

  useInput(
    (input, key) => {
      if (state.search !== undefined) {
        if (key.return) dispatch({ type: 'search-accept' });
        else if (key.escape || (key.ctrl && input === 'c')) dispatch({ type: 'clear' });
        else if (key.backspace || key.delete) dispatch({ type: 'search-type', query: state.search.slice(0, -1) });
        else if (input && !key.ctrl && !key.meta) dispatch({ type: 'search-type', query: state.search + input });
        return;
      }
      if (key.upArrow) dispatch({ type: 'history-up' });
      else if (key.downArrow) dispatch({ type: 'history-down' });
      else if (key.ctrl && input === 'r') dispatch({ type: 'search-start' });
      else if (key.ctrl && input === 'c') {
        if (state.value === '') onInterrupt?.();
        dispatch({ type: 'clear' });
      } else if (key.ctrl && input === 'd') {
        if (state.value === '') onEof?.();
      } else if (key.tab && complete) {
        const c = complete(state.value);
        dispatch({ type: 'set', value: c.line });
      }
    },
    { isActive },
  );

  const submit = (value: string) => {
    dispatch({ type: 'submit' });
    onSubmit(value);
  };

  const change = (value: string) => {
    // A paste arrives as one chunk: every complete line in it is entered in order.
    if (/[\r\n]/.test(value)) {
      const parts = value.split(/\r\n|\r|\n/);
      const rest = parts.pop() ?? '';
      for (const p of parts) submit(p);
      dispatch({ type: 'set', value: rest });
      return;
    }
    if (value.includes('\t')) return;
    dispatch({ type: 'change', value });
  };

  const inner = Math.max(10, width - 4);
  const rows = wrapRows(lines, inner);
  const visible = Math.max(1, height - 3);
  const shown = rows.slice(-visible);
  const found = state.search !== undefined ? searchHistory(state.history, state.search) : undefined;
  return (
    <Pane title={title} width={width} height={height} focused={isActive}>
      <Box flexDirection="column" paddingX={1}>
        {shown.map((r, i) => (
          <Text key={`${rows.length - shown.length + i}`} color={COLOURS[r.kind]()} wrap="truncate">
            {r.text === '' ? ' ' : r.text}
          </Text>
        ))}
        {state.search !== undefined ? (
          <Text>{`(reverse-i-search)'${state.search}': ${found ?? ''}`}</Text>
        ) : (
          <Box>
            <Text color={accent()}>{prompt}</Text>
            <TextInput key={state.revision} value={state.value} onChange={change} onSubmit={submit} focus={isActive} />
          </Box>
        )}
      </Box>
    </Pane>
  );
}
