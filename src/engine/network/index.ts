/**
 * The cluster network's public surface: create it over the store, give each container's
 * process a ProcessNet view, and contribute the ingress controller's objects.
 */
import type { ProcessNet } from '../node/process/types.js';
import type { ClusterNetwork, PodRef } from './types.js';

export type { ClusterNetwork, ConnectOutcome, From, NetError, PodEndpointServer, PodRef, RequestOptions, RequestOutcome, ResolveOutcome, ServeAnswer, ServedRequest } from './types.js';
export { createClusterNetwork, EXTERNAL_CLIENT_IP, parseUrl } from './network.js';
export { CLUSTER_DOMAIN, searchPath } from './dns.js';
export { createIngressStatusController, ingressBootstrapObjects, INGRESS_CLASS } from './ingress.js';
export { INTERNET_HOSTS, nginxErrorPage } from './answers.js';
export { dashed } from './ip.js';

/**
 * The network as a container process sees it (ProcessHost.net): the pod's resolver and
 * resolv.conf, its HTTP client and TCP connects. A failed lookup carries its reason
 * (`NXDOMAIN` or `timeout`) beside `ok: false` for nslookup to print.
 */
export function processNetFor(network: ClusterNetwork, pod: PodRef): ProcessNet & { resolve(name: string): ReturnType<ClusterNetwork['resolve']> } {
  const conf = network.resolvConf(pod);
  return {
    dnsServer: conf.nameservers[0] ?? '127.0.0.53',
    search: conf.searches,
    resolve: (name) => network.resolve(pod, name),
    reverse: (ip) => network.reverse(ip),
    request: (url, o) =>
      network.request(pod, url, { timeoutMs: o.timeoutMs, ...(o.method ? { method: o.method } : {}), headers: { ...(o.userAgent ? { 'User-Agent': o.userAgent } : {}), ...(o.headers ?? {}) } }),
    connect: (host, port) => {
      const out = network.connect(pod, host, port);
      return out === 'open' ? { ok: true } : { ok: false, error: out };
    },
  };
}

/** The text of a pod's /etc/resolv.conf, as the kubelet writes it. */
export function resolvConfText(network: ClusterNetwork, pod: PodRef): string {
  const c = network.resolvConf(pod);
  const lines = [...(c.searches.length > 0 ? [`search ${c.searches.join(' ')}`] : []), ...c.nameservers.map((n) => `nameserver ${n}`), ...(c.options.length > 0 ? [`options ${c.options.join(' ')}`] : [])];
  return `${lines.join('\n')}\n`;
}
