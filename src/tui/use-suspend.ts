/**
 * Ctrl-Z for the screen that calls it: returns the function that stops the tutor (see
 * terminal/suspend.ts) and redraws it on SIGCONT while the screen is mounted.
 */
import { useStdin, useStdout } from 'ink';
import { useCallback, useEffect, useRef } from 'react';
import { processFocusReporting } from './terminal/focus.js';
import { CLEAR_SCREEN, suspender } from './terminal/suspend.js';

export function useSuspend(): () => void {
  const { stdin } = useStdin();
  const { stdout, write } = useStdout();
  const current = useRef<{ suspend(): void } | undefined>(undefined);
  useEffect(() => {
    const s = suspender({
      stdin,
      write: (d) => void stdout.write(d),
      // Ink's write clears its frame, writes, and draws the last frame again.
      redraw: () => write(CLEAR_SCREEN),
      ...(stdout === process.stdout ? { focus: processFocusReporting } : {}),
    });
    current.current = s;
    return () => {
      s.dispose();
      current.current = undefined;
    };
  }, [stdin, stdout, write]);
  return useCallback(() => current.current?.suspend(), []);
}
