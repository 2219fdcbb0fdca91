/**
 * Read-side indexes over the store, the way kube-proxy and CoreDNS keep informer caches:
 * Services by ClusterIP and node port, pods by IP, nodes by address. Each index is rebuilt
 * only when the store's list for that resource changes (the store hands out the same
 * frozen array until a write), so a request costs map lookups, not scans.
 */
import type { StoreReader } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import { matchesMapSelector } from '../api/selectors.js';

/** One address behind a Service port, as kube-proxy programs it. */
export interface Backend {
  readonly ip: string;
  /** The port on the address for the asked Service port; undefined when the address has none. */
  readonly port: number | undefined;
  readonly ready: boolean;
  /** The DNS hostname (pod spec.hostname under a matching subdomain). */
  readonly hostname?: string;
  readonly pod?: { readonly namespace: string; readonly name: string };
}

/** Where a Service's backends came from: an Endpoints object, EndpointSlices, or (no controller) its pods. */
export type BackendSource = 'endpoints' | 'slices' | 'pods' | 'none';

/** Memoizes a derived value on the identity of the store's list for a resource. */
function memo<T>(store: StoreReader, resource: string, build: (items: readonly KubeObject[]) => T): () => T {
  let last: readonly KubeObject[] | undefined;
  let value: T | undefined;
  return () => {
    const items = store.list(resource);
    if (items !== last) {
      last = items;
      value = build(items);
    }
    return value!;
  };
}

const key = (ns: string | undefined, name: string | undefined): string => `${ns ?? ''}/${name ?? ''}`;

/** The indexes the router, resolver and policy engine share. */
export class Topology {
  readonly servicesByIP: () => ReadonlyMap<string, KubeObject>;
  readonly servicesByNodePort: () => ReadonlyMap<number, KubeObject>;
  readonly podsByIP: () => ReadonlyMap<string, KubeObject>;
  readonly nodes: () => { readonly byIP: ReadonlyMap<string, KubeObject>; readonly byName: ReadonlyMap<string, KubeObject>; readonly list: readonly KubeObject[] };
  /** Whether any pod has an address yet (false until a kubelet runs pods). */
  readonly anyPodHasIP: () => boolean;
  /** Pods publishing a hostPort, by `node:hostPort` (TCP). */
  readonly hostPorts: () => ReadonlyMap<string, { readonly pod: KubeObject; readonly ip: string; readonly containerPort: number }>;
  private readonly slicesByService: () => ReadonlyMap<string, readonly KubeObject[]>;

  constructor(readonly store: StoreReader) {
    this.servicesByIP = memo(store, 'services', (items) => {
      const m = new Map<string, KubeObject>();
      for (const s of items) for (const ip of clusterIPs(s)) m.set(ip, s);
      return m;
    });
    this.servicesByNodePort = memo(store, 'services', (items) => {
      const m = new Map<number, KubeObject>();
      for (const s of items) for (const p of s.spec?.ports ?? []) if (p.nodePort) m.set(p.nodePort, s);
      return m;
    });
    this.podsByIP = memo(store, 'pods', (items) => {
      const m = new Map<string, KubeObject>();
      for (const p of items) {
        const ip = p.status?.podIP as string | undefined;
        if (ip && !p.spec?.hostNetwork && !isTerminal(p)) m.set(ip, p);
      }
      return m;
    });
    this.anyPodHasIP = memo(store, 'pods', (items) => items.some((p) => p.status?.podIP));
    this.hostPorts = memo(store, 'pods', (items) => {
      const m = new Map<string, { pod: KubeObject; ip: string; containerPort: number }>();
      for (const pod of items) {
        const ip = pod.status?.podIP as string | undefined;
        if (!ip || !pod.spec?.nodeName || isTerminal(pod)) continue;
        for (const c of pod.spec.containers ?? [])
          for (const p of c.ports ?? []) if (p.hostPort && (p.protocol ?? 'TCP') === 'TCP') m.set(`${pod.spec.nodeName}:${p.hostPort}`, { pod, ip, containerPort: p.containerPort });
      }
      return m;
    });
    this.nodes = memo(store, 'nodes', (items) => {
      const byIP = new Map<string, KubeObject>();
      const byName = new Map<string, KubeObject>();
      for (const n of items) {
        byName.set(n.metadata.name!, n);
        const ip = nodeIP(n);
        if (ip) byIP.set(ip, n);
      }
      return { byIP, byName, list: items };
    });
    this.slicesByService = memo(store, 'endpointslices', (items) => {
      const m = new Map<string, KubeObject[]>();
      for (const s of items) {
        const svc = s.metadata.labels?.['kubernetes.io/service-name'];
        if (!svc) continue;
        const k = key(s.metadata.namespace, svc);
        m.set(k, [...(m.get(k) ?? []), s]);
      }
      return m;
    });
  }

  service(namespace: string, name: string): KubeObject | undefined {
    return this.store.get('services', namespace, name);
  }

  pod(namespace: string, name: string): KubeObject | undefined {
    return this.store.get('pods', namespace, name);
  }

