/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (zone cluster.local, `pods
 * insecure`), plus the resolv.conf search walk a pod's resolver does (ndots:5).
 *
 * Records:
 *   <svc>.<ns>.svc.cluster.local          ClusterIP; headless: ready endpoint IPs
 *   <host>.<svc>.<ns>.svc.cluster.local   a headless Service's endpoint by hostname or dashed IP
 *   <a-b-c-d>.<ns>.pod.cluster.local      the address itself (pods insecure)
 *   ExternalName Services                 CNAME to spec.externalName
 * Names outside the zone go upstream: only the fixed internet hosts exist.
 */
import type { KubeObject } from '../api/types.js';
import { INTERNET_HOSTS } from './answers.js';
import { dashed, ipToInt, undashed } from './ip.js';
import { clusterIPs, type Topology } from './topology.js';

/** The cluster domain (kubelet --cluster-domain). */
export const CLUSTER_DOMAIN = 'cluster.local';

/** A successful lookup: the name that answered, its addresses, and the CNAME it went through. */
export interface DnsAnswer {
  readonly fqdn: string;
  readonly ips: readonly string[];
  readonly cname?: string;
}

/** The search list of a ClusterFirst pod's resolv.conf. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** Resolves through a search list the way glibc/musl do with `options ndots:5`. */
export function searchResolve(name: string, search: readonly string[], lookup: (fqdn: string) => DnsAnswer | undefined, ndots = 5): DnsAnswer | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('.')) return lookup(n.slice(0, -1));
  const dots = n.split('.').length - 1;
  const qualified = search.map((s) => `${n}.${s}`);
  for (const candidate of dots >= ndots ? [n, ...qualified] : [...qualified, n]) {
    const answer = lookup(candidate);
    if (answer) return answer;
  }
  return undefined;
}

/** The cluster DNS server's view: cluster.local from the API, everything else upstream. */
export class ClusterDns {
  /** Per-name answer counters: CoreDNS's loadbalance plugin rotates multi-address answers. */
  private readonly rotation = new Map<string, number>();

  constructor(private readonly topo: Topology) {}

  /** Answers one fully qualified name (no trailing dot), or undefined for NXDOMAIN. */
  lookup(fqdn: string, depth = 0): DnsAnswer | undefined {
    const name = fqdn.toLowerCase();
    const suffix = `.${CLUSTER_DOMAIN}`;
    if (!name.endsWith(suffix)) {
      const host = INTERNET_HOSTS[name];
      return host ? { fqdn: name, ips: [host.ip] } : undefined;
    }
    const labels = name.slice(0, -suffix.length).split('.');
    const kind = labels[labels.length - 1];
    if (kind === 'pod' && labels.length === 3) {
      const ip = undashed(labels[0]!);
      return ip ? { fqdn: name, ips: [ip] } : undefined;
    }
    if (kind !== 'svc') return undefined;
    if (labels.length === 3) return this.serviceRecord(name, labels[1]!, labels[0]!, depth);
    if (labels.length === 4) return this.memberRecord(name, labels[2]!, labels[1]!, labels[0]!);
    return undefined;
  }

  private serviceRecord(fqdn: string, namespace: string, name: string, depth: number): DnsAnswer | undefined {
    const svc = this.topo.service(namespace, name);
    if (!svc) return undefined;
    if (svc.spec?.type === 'ExternalName') {
      const target = String(svc.spec.externalName ?? '').replace(/\.$/, '');
      // A CNAME chain that loops or runs deep is a SERVFAIL in CoreDNS; NXDOMAIN is close enough for a client.
      const next = depth < 8 && target ? this.lookup(target, depth + 1) : undefined;
      return next ? { fqdn, ips: next.ips, cname: target } : undefined;
    }
    const ips = clusterIPs(svc);
    if (ips.length > 0) return { fqdn, ips };
    const ready = [...new Set(this.topo.backends(svc).filter((b) => b.ready).map((b) => b.ip))];
    if (ready.length === 0) return undefined;
    ready.sort((a, b) => ipToInt(a)! - ipToInt(b)!);
    const turn = this.rotation.get(fqdn) ?? 0;
    this.rotation.set(fqdn, turn + 1);
    const k = turn % ready.length;
    return { fqdn, ips: [...ready.slice(k), ...ready.slice(0, k)] };
  }

  private memberRecord(fqdn: string, namespace: string, service: string, host: string): DnsAnswer | undefined {
    const svc = this.topo.service(namespace, service);
    if (!svc || clusterIPs(svc).length > 0 || svc.spec?.type === 'ExternalName') return undefined;
    const hit = this.topo.backends(svc).find((b) => b.ready && (b.hostname === host || dashed(b.ip) === host));
    return hit ? { fqdn, ips: [hit.ip] } : undefined;
  }

  /** The PTR name of an address: a Service's name, or a pod's name under the Service that selects it. */
  reverse(ip: string): string | undefined {
    const svc = this.topo.servicesByIP().get(ip);
    if (svc) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    const pod = this.topo.podsByIP().get(ip);
    if (!pod) return undefined;
    const ns = pod.metadata.namespace!;
    for (const s of this.topo.store.list('services', ns)) {
      if (!selects(s, pod)) continue;
      const host = pod.spec?.hostname && pod.spec?.subdomain === s.metadata.name ? pod.spec.hostname : dashed(ip);
      return `${host}.${s.metadata.name}.${ns}.svc.${CLUSTER_DOMAIN}`;
    }
    return undefined;
  }
}

function selects(svc: KubeObject, pod: KubeObject): boolean {
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  if (!sel || Object.keys(sel).length === 0) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(sel).every(([k, v]) => labels[k] === v);
}
