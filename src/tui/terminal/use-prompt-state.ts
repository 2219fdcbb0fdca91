/**
 * The prompt's state as a reducer over named actions: the line being typed, the history
 * walked with Up/Down, and Ctrl-R reverse search.
 */
import { useReducer } from 'react';

export interface PromptState {
  readonly value: string;
  readonly history: readonly string[];
  /** Position while walking history; history.length means "the line being typed". */
  readonly index: number;
  /** The line typed before walking history, restored when walking back down. */
  readonly draft: string;
  /** Reverse search query, when Ctrl-R is active. */
  readonly search: string | undefined;
  /** Incremented when the value is replaced from outside typing, to move the cursor to the end. */
  readonly revision: number;
}

export type PromptAction =
  | { type: 'change'; value: string }
  | { type: 'set'; value: string }
  | { type: 'submit' }
  | { type: 'history-up' }
  | { type: 'history-down' }
  | { type: 'search-start' }
  | { type: 'search-type'; query: string }
  | { type: 'search-accept' }
  | { type: 'clear' };

export const INITIAL_PROMPT: PromptState = { value: '', history: [], index: 0, draft: '', search: undefined, revision: 0 };

/** The newest history entry containing the query. */
export function searchHistory(history: readonly string[], query: string): string | undefined {
  if (!query) return undefined;
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.includes(query)) return history[i];
  return undefined;
}

export function promptReducer(state: PromptState, action: PromptAction): PromptState {
  switch (action.type) {
    case 'change':
      return { ...state, value: action.value, index: state.history.length };
    case 'set':
      return { ...state, value: action.value, revision: state.revision + 1 };
    case 'submit': {
      const line = state.value;
      const history = line.trim() && state.history[state.history.length - 1] !== line ? [...state.history, line].slice(-500) : state.history;
      return { ...state, value: '', history, index: history.length, draft: '', search: undefined, revision: state.revision + 1 };
    }
    case 'history-up': {
      if (state.index === 0) return state;
      const draft = state.index === state.history.length ? state.value : state.draft;
      const index = state.index - 1;
      return { ...state, index, draft, value: state.history[index]!, revision: state.revision + 1 };
    }
    case 'history-down': {
      if (state.index >= state.history.length) return state;
      const index = state.index + 1;
      return { ...state, index, value: index === state.history.length ? state.draft : state.history[index]!, revision: state.revision + 1 };
    }
    case 'search-start':
      return { ...state, search: '' };
    case 'search-type':
      return { ...state, search: action.query };
    case 'search-accept': {
      const found = searchHistory(state.history, state.search ?? '');
      return { ...state, search: undefined, value: found ?? state.value, revision: state.revision + 1 };
    }
    case 'clear':
      return { ...state, value: '', search: undefined, index: state.history.length, revision: state.revision + 1 };
  }
}

/** The prompt state hook. */
export function usePromptState(initialHistory: readonly string[] = []) {
  return useReducer(promptReducer, { ...INITIAL_PROMPT, history: initialHistory, index: initialHistory.length });
}
