/**
 * Drives the cluster's virtual time from the wall clock while a screen is active: pods
 * take the seconds they would take on a real cluster, times the speed factor. This is
 * the only place the wall clock touches the cluster.
 */
import { useEffect } from 'react';

/** How often the panes move on (ms of wall time). */
export const TICK_MS = 250;

export function useClock(advance: (ms: number) => void, opts: { isActive: boolean; speed: number }): void {
  const { isActive, speed } = opts;
  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => advance(TICK_MS * speed), TICK_MS);
    return () => clearInterval(timer);
  }, [advance, isActive, speed]);
}
