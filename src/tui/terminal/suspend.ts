/**
 * Ctrl-Z: the tutor stops like any terminal program and `fg` brings it back. In raw mode
 * the terminal sends Ctrl-Z as a key rather than raising SIGTSTP, so the tutor gives the
 * terminal back (raw mode off, cursor shown, focus reports off) and stops itself with
 * SIGTSTP. On SIGCONT — after this or any other stop — it takes the terminal again and
 * redraws the whole screen. The cluster's clock moves in fixed steps per timer tick, so the
 * time spent stopped is never counted: the first tick after `fg` moves it one step.
 */
import type { FocusReporting } from './focus.js';

export const SHOW_CURSOR = '\u001B[?25h';
export const HIDE_CURSOR = '\u001B[?25l';
/** Clear the screen and its scrollback and go home: the redraw starts from a blank terminal. */
export const CLEAR_SCREEN = '\u001B[2J\u001B[3J\u001B[H';

/** What stopping and resuming touch. */
export interface SuspendTerminal {
  readonly stdin: { readonly isTTY?: boolean; setRawMode?(on: boolean): unknown };
  /** Writes to the terminal outside Ink's frame. */
  write(data: string): void;
  /** Redraws the last frame from a cleared screen. */
  redraw(): void;
  readonly focus?: Pick<FocusReporting, 'suspend' | 'resume'>;
  /** Stops the process (default: SIGTSTP to itself). */
  readonly stop?: () => void;
}

/**
 * Listens for SIGCONT while the returned `dispose` is not called; `suspend()` stops the
 * process the way Ctrl-Z does in a shell.
 */
export function suspender(term: SuspendTerminal): { suspend(): void; dispose(): void } {
  let away = false;
  const restore = () => {
    away = false;
    // Also after a stop we did not cause (kill -STOP): the shell may have reset the terminal,
    // and the screen that calls this always reads keys in raw mode.
    if (term.stdin.isTTY) term.stdin.setRawMode?.(true);
    term.focus?.resume();
    term.write(HIDE_CURSOR);
    term.redraw();
  };
  process.on('SIGCONT', restore);
  return {
    suspend() {
      if (away) return;
      away = true;
      term.stdin.setRawMode?.(false);
      term.focus?.suspend();
      term.write(SHOW_CURSOR);
      (term.stop ?? (() => process.kill(process.pid, 'SIGTSTP')))();
      // Not stopped after all (an orphaned process group ignores SIGTSTP): take the terminal back.
      setTimeout(() => {
        if (away) restore();
      }, 200).unref();
    },
    dispose() {
      process.off('SIGCONT', restore);
    },
  };
}
