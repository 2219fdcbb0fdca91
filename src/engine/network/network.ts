/**
 * The cluster network: where a packet from a pod, a node or outside ends up. Names go
 * through the sender's resolver; Service VIPs and node ports through kube-proxy's rules
 * (a deterministic round-robin over ready endpoints, no endpoints = REJECT = refused);
 * pod addresses through NetworkPolicy (not allowed = dropped = timeout); node addresses
 * to the API server, the kubelet, the ingress controller or hostNetwork/hostPort pods.
 */
import type { StoreReader } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import type { Random } from '../random.js';
import { apiServerAnswer, internetAnswer, kubeletAnswer, type FixedAnswer } from './answers.js';
import { ClusterDns, searchPath, searchResolve } from './dns.js';
import { ingressInstalled, serveIngress } from './ingress.js';
import { cidrContains, isIPv4, parseCidr } from './ip.js';
import { createIpam } from './ipam.js';
import { policyAllows, type Peer } from './policy.js';
import { nodeIP, Topology } from './topology.js';
import type { ClusterNetwork, ConnectOutcome, From, NetError, PodEndpointServer, PodRef, RequestOptions, RequestOutcome, ResolveOutcome } from './types.js';

/** The address the learner's machine has, outside the cluster (TEST-NET-3). */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';
/** kubeadm's service CIDR and the pod network of the default cluster. */
const SERVICE_CIDR = parseCidr('10.96.0.0/12')!;
const POD_NETWORK = parseCidr('10.244.0.0/16')!;
const KUBE_DNS_IP = '10.96.0.10';

type Action =
  | { readonly kind: 'connect' }
  | { readonly kind: 'http'; readonly scheme: string; readonly method: string; readonly path: string; readonly host: string; readonly headers: Record<string, string> };

type Outcome = { readonly kind: 'answer'; readonly answer: FixedAnswer } | { readonly kind: 'open' } | { readonly kind: 'fail'; readonly error: Exclude<NetError, 'unresolved'> };

const fail = (error: Exclude<NetError, 'unresolved'>): Outcome => ({ kind: 'fail', error });

/** Creates the network over the store; `server` reaches the containers the kubelets run. */
export function createClusterNetwork(store: StoreReader, opts: { server?: () => PodEndpointServer | undefined; random: Random }): ClusterNetwork {
  return new Network(store, opts.server ?? (() => undefined));
}

/** The synthetic peer ingress-nginx's controller sends from (policies may allow its namespace). */
function ingressControllerPeer(ip: string): Peer {
  return { ip, pod: { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'ingress-nginx', name: 'ingress-nginx-controller', labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' } }, spec: {} } };
}

/** CoreDNS as a policy peer while no kubelet runs it (no endpoints published yet). */
const COREDNS_PEER: Peer = {
  ip: KUBE_DNS_IP,
  pod: { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } }, spec: { containers: [{ ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }] }] } },
};

class Network implements ClusterNetwork {
  private readonly topo: Topology;
  private readonly dns: ClusterDns;
  private readonly ipam;
  private readonly turns = new Map<string, number>();
  /** Whether a kubelet has asked for a pod address: until then nobody runs CoreDNS. */
  private kubeletSeen = false;

  constructor(
    store: StoreReader,
    private readonly server: () => PodEndpointServer | undefined,
  ) {
    this.topo = new Topology(store);
    this.dns = new ClusterDns(this.topo);
    this.ipam = createIpam(store);
  }

  allocatePodIP(nodeName: string, podUid: string): string {
    this.kubeletSeen = true;
    const ip = this.ipam.allocate(nodeName, podUid);
    if (!ip) throw new Error(`failed to allocate for range 0: no IP addresses available in range set for node ${nodeName}`);
    return ip;
  }

  releasePodIP(nodeName: string, podUid: string): void {
    this.ipam.release(nodeName, podUid);
  }

  reverse(ip: string): string | undefined {
    return this.dns.reverse(ip);
  }

