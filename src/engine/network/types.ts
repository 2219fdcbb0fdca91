/**
 * The network's seam with the kubelet and the container processes: who is asking, what a
 * pod's server answers, and the outcomes of lookups, requests and connects.
 */

/** A pod as a network client: where it lives and its address. */
export type PodRef = { readonly namespace: string; readonly name: string; readonly ip: string };

/** Who sends: a pod, a node's shell (the learner's terminal on the control plane), or the learner's machine outside. */
export type From = PodRef | 'node' | 'external';

/** An HTTP request as it arrives at a pod's port. */
export interface ServedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The Host header. */
  readonly host: string;
  /** The address the connection comes from (after kube-proxy's SNAT, where it applies). */
  readonly clientIp?: string;
}

/** A pod's answer: an HTTP response, `refused` when nothing listens, `not-http` when something else does. */
export type ServeAnswer = { readonly status: number; readonly body: string; readonly headers?: Readonly<Record<string, string>> } | 'refused' | 'not-http';

/** What the kubelet registers so the network can reach a container listening on podIP:port. */
export interface PodEndpointServer {
  serve(podIP: string, port: number, req: ServedRequest): ServeAnswer;
  /** A bare TCP connect (probes, nc -z) without sending a request; serve() stands in when absent. */
  connect?(podIP: string, port: number): 'open' | 'refused';
}

/** A DNS answer, or why there is none (busybox prints `;; connection timed out` for `timeout`). */
export type ResolveOutcome =
  | { readonly ok: true; readonly fqdn: string; readonly ips: string[]; readonly cname?: string }
  | { readonly ok: false; readonly reason: 'NXDOMAIN' | 'timeout' };

/** Why a connection failed. `timeout` is a dropped packet (NetworkPolicy, nothing at the address). */
export type NetError = 'refused' | 'timeout' | 'unresolved' | 'unreachable';

/** An HTTP request's outcome; failures carry the address the name resolved to. */
export type RequestOutcome =
  | { readonly ok: true; readonly status: number; readonly body: string; readonly headers?: Record<string, string> }
  | { readonly ok: false; readonly error: NetError; readonly ip?: string };

/** A TCP connect's outcome (`unresolved`/`unreachable` only for names and dead pod addresses). */
export type ConnectOutcome = 'open' | 'refused' | 'timeout' | 'unresolved' | 'unreachable';

/** Options of a request. */
export interface RequestOptions {
  readonly timeoutMs: number;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The cluster network: IPAM, DNS, kube-proxy, NetworkPolicy, ingress. */
export interface ClusterNetwork {
  /** An address from the node's spec.podCIDR: the lowest free one from .2, stable per pod uid. */
  allocatePodIP(nodeName: string, podUid: string): string;
  releasePodIP(nodeName: string, podUid: string): void;
  /** DNS as the sender sees it: a pod through CoreDNS and its search path; a node through /etc/hosts and upstream. */
  resolve(from: From, name: string): ResolveOutcome;
  /** The PTR name of an address, when CoreDNS has one. */
  reverse(ip: string): string | undefined;
  /** An HTTP request to a URL through DNS, kube-proxy, NetworkPolicy and the ingress controller. */
  request(from: From, url: string, opts: RequestOptions): RequestOutcome;
  /** A TCP connect to host:port (nc -z, tcpSocket probes). */
  connect(from: From, host: string, port: number): ConnectOutcome;
  /** The pod's /etc/resolv.conf settings (from its dnsPolicy and dnsConfig). */
  resolvConf(pod: PodRef): { readonly nameservers: readonly string[]; readonly searches: readonly string[]; readonly options: readonly string[] };
}