  /** The node the learner's terminal runs on: the control plane, else the first node. */
  homeNode(): KubeObject | undefined {
    const { list } = this.nodes();
    return list.find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})) ?? list[0];
  }

  /** A namespace's labels, with the kubernetes.io/metadata.name label the API server always sets. */
  namespaceLabels(namespace: string): Record<string, string> {
    const ns = this.store.get('namespaces', undefined, namespace);
    return { ...(ns?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
  }

  /** Whether anything (an Endpoints object or a slice) publishes the Service's backends. */
  hasPublishedEndpoints(svc: KubeObject): boolean {
    return this.source(svc) === 'endpoints' || this.source(svc) === 'slices';
  }

  /**
   * The addresses behind a Service, for one of its ports (by the Service port's name and
   * protocol) or, with no port given, for DNS (every address, port undefined).
   */
  backends(svc: KubeObject, servicePort?: { name?: string; protocol?: string; targetPort?: number | string; port: number }): Backend[] {
    const ns = svc.metadata.namespace!;
    switch (this.source(svc)) {
      case 'endpoints':
        return fromEndpoints(this.store.get('endpoints', ns, svc.metadata.name!)!, servicePort);
      case 'slices':
        return (this.slicesByService().get(key(ns, svc.metadata.name)) ?? []).flatMap((s) => fromSlice(s, servicePort));
      case 'pods':
        return this.fromPods(svc, servicePort);
      default:
        return [];
    }
  }

  private source(svc: KubeObject): BackendSource {
    const ns = svc.metadata.namespace;
    if (this.store.get('endpoints', ns, svc.metadata.name!)) return 'endpoints';
    if (this.slicesByService().has(key(ns, svc.metadata.name))) return 'slices';
    return svc.spec?.selector ? 'pods' : 'none';
  }

  /** With no endpoints controller running, ready selected pods stand in for the Endpoints object. */
  private fromPods(svc: KubeObject, servicePort?: { targetPort?: number | string; port: number }): Backend[] {
    const out: Backend[] = [];
    for (const pod of this.store.list('pods', svc.metadata.namespace)) {
      const ip = pod.status?.podIP as string | undefined;
      if (!ip || isTerminal(pod) || pod.metadata.deletionTimestamp || !matchesMapSelector(svc.spec.selector, pod.metadata.labels)) continue;
      const ready = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
      const port = servicePort ? resolveTargetPort(pod, servicePort.targetPort ?? servicePort.port) : undefined;
      out.push({ ip, port, ready: ready || svc.spec?.publishNotReadyAddresses === true, pod: { namespace: pod.metadata.namespace!, name: pod.metadata.name! }, ...podHostname(pod, svc) });
    }
    return out;
  }
}

function podHostname(pod: KubeObject, svc: KubeObject): { hostname?: string } {
  const h = pod.spec?.hostname as string | undefined;
  return h && pod.spec?.subdomain === svc.metadata.name ? { hostname: h } : {};
}

/** A Service's ClusterIPs, without `None`. */
export function clusterIPs(svc: KubeObject): string[] {
  const ips: string[] = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
  return ips.filter((ip) => ip && ip !== 'None');
}

/** A node's InternalIP. */
export function nodeIP(node: KubeObject): string | undefined {
  return (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address;
}

function isTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** A targetPort as a number on this pod: numbers as they are, names through its container ports. */
export function resolveTargetPort(pod: KubeObject, target: number | string, protocol = 'TCP'): number | undefined {
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  return undefined;
}

type PortRef = { name?: string; protocol?: string } | undefined;

function portMatches(want: PortRef, p: { name?: string; protocol?: string }): boolean {
  return (p.name ?? '') === (want?.name ?? '') && (p.protocol ?? 'TCP') === (want?.protocol ?? 'TCP');
}

function fromEndpoints(ep: KubeObject, servicePort: PortRef): Backend[] {
  const out: Backend[] = [];
  for (const subset of ep.subsets ?? []) {
    const ports: { name?: string; port: number; protocol?: string }[] = subset.ports ?? [];
    const port = servicePort ? ports.find((p) => portMatches(servicePort, p))?.port : undefined;
    if (servicePort && port === undefined) continue;
    const add = (list: unknown, ready: boolean): void => {
      for (const a of (list ?? []) as { ip: string; hostname?: string; targetRef?: { kind?: string; namespace?: string; name?: string } }[])
        out.push({
          ip: a.ip,
          port,
          ready,
          ...(a.hostname ? { hostname: a.hostname } : {}),
          ...(a.targetRef?.kind === 'Pod' && a.targetRef.name ? { pod: { namespace: a.targetRef.namespace ?? ep.metadata.namespace!, name: a.targetRef.name } } : {}),
        });
    };
    add(subset.addresses, true);
    add(subset.notReadyAddresses, false);
  }
  return out;
}

function fromSlice(slice: KubeObject, servicePort: PortRef): Backend[] {
  const ports: { name?: string; port?: number; protocol?: string }[] = slice.ports ?? [];
  const port = servicePort ? ports.find((p) => portMatches(servicePort, p))?.port : undefined;
  if (servicePort && port === undefined) return [];
  return (slice.endpoints ?? []).flatMap((e: { addresses: string[]; conditions?: { ready?: boolean }; hostname?: string; targetRef?: { kind?: string; namespace?: string; name?: string } }) =>
    e.addresses.map((ip) => ({
      ip,
      port,
      // A nil ready condition means ready (discovery/v1 EndpointConditions).
      ready: e.conditions?.ready !== false,
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.targetRef?.kind === 'Pod' && e.targetRef.name ? { pod: { namespace: e.targetRef.namespace ?? slice.metadata.namespace!, name: e.targetRef.name } } : {}),
    })),
  );
}