  resolvConf(ref: PodRef): { nameservers: string[]; searches: string[]; options: string[] } {
    const pod = this.topo.pod(ref.namespace, ref.name);
    const policy = pod?.spec?.dnsPolicy ?? 'ClusterFirst';
    const custom = pod?.spec?.dnsConfig ?? {};
    const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod?.spec?.hostNetwork);
    const base =
      policy === 'None'
        ? { nameservers: [], searches: [], options: [] }
        : cluster
          ? { nameservers: [KUBE_DNS_IP], searches: searchPath(ref.namespace), options: ['ndots:5'] }
          : // The node's resolv.conf on Ubuntu: systemd-resolved's stub.
            { nameservers: ['127.0.0.53'], searches: [], options: ['edns0', 'trust-ad'] };
    const options = [...base.options];
    for (const o of (custom.options ?? []) as { name: string; value?: string }[]) {
      const text = o.value !== undefined ? `${o.name}:${o.value}` : o.name;
      const i = options.findIndex((x) => x.split(':')[0] === o.name);
      if (i >= 0) options[i] = text;
      else options.push(text);
    }
    return { nameservers: [...base.nameservers, ...(custom.nameservers ?? [])], searches: [...base.searches, ...(custom.searches ?? [])], options };
  }

  resolve(from: From, name: string): ResolveOutcome {
    const n = name.toLowerCase().replace(/\.$/, '');
    if (isIPv4(n)) return { ok: true, fqdn: n, ips: [n] };
    if (n === 'localhost') return { ok: true, fqdn: 'localhost', ips: ['127.0.0.1'] };
    if (typeof from !== 'string') {
      // /etc/hosts the kubelet writes: the pod's own hostname.
      const pod = this.topo.pod(from.namespace, from.name);
      if (n === (pod?.spec?.hostname ?? from.name)) return { ok: true, fqdn: n, ips: [from.ip] };
      const conf = this.resolvConf(from);
      if (conf.nameservers.includes(KUBE_DNS_IP)) {
        if (!this.dnsReachable(this.peerOf(from))) return { ok: false, reason: 'timeout' };
        const ndots = Number(conf.options.find((o) => o.startsWith('ndots:'))?.slice(6) ?? 5);
        const answer = searchResolve(name, conf.searches, (fqdn) => this.dns.lookup(fqdn), ndots);
        return answer ? { ok: true, fqdn: answer.fqdn, ips: [...answer.ips], ...(answer.cname ? { cname: answer.cname } : {}) } : { ok: false, reason: 'NXDOMAIN' };
      }
    } else if (from === 'node') {
      // The nodes know each other through /etc/hosts.
      const node = this.topo.nodes().byName.get(n);
      const ip = node && nodeIP(node);
      if (ip) return { ok: true, fqdn: n, ips: [ip] };
    }
    // Upstream DNS only knows the internet.
    const answer = n.endsWith('.cluster.local') ? undefined : this.dns.lookup(n);
    return answer ? { ok: true, fqdn: answer.fqdn, ips: [...answer.ips] } : { ok: false, reason: 'NXDOMAIN' };
  }

  /**
   * Whether a pod's queries reach CoreDNS: the kube-dns Service must have a ready endpoint
   * and egress policy must let UDP 53 out to it. A cluster without kubelets (tests, bare
   * API use) never runs CoreDNS, so there an empty or missing endpoint list still answers.
   */
  private dnsReachable(src: Peer): boolean {
    const svc = this.topo.service('kube-system', 'kube-dns');
    if (!svc) return false;
    const sp = (svc.spec?.ports ?? []).find((p: { port: number; protocol?: string }) => p.port === 53 && p.protocol === 'UDP') ?? svc.spec?.ports?.[0];
    const all = this.topo.hasPublishedEndpoints(svc) ? this.topo.backends(svc, sp) : [];
    const noKubelet = !this.kubeletSeen && !this.topo.anyPodHasIP();
    if (all.length === 0 && (noKubelet || !this.topo.hasPublishedEndpoints(svc))) return policyAllows(this.topo, src, COREDNS_PEER, { port: 53, protocol: 'UDP' });
    return all.filter((b) => b.ready).some((b) => policyAllows(this.topo, src, this.peerAt(b.ip), { port: b.port ?? 53, protocol: 'UDP' }));
  }

  request(from: From, url: string, opts: RequestOptions): RequestOutcome {
    const target = parseUrl(url);
    if (!target) return { ok: false, error: 'unresolved' };
    const ip = this.address(from, target.host);
    if (!ip) return { ok: false, error: 'unresolved' };
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const hostHeader = headerValue(headers, 'host') ?? (target.explicitPort ? `${target.host}:${target.port}` : target.host);
    const action: Action = { kind: 'http', scheme: target.scheme, method: opts.method ?? 'GET', path: target.path, host: hostHeader, headers };
    const out = this.hop(this.peerOf(from), ip, target.port, action, 0, from === 'external');
    if (out.kind === 'answer') return { ok: true, status: out.answer.status, body: out.answer.body, ...(out.answer.headers ? { headers: { ...out.answer.headers } } : {}) };
    if (out.kind === 'open') return { ok: false, error: 'refused', ip };
    return { ok: false, error: out.error, ip };
  }

  connect(from: From, host: string, port: number): ConnectOutcome {
    const ip = this.address(from, host);
    if (!ip) return 'unresolved';
    const out = this.hop(this.peerOf(from), ip, port, { kind: 'connect' }, 0, from === 'external');
    return out.kind === 'fail' ? out.error : 'open';
  }

  private address(from: From, host: string): string | undefined {
    const r = this.resolve(from, host);
    return r.ok ? r.ips[0] : undefined;
  }

  /** The sender as a policy peer: pods on the pod network carry their pod; everything else is an address. */
  private peerOf(from: From): Peer {
    if (from === 'external') return { ip: EXTERNAL_CLIENT_IP };
    if (from === 'node') return { ip: this.homeIP() };
    const pod = this.topo.pod(from.namespace, from.name);
    return pod && !pod.spec?.hostNetwork ? { ip: from.ip, pod } : { ip: from.ip };
  }

  private peerAt(ip: string): Peer {
    const pod = this.topo.podsByIP().get(ip);
    return pod ? { ip, pod } : { ip };
  }

  private homeIP(): string {
    const home = this.topo.homeNode();
    return (home && nodeIP(home)) ?? '127.0.0.1';
  }

  /** Where a packet to ip:port lands. `outside` marks senders off the cluster (no VIPs, no pod network). */
  private hop(src: Peer, ip: string, port: number, act: Action, depth: number, outside: boolean): Outcome {
    if (ip.startsWith('127.')) {
      if (src.pod) return this.atPod(src, ip === '127.0.0.1' ? src.ip : ip, port, act, true);
      if (outside) return fail('refused');
      return this.hop(src, this.homeIP(), port, act, depth, false);
    }
    const node = this.topo.nodes().byIP.get(ip);
    if (node) {
      const svc = this.topo.servicesByNodePort().get(port);
      if (svc && svc.spec?.type !== 'ClusterIP') {
        const sp = (svc.spec.ports ?? []).find((p: { nodePort?: number }) => p.nodePort === port);
        // externalTrafficPolicy Cluster: kube-proxy SNATs to the node's address.
        return this.viaService({ ip }, svc, sp, act, depth);
      }
      return this.atHost(src, node, ip, port, act);
    }
    if (outside) return fail('timeout');
    const svc = this.topo.servicesByIP().get(ip);
    if (svc) {
      const sp = (svc.spec?.ports ?? []).find((p: { port: number; protocol?: string }) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      // A VIP port kube-proxy has no rule for goes nowhere.
      return sp ? this.viaService(src, svc, sp, act, depth) : fail('timeout');
    }
    const pod = this.topo.podsByIP().get(ip);
    if (pod) return this.atPod(src, ip, port, act, false, pod);
    if (!policyAllows(this.topo, src, { ip }, { port, protocol: 'TCP' })) return fail('timeout');
    // A pod address nobody holds: the bridge finds no neighbour (EHOSTUNREACH).
    if (cidrContains(POD_NETWORK, ip)) return fail('unreachable');
    if (cidrContains(SERVICE_CIDR, ip)) return fail('timeout');
    const answer = internetAnswer(ip, port);
    return answer ? this.answer(answer, act) : fail('timeout');
  }

  private viaService(src: Peer, svc: KubeObject, sp: { port: number; name?: string; protocol?: string; targetPort?: number | string } | undefined, act: Action, depth: number): Outcome {
    if (!sp || depth > 2) return fail('timeout');
    const ready = this.topo.backends(svc, sp).filter((b) => b.ready && b.port !== undefined);
    if (ready.length === 0) return fail('refused');
    const b = ready[this.pick(`${svc.metadata.namespace}/${svc.metadata.name}:${sp.port}`, ready.length)]!;
    return this.hop(src, b.ip, b.port!, act, depth + 1, false);
  }

  /** Round-robin per Service port: deterministic, so transcripts repeat. */
  private pick(key: string, n: number): number {
    const turn = this.turns.get(key) ?? 0;
    this.turns.set(key, turn + 1);
    return turn % n;
  }

  private atPod(src: Peer, ip: string, port: number, act: Action, loopback: boolean, pod?: KubeObject): Outcome {
    if (!loopback && !policyAllows(this.topo, src, { ip, pod }, { port, protocol: 'TCP' })) return fail('timeout');
    const server = this.server();
    if (!server) return fail('refused');
    if (act.kind === 'connect') {
      if (server.connect) return server.connect(ip, port) === 'open' ? { kind: 'open' } : fail('refused');
    }
    const req = act.kind === 'http' ? act : { method: 'GET', path: '/', host: ip, headers: {} };
    const answer = server.serve(ip, port, { method: req.method, path: req.path, host: req.host, headers: req.headers, clientIp: src.ip });
    if (answer === 'refused') return fail('refused');
    if (act.kind === 'connect') return { kind: 'open' };
    // Something listens but speaks another protocol: the HTTP client gets no usable reply.
    if (answer === 'not-http') return fail('refused');
    return { kind: 'answer', answer: { status: answer.status, body: answer.body, ...(answer.headers ? { headers: { ...answer.headers } } : {}) } };
  }

  /** A node's own ports: the API server, the kubelet, the ingress controller, then hostNetwork and hostPort pods. */
  private atHost(src: Peer, node: KubeObject, ip: string, port: number, act: Action): Outcome {
    if (!policyAllows(this.topo, src, { ip }, { port, protocol: 'TCP' })) return fail('timeout');
    const scheme = act.kind === 'http' ? act.scheme : 'https';
    const controlPlane = 'node-role.kubernetes.io/control-plane' in (node.metadata.labels ?? {});
    if (port === 6443 && controlPlane) return this.answer(apiServerAnswer(scheme, act.kind === 'http' ? act.path : '/'), act);
    if (port === 10250) return this.answer(kubeletAnswer(scheme), act);
    if ((port === 80 || port === 443) && ingressInstalled(this.topo)) {
      if (act.kind === 'connect') return { kind: 'open' };
      const peer = ingressControllerPeer(ip);
      const answer = serveIngress(this.topo, act.host, act.path, (podIP, podPort) => {
        const out = this.atPod(peer, podIP, podPort, act, false, this.topo.podsByIP().get(podIP));
        return out.kind === 'answer' ? out.answer : out.kind === 'fail' && out.error === 'timeout' ? 'timeout' : 'refused';
      }, (key, n) => this.pick(key, n));
      return { kind: 'answer', answer };
    }
    const hostPort = this.topo.hostPorts().get(`${node.metadata.name}:${port}`);
    if (hostPort) return this.atPod(src, hostPort.ip, hostPort.containerPort, act, false, hostPort.pod);
    // hostNetwork pods listen on the node's address.
    return this.atPod(src, ip, port, act, true);
  }

  private answer(answer: FixedAnswer, act: Action): Outcome {
    return act.kind === 'connect' ? { kind: 'open' } : { kind: 'answer', answer };
  }
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** Splits a URL; a missing scheme means http, a missing port the scheme's. */
export function parseUrl(url: string): { scheme: string; host: string; port: number; explicitPort: boolean; path: string } | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { scheme, host: m[2]!, port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, explicitPort: m[3] !== undefined, path: m[4] || '/' };
}
