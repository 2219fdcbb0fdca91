/** The React binding of the engine's snapshots: re-renders when the cluster changes. */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Cluster, ClusterSnapshot } from '../engine/cluster.js';

export function useClusterSnapshot(cluster: Cluster): ClusterSnapshot {
  // A stable subscribe: an inline one would unsubscribe and resubscribe on every render.
  const subscribe = useCallback((notify: () => void) => cluster.subscribe(() => notify()), [cluster]);
  const read = useCallback(() => cluster.snapshot(), [cluster]);
  return useSyncExternalStore(subscribe, read);
}

/** How long a change waits at most while the learner keeps typing. */
export const MAX_HOLD_MS = 1000;

/**
 * Like useClusterSnapshot, but a change that comes while `quietUntil()` (a performance.now()
 * time) is still ahead waits until then, and at most MAX_HOLD_MS: the live panes, redrawn
 * a few times a second from the clock, then never redraw in the middle of a keystroke's
 * echo. The cluster itself runs on; only drawing it waits. `release()` shows the newest
 * snapshot at once (after a command, its effect should show straight away).
 */
export function useHeldClusterSnapshot(cluster: Cluster, quietUntil: () => number): { snapshot: ClusterSnapshot; release: () => void } {
  const shown = useRef({ cluster, snapshot: cluster.snapshot() });
  const releaseRef = useRef<() => void>(() => {});
  const subscribe = useCallback(
    (notify: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let heldSince: number | undefined;
      const show = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        heldSince = undefined;
        if (shown.current.snapshot === cluster.snapshot()) return;
        shown.current = { cluster, snapshot: cluster.snapshot() };
        notify();
      };
      const changed = () => {
        const now = performance.now();
        heldSince ??= now;
        const wait = Math.min(quietUntil(), heldSince + MAX_HOLD_MS) - now;
        if (wait <= 0) return show();
        if (timer) clearTimeout(timer);
        timer = setTimeout(changed, wait);
      };
      releaseRef.current = show;
      const off = cluster.subscribe(changed);
      return () => {
        off();
        if (timer) clearTimeout(timer);
        releaseRef.current = () => {};
      };
    },
    [cluster, quietUntil],
  );
  const read = useCallback(() => {
    // A new cluster (a lesson reset) shows at once.
    if (shown.current.cluster !== cluster) shown.current = { cluster, snapshot: cluster.snapshot() };
    return shown.current.snapshot;
  }, [cluster]);
  const snapshot = useSyncExternalStore(subscribe, read);
  const release = useCallback(() => releaseRef.current(), []);
  return { snapshot, release };
}
