/**
 * The seam between the kubelet and the cluster network: the network module (src/engine/network)
 * registers an implementation for a cluster; until it does, the kubelet uses its own small
 * IPAM and a pod network that resolves nothing.
 */
import type { KubeObject } from '../api/types.js';
import type { Store } from '../api/store.js';
import type { ProcessNet } from './process/index.js';
import { SequentialIpam } from './ipam.js';
import { processNetFor, type ClusterNetwork } from '../network/index.js';

/** What the kubelet needs from the network: pod IPs and a pod's view of the network. */
export interface PodNetwork {
  /** An IP from the node's pod CIDR for a pod sandbox (stable for the same uid until released). */
  allocatePodIP(nodeName: string, podUid: string): string;
  /** Returns a pod's IP to the pool once its sandbox is gone. */
  releasePodIP(nodeName: string, podUid: string): void;
  /** The resolver and HTTP client a container of this pod uses. */
  processNet(pod: KubeObject, podIP: string): ProcessNet;
}

const registered = new WeakMap<Store, PodNetwork>();

/** Registers the cluster network for a cluster (called by src/engine/network). */
export function registerPodNetwork(store: Store, network: PodNetwork): void {
  registered.set(store, network);
}

/** The registered network of a cluster, or the kubelet's fallback. */
export function podNetworkFor(store: Store): PodNetwork {
  let net = registered.get(store);
  if (!net) {
    net = fallbackNetwork(store);
    registered.set(store, net);
  }
  return net;
}

/** No cluster network yet: local IPAM from Node.spec.podCIDR, and a resolver that finds nothing. */
export function fallbackNetwork(store: Store): PodNetwork {
  const ipam = new SequentialIpam((node) => store.get('nodes', undefined, node)?.spec?.podCIDR);
  return {
    allocatePodIP: (node, uid) => ipam.allocate(node, uid),
    releasePodIP: (node, uid) => ipam.release(node, uid),
    processNet: (pod) => stubNet(pod),
  };
}

/** A ClusterFirst resolv.conf for the pod's namespace, with nothing behind it. */
export function stubNet(pod: KubeObject): ProcessNet {
  const ns = pod.metadata.namespace ?? 'default';
  return {
    resolve: () => ({ ok: false }),
    request: () => ({ ok: false, error: 'unresolved' }),
    dnsServer: '10.96.0.10',
    search: [`${ns}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'],
  };
}

/** Adapts the cluster network (src/engine/network) to what the kubelet needs. */
export function clusterPodNetwork(net: ClusterNetwork): PodNetwork {
  return {
    allocatePodIP: (node, uid) => net.allocatePodIP(node, uid),
    releasePodIP: (node, uid) => net.releasePodIP(node, uid),
    processNet: (pod, ip) => processNetFor(net, { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name!, ip }),
  };
}
