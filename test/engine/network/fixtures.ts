/**
 * A small cluster for network tests, without the API pipeline: a store of plain objects
 * (controlplane, node01, node02, the kubernetes and kube-dns Services) and a fake
 * PodEndpointServer standing in for the kubelets' containers.
 */
import type { StoreReader } from '../../../src/engine/api/store.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { nodeObject } from '../../../src/engine/nodes.js';
import { Random } from '../../../src/engine/random.js';
import { DEFAULT_CLUSTER } from '../../../src/engine/spec.js';
import { createClusterNetwork, type ClusterNetwork, type PodEndpointServer, type ServeAnswer, type ServedRequest } from '../../../src/engine/network/index.js';

/** A writable store with the real store's list semantics (sorted, same array until a write). */
export class FakeStore implements StoreReader {
  private readonly data = new Map<string, Map<string, KubeObject>>();
  private readonly cache = new Map<string, readonly KubeObject[]>();

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.data.get(resource)?.get(`${namespace ?? ''}/${name}`);
  }

  list(resource: string, namespace?: string): readonly KubeObject[] {
    const key = `${resource}|${namespace ?? '*'}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const all = [...(this.data.get(resource)?.entries() ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o);
    const out = namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
    this.cache.set(key, out);
    return out;
  }

  put(resource: string, object: KubeObject): KubeObject {
    let m = this.data.get(resource);
    if (!m) this.data.set(resource, (m = new Map()));
    m.set(`${object.metadata.namespace ?? ''}/${object.metadata.name}`, object);
    for (const k of [...this.cache.keys()]) if (k.startsWith(`${resource}|`)) this.cache.delete(k);
    return object;
  }

  remove(resource: string, namespace: string | undefined, name: string): void {
    this.data.get(resource)?.delete(`${namespace ?? ''}/${name}`);
    for (const k of [...this.cache.keys()]) if (k.startsWith(`${resource}|`)) this.cache.delete(k);
  }
}

/** The nginx welcome page a fake nginx container serves. */
export const NGINX_PAGE = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n</html>\n';

type Handler = (req: ServedRequest) => ServeAnswer;

/** Containers by pod IP and port; a port without a handler refuses. */
export class FakeServer implements PodEndpointServer {
  readonly handlers = new Map<string, Handler>();
  readonly seen: { ip: string; port: number; req: ServedRequest }[] = [];

  listen(ip: string, port: number, handler: Handler = () => ({ status: 200, body: NGINX_PAGE })): void {
    this.handlers.set(`${ip}:${port}`, handler);
  }

  serve(ip: string, port: number, req: ServedRequest): ServeAnswer {
    const h = this.handlers.get(`${ip}:${port}`);
    if (!h) return 'refused';
    this.seen.push({ ip, port, req });
    return h(req);
  }
}

export interface TestCluster {
  readonly store: FakeStore;
  readonly server: FakeServer;
  readonly net: ClusterNetwork;
  /** Adds a running, ready pod with an IP on a node (default node01), labels and container ports. */
  pod(namespace: string, name: string, ip: string, opts?: { labels?: Record<string, string>; ports?: { name?: string; containerPort: number; protocol?: string }[]; node?: string; hostname?: string; subdomain?: string; ready?: boolean }): KubeObject;
  /** Adds a Service. */
  service(namespace: string, name: string, spec: Record<string, unknown>): KubeObject;
  /** Writes the Endpoints object an endpoints controller would for these ready addresses. */
  endpoints(namespace: string, name: string, ips: string[], ports: { name?: string; port: number; protocol?: string }[], opts?: { notReady?: string[]; hostnames?: Record<string, string> }): KubeObject;
  namespace(name: string, labels?: Record<string, string>): KubeObject;
  policy(namespace: string, name: string, spec: Record<string, unknown>): KubeObject;
}

/** Builds the test cluster. */
export function testCluster(): TestCluster {
  const store = new FakeStore();
  const server = new FakeServer();
  const random = new Random(1);
  DEFAULT_CLUSTER.nodes.forEach((n, i) => store.put('nodes', nodeObject(n, i, random)));
  const net = createClusterNetwork(store, { server: () => server, random });
  const t: TestCluster = {
    store,
    server,
    net,
    pod(namespace, name, ip, o = {}) {
      return store.put('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace, uid: `uid-${name}`, labels: o.labels ?? {} },
        spec: { nodeName: o.node ?? 'node01', containers: [{ name: 'c', image: 'nginx', ports: o.ports ?? [] }], ...(o.hostname ? { hostname: o.hostname } : {}), ...(o.subdomain ? { subdomain: o.subdomain } : {}) },
        status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }] },
      });
    },
    service(namespace, name, spec) {
      return store.put('services', { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { type: 'ClusterIP', ...spec } });
    },
    endpoints(namespace, name, ips, ports, o = {}) {
      const addr = (ip: string) => {
        const pod = [...store.list('pods', namespace)].find((p) => p.status?.podIP === ip);
        return { ip, ...(o.hostnames?.[ip] ? { hostname: o.hostnames[ip] } : {}), ...(pod ? { nodeName: pod.spec.nodeName, targetRef: { kind: 'Pod', namespace, name: pod.metadata.name } } : {}) };
      };
      const subset = { ...(ips.length > 0 ? { addresses: ips.map(addr) } : {}), ...(o.notReady?.length ? { notReadyAddresses: o.notReady.map(addr) } : {}), ports };
      return store.put('endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace }, subsets: ips.length > 0 || o.notReady?.length ? [subset] : [] });
    },
    namespace(name, labels = {}) {
      return store.put('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } });
    },
    policy(namespace, name, spec) {
      return store.put('networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });
    },
  };
  for (const ns of ['default', 'kube-system']) t.namespace(ns);
  t.service('default', 'kubernetes', { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
  t.endpoints('default', 'kubernetes', ['172.30.1.2'], [{ name: 'https', port: 6443, protocol: 'TCP' }]);
  t.service('kube-system', 'kube-dns', {
    clusterIP: '10.96.0.10',
    clusterIPs: ['10.96.0.10'],
    selector: { 'k8s-app': 'kube-dns' },
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ],
  });
  return t;
}

/** A pod reference for requests. */
export function ref(namespace: string, name: string, ip: string): { namespace: string; name: string; ip: string } {
  return { namespace, name, ip };
}
