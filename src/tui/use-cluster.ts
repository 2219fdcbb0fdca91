/** The React binding of the engine's snapshots: re-renders when the cluster changes. */
import { useSyncExternalStore } from 'react';
import type { Cluster, ClusterSnapshot } from '../engine/cluster.js';

export function useClusterSnapshot(cluster: Cluster): ClusterSnapshot {
  return useSyncExternalStore(
    (notify) => cluster.subscribe(() => notify()),
    () => cluster.snapshot(),
  );
}
