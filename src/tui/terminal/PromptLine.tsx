/**
 * The prompt row: `controlplane $ ` and the line being typed with its cursor, or the
 * Ctrl-R search. It owns the keyboard's line editing — typing, Backspace, ←/→, Home/End,
 * Ctrl-A/E/U/K/W, history on ↑/↓, reverse search, Tab completion, Ctrl-C and Ctrl-D, and
 * multi-line paste — so a keystroke re-renders this row and nothing else. Other Ctrl keys
 * and escape sequences belong to the screen around it and never land in the line.
 */
import { Box, Text, useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';
import { accent } from '../theme.js';
import type { Completion } from './completion.js';
import { searchHistory, usePromptState, type PromptAction, type PromptState } from './use-prompt-state.js';

export interface PromptLineProps {
  /** `controlplane $ `, or `> ` while a heredoc is open. */
  readonly prompt: string;
  /** Called with each complete line entered (Enter, or each line of a paste). */
  readonly onSubmit: (line: string) => void;
  readonly complete?: (line: string) => Completion;
  /** Ctrl-D on an empty line. */
  readonly onEof?: () => void;
  /** Ctrl-C on an empty line. */
  readonly onInterrupt?: () => void;
  readonly isActive?: boolean;
  readonly initialHistory?: readonly string[];
}

const EDIT_KEYS: Record<string, PromptAction> = {
  a: { type: 'move', to: 'home' },
  e: { type: 'move', to: 'end' },
  u: { type: 'kill', what: 'before' },
  k: { type: 'kill', what: 'after' },
  w: { type: 'kill', what: 'word' },
  r: { type: 'search-start' },
};

/** Typed or pasted text as it may enter the line: no control characters, tabs as spaces. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
}

export function PromptLine(props: PromptLineProps) {
  const { prompt, isActive = true } = props;
  const { state, current, dispatch } = usePromptState(props.initialHistory);
  // The newest callbacks, for a key handled before the next render re-attaches the handler.
  const latest = useRef(props);
  latest.current = props;

  const handle = useCallback(
    (input: string, key: Key) => {
      const p = latest.current;
      const s = current();
      if (s.search !== undefined) return searchKey(s, input, key, dispatch);
      const submit = () => {
        const line = current().value;
        dispatch({ type: 'submit' });
        p.onSubmit(line);
      };
      if (key.return) submit();
      else if (key.upArrow) dispatch({ type: 'history-up' });
      else if (key.downArrow) dispatch({ type: 'history-down' });
      else if (key.leftArrow) dispatch({ type: 'move', to: 'left' });
      else if (key.rightArrow) dispatch({ type: 'move', to: 'right' });
      else if (key.home) dispatch({ type: 'move', to: 'home' });
      else if (key.end) dispatch({ type: 'move', to: 'end' });
      else if (key.backspace || key.delete) dispatch({ type: 'backspace' });
      else if (key.tab) {
        if (p.complete) dispatch({ type: 'set', value: p.complete(s.value).line });
      } else if (key.ctrl && input === 'c') {
        if (s.value === '') p.onInterrupt?.();
        dispatch({ type: 'clear' });
      } else if (key.ctrl && input === 'd') {
        if (s.value === '') p.onEof?.();
      } else if (key.ctrl) {
        const edit = EDIT_KEYS[input];
        if (edit) dispatch(edit);
      } else if (key.meta || key.escape) {
        // Alt-keys and escape: not text.
      } else if (/[\r\n]/.test(input)) {
        // A paste arrives as one chunk: every complete line in it is entered in order.
        const parts = input.split(/\r\n|\r|\n/);
        const rest = parts.pop() ?? '';
        for (const part of parts) {
          dispatch({ type: 'insert', text: printable(part) });
          submit();
        }
        dispatch({ type: 'insert', text: printable(rest) });
      } else dispatch({ type: 'insert', text: printable(input) });
    },
    [current, dispatch],
  );
  useInput(handle, { isActive });

  if (state.search !== undefined) return <Text>{`(reverse-i-search)'${state.search}': ${searchHistory(state.history, state.search) ?? ''}`}</Text>;
  const { value, cursor } = state;
  return (
    <Box>
      <Text color={accent()}>{prompt}</Text>
      {isActive ? (
        <Text>
          {value.slice(0, cursor)}
          <Text inverse>{value[cursor] ?? ' '}</Text>
          {value.slice(cursor + 1)}
        </Text>
      ) : (
        <Text>{value}</Text>
      )}
    </Box>
  );
}

function searchKey(s: PromptState, input: string, key: Key, dispatch: (a: PromptAction) => void): void {
  if (key.return) dispatch({ type: 'search-accept' });
  else if (key.escape || (key.ctrl && input === 'c')) dispatch({ type: 'clear' });
  else if (key.backspace || key.delete) dispatch({ type: 'search-type', query: (s.search ?? '').slice(0, -1) });
  else if (input && !key.ctrl && !key.meta) dispatch({ type: 'search-type', query: (s.search ?? '') + printable(input) });
}
