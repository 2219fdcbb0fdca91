/**
 * The React binding of a lesson session: re-renders after every change the session
 * announces (a command, a time step, a hint, a stage) and re-evaluates the stage's checks
 * then — so ✓/✗ follow each command and each tick.
 */
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { LessonSession, StageEvaluation } from '../../lessons/session.js';

/** A counter that moves on every session change. */
export function useSessionVersion(session: LessonSession): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (notify: () => void) =>
      session.subscribe(() => {
        version.current++;
        notify();
      }),
    [session],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}

/** The current stage's checks, evaluated after each change. */
export function useEvaluation(session: LessonSession): { version: number; evaluation: StageEvaluation } {
  const version = useSessionVersion(session);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const evaluation = useMemo(() => session.evaluate(), [session, version]);
  return { version, evaluation };
}
