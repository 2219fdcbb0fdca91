/**
 * The node layer of the embedded cluster: one kubelet per node, the pod connector for logs
 * and exec, switches to stop and start a node's kubelet, and usage for `kubectl top`.
 */
import type { Cluster, ClusterInternals } from '../cluster.js';
import type { Controller } from '../controllers/types.js';
import type { Store } from '../api/store.js';
import { KUBERNETES_VERSION } from '../spec.js';
import { NodeAgent, preloadedImages } from './agent.js';
import { createPodConnector } from './connector.js';
import { kubeletController, podKeys } from './kubelet.js';
import { nodeUsage, podUsage, type PodUsage, type Usage } from './metrics.js';
import { podNetworkFor, type PodNetwork } from './net-port.js';
import type { Process } from './process/index.js';
import type { PodEndpointServer } from '../network/index.js';
import { VolumeStores } from './volumes.js';
import type { ImageCatalog } from '../images/catalog.js';

export type { PodUsage, Usage } from './metrics.js';
export { registerPodNetwork, clusterPodNetwork, type PodNetwork } from './net-port.js';

const registry = new WeakMap<Store, Map<string, NodeAgent>>();

function agentsOf(store: Store): Map<string, NodeAgent> {
  let m = registry.get(store);
  if (!m) registry.set(store, (m = new Map()));
  return m;
}

/**
 * Creates one kubelet controller per node and registers the pod connector. The nodes'
 * images are pre-loaded (control-plane images on control-plane nodes); they pull from
 * `catalog` (default: the built-in images).
 */
export function createKubelets(internals: ClusterInternals, nodes: readonly { name: string; controlPlane?: boolean }[], network?: PodNetwork, catalog?: ImageCatalog): Controller[] {
  const agents = agentsOf(internals.store);
  const net = network ?? podNetworkFor(internals.store);
  const volumes = new VolumeStores();
  const version = internals.store.get('nodes', undefined, nodes[0]?.name ?? '')?.status?.nodeInfo?.kubeletVersion ?? KUBERNETES_VERSION;
  const controllers: Controller[] = [];
  for (const n of nodes) {
    const agent = new NodeAgent(n.name, net, volumes, catalog);
    for (const image of preloadedImages(!!n.controlPlane, version)) agent.images.preload(image);
    agents.set(n.name, agent);
    controllers.push(kubeletController(agent));
  }
  internals.setPodConnector(createPodConnector((node) => agents.get(node), () => internals.clock.now()));
  return controllers;
}

/** Installs kubelets for every node of a cluster's spec (once) and lets them catch up. */
export function installKubelets(cluster: Cluster, catalog?: ImageCatalog): void {
  // createCluster installs them already; a second set would run every pod twice.
  if (agentsOf(cluster.internals.store).size > 0) return;
  const nodes = cluster.spec.nodes.map((n) => ({ name: n.name, controlPlane: n.role === 'control-plane' }));
  for (const c of createKubelets(cluster.internals, nodes, undefined, catalog)) cluster.internals.addController(c);
  cluster.settle();
}

/**
 * Stops or starts a node's kubelet (a lesson breaking a node). A stopped kubelet neither
 * renews its lease nor runs, restarts, probes or removes pods; started again, it resyncs all.
 */
export function setKubeletRunning(cluster: Cluster, node: string, running: boolean): void {
  const agent = agentsOf(cluster.internals.store).get(node);
  if (!agent) throw new Error(`no kubelet on node ${node}`);
  if (agent.running === running) return;
  agent.running = running;
  if (running && agent.ctx) {
    agent.lastNodeStatusAt = -Infinity;
    for (const rt of agent.pods.values()) rt.timerAt = undefined;
    agent.ctx.enqueue('\u0000heartbeat');
    for (const key of podKeys(agent, agent.ctx)) agent.ctx.enqueue(key);
  }
  cluster.settle();
}

/** Whether a node's kubelet runs. */
export function isKubeletRunning(cluster: Cluster, node: string): boolean {
  return agentsOf(cluster.internals.store).get(node)?.running ?? false;
}

/** A pod's current use, or undefined when no kubelet runs it. */
export function podMetrics(cluster: Cluster, namespace: string, name: string): PodUsage | undefined {
  const pod = cluster.internals.store.get('pods', namespace, name);
  const agent = pod?.spec?.nodeName ? agentsOf(cluster.internals.store).get(pod.spec.nodeName) : undefined;
  const rt = agent?.pods.get(`${namespace}/${name}`);
  return rt && rt.uid === pod!.metadata.uid ? podUsage(rt) : undefined;
}

/** A node's current use, or undefined for a node without a running kubelet. */
export function nodeMetrics(cluster: Cluster, node: string): Usage | undefined {
  const agent = agentsOf(cluster.internals.store).get(node);
  if (!agent || !agent.running) return undefined;
  const labels = cluster.internals.store.get('nodes', undefined, node)?.metadata.labels ?? {};
  return nodeUsage(agent, 'node-role.kubernetes.io/control-plane' in labels);
}

/**
 * The processes of the running containers of the pod that has this IP (for the network
 * module to deliver requests to), or undefined when no pod has it.
 */
export function processesAt(store: Store, ip: string): { readonly namespace: string; readonly name: string; readonly processes: readonly Process[] } | undefined {
  for (const agent of agentsOf(store).values()) {
    for (const rt of agent.pods.values()) {
      if (rt.ip !== ip) continue;
      // Ephemeral containers share the pod's network namespace: a server in one is reachable too.
      const processes = [...rt.containers, ...rt.ephemeral].flatMap((c) => (c.current && c.current.exitCode === undefined && c.current.process ? [c.current.process] : []));
      return { namespace: rt.namespace, name: rt.name, processes };
    }
  }
  return undefined;
}

/**
 * What the cluster network calls to deliver a request to podIP:port: the HTTP handler of
 * whichever running container of that pod listens there.
 */
export function podEndpointServer(store: Store): PodEndpointServer {
  const find = (ip: string, port: number) => processesAt(store, ip)?.processes.find((p) => p.listening().some((l) => l.port === port && l.protocol === 'TCP'));
  return {
    serve(podIP, port, req) {
      const p = find(podIP, port);
      if (!p) return 'refused';
      return p.http({ port, method: req.method, path: req.path, host: req.host, clientIp: req.clientIp ?? '', userAgent: req.headers['User-Agent'] ?? req.headers['user-agent'] ?? '', headers: req.headers });
    },
    connect: (podIP, port) => (find(podIP, port) ? 'open' : 'refused'),
  };
}
