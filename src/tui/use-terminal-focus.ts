/**
 * Whether the tutor's terminal window has the focus, from the terminal's focus reports
 * (see terminal/focus.ts). Reporting is switched on while the calling screen is mounted
 * and only on the process's own terminal; on any other stdout (tests, benchmarks) the
 * reports are still understood when they arrive, so a test can write them to stdin.
 */
import { useStdin, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { filterFocusReports, processFocusReporting } from './terminal/focus.js';

export function useTerminalFocus(): boolean {
  const { stdin } = useStdin();
  const { stdout } = useStdout();
  const [focused, setFocused] = useState(true);
  useEffect(() => filterFocusReports(stdin, (e) => setFocused(e === 'in')), [stdin]);
  useEffect(() => {
    if (stdout !== process.stdout || !process.stdout.isTTY) return;
    processFocusReporting.enable();
    return () => processFocusReporting.disable();
  }, [stdout]);
  return focused;
}
