/**
 * Plugs the cluster network into a cluster: the kubelets get pod IPs and their containers
 * a network from it, the network reaches containers through the kubelets, and the ingress
 * controller publishes Ingress addresses. Call before installing kubelets. Kept out of
 * index.ts because it imports the node layer, which imports index.ts.
 */
import type { ClusterInternals } from '../cluster.js';
import { clusterPodNetwork, podEndpointServer, registerPodNetwork } from '../node/index.js';
import { createIngressStatusController } from './ingress.js';
import { createClusterNetwork } from './network.js';
import type { ClusterNetwork } from './types.js';

/** Creates the cluster's network, registers it for the kubelets and starts the ingress status controller. */
export function attachClusterNetwork(internals: ClusterInternals): ClusterNetwork {
  const network = createClusterNetwork(internals.store, { server: () => podEndpointServer(internals.store), random: internals.random });
  registerPodNetwork(internals.store, clusterPodNetwork(network));
  internals.addController(createIngressStatusController());
  return network;
}
