/**
 * Plugs the cluster network into a cluster: the kubelets get pod IPs and their containers
 * a network from it, the network reaches containers through the kubelets, and the ingress
 * controller publishes Ingress addresses. Call before installing kubelets. Kept out of
 * index.ts because it imports the node layer, which imports index.ts.
 */
import type { Store } from '../api/store.js';
import type { ClusterInternals } from '../cluster.js';
import { clusterPodNetwork, podEndpointServer, registerPodNetwork } from '../node/index.js';
import { createIngressStatusController } from './ingress.js';
import { createClusterNetwork } from './network.js';
import type { ClusterNetwork } from './types.js';

/** Each cluster's network, by its store (the cluster's identity inside the engine). */
const networks = new WeakMap<Store, ClusterNetwork>();

/** Creates the cluster's network, registers it for the kubelets and starts the ingress status controller. */
export function attachClusterNetwork(internals: ClusterInternals): ClusterNetwork {
  const network = createClusterNetwork(internals.store, { server: () => podEndpointServer(internals.store), random: internals.random });
  networks.set(internals.store, network);
  registerPodNetwork(internals.store, clusterPodNetwork(network));
  internals.addController(createIngressStatusController());
  return network;
}

/**
 * A cluster's network, for requests from outside any pod (a lesson's `reachable` check, the
 * learner's terminal on a node); undefined for a cluster created without one (bare, or a
 * test running chosen controllers).
 */
export function clusterNetwork(cluster: { readonly internals: Pick<ClusterInternals, 'store'> }): ClusterNetwork | undefined {
  return networks.get(cluster.internals.store);
}
