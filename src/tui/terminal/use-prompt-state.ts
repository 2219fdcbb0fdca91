/**
 * The prompt's state as a reducer over named actions: the line being typed and the cursor
 * in it, the history walked with Up/Down, and Ctrl-R reverse search. The state lives in a
 * ref as well as in React state, so every key is applied to the line the key before it
 * left — even when keys arrive faster than React re-renders (a fast typist on a busy
 * machine, or a paste split into chunks).
 */
import { useCallback, useRef, useState } from 'react';

export interface PromptState {
  readonly value: string;
  /** Where the next typed text goes: 0 .. value.length. */
  readonly cursor: number;
  readonly history: readonly string[];
  /** Position while walking history; history.length means "the line being typed". */
  readonly index: number;
  /** The line typed before walking history, restored when walking back down. */
  readonly draft: string;
  /** Reverse search query, when Ctrl-R is active. */
  readonly search: string | undefined;
}

export type PromptAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'move'; to: 'left' | 'right' | 'home' | 'end' }
  /** Ctrl-U (before the cursor), Ctrl-K (after it), Ctrl-W (the word before it). */
  | { type: 'kill'; what: 'before' | 'after' | 'word' }
  | { type: 'set'; value: string }
  | { type: 'submit' }
  | { type: 'history-up' }
  | { type: 'history-down' }
  | { type: 'search-start' }
  | { type: 'search-type'; query: string }
  | { type: 'search-accept' }
  | { type: 'clear' };

export const INITIAL_PROMPT: PromptState = { value: '', cursor: 0, history: [], index: 0, draft: '', search: undefined };

/** The newest history entry containing the query. */
export function searchHistory(history: readonly string[], query: string): string | undefined {
  if (!query) return undefined;
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.includes(query)) return history[i];
  return undefined;
}

// A line put in place (history, completion, search) is edited from its end, as in bash.
const withValue = (state: PromptState, value: string): PromptState => ({ ...state, value, cursor: value.length });

export function promptReducer(state: PromptState, action: PromptAction): PromptState {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert':
      if (!action.text) return state;
      return { ...state, value: value.slice(0, cursor) + action.text + value.slice(cursor), cursor: cursor + action.text.length, index: state.history.length };
    case 'backspace':
      if (cursor === 0) return state;
      return { ...state, value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1, index: state.history.length };
    case 'move': {
      const to = action.to === 'left' ? cursor - 1 : action.to === 'right' ? cursor + 1 : action.to === 'home' ? 0 : value.length;
      const next = Math.max(0, Math.min(value.length, to));
      return next === cursor ? state : { ...state, cursor: next };
    }
    case 'kill': {
      if (action.what === 'after') return { ...state, value: value.slice(0, cursor) };
      const from = action.what === 'before' ? 0 : value.slice(0, cursor).replace(/\S+\s*$/, '').length;
      return { ...state, value: value.slice(0, from) + value.slice(cursor), cursor: from };
    }
    case 'set':
      return withValue(state, action.value);
    case 'submit': {
      const line = value;
      const history = line.trim() && state.history[state.history.length - 1] !== line ? [...state.history, line].slice(-500) : state.history;
      return { ...state, value: '', cursor: 0, history, index: history.length, draft: '', search: undefined };
    }
    case 'history-up': {
      if (state.index === 0) return state;
      const draft = state.index === state.history.length ? value : state.draft;
      const index = state.index - 1;
      return { ...withValue(state, state.history[index]!), index, draft };
    }
    case 'history-down': {
      if (state.index >= state.history.length) return state;
      const index = state.index + 1;
      return { ...withValue(state, index === state.history.length ? state.draft : state.history[index]!), index };
    }
    case 'search-start':
      return { ...state, search: '' };
    case 'search-type':
      return { ...state, search: action.query };
    case 'search-accept': {
      const found = searchHistory(state.history, state.search ?? '');
      return { ...withValue(state, found ?? value), search: undefined };
    }
    case 'clear':
      return { ...state, value: '', cursor: 0, search: undefined, index: state.history.length };
  }
}

/**
 * The prompt state: the state to draw, `current()` for the latest state (newer than the
 * drawn one while keys are queued), and `dispatch`, which applies an action at once.
 */
export function usePromptState(initialHistory: readonly string[] = []) {
  const [state, setState] = useState<PromptState>(() => ({ ...INITIAL_PROMPT, history: initialHistory, index: initialHistory.length }));
  const ref = useRef(state);
  const dispatch = useCallback((action: PromptAction) => {
    const next = promptReducer(ref.current, action);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  }, []);
  const current = useCallback(() => ref.current, []);
  return { state, current, dispatch };
}
