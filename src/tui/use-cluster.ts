/** The React binding of the engine's snapshots: re-renders when the cluster changes. */
import { useCallback, useSyncExternalStore } from 'react';
import type { Cluster, ClusterSnapshot } from '../engine/cluster.js';

export function useClusterSnapshot(cluster: Cluster): ClusterSnapshot {
  // A stable subscribe: an inline one would unsubscribe and resubscribe on every render.
  const subscribe = useCallback((notify: () => void) => cluster.subscribe(() => notify()), [cluster]);
  const read = useCallback(() => cluster.snapshot(), [cluster]);
  return useSyncExternalStore(subscribe, read);
}
