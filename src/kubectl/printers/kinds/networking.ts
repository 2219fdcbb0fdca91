/**
 * `kubectl get` tables for services and networking: services, endpoints, endpointslices,
 * ingresses, ingressclasses, networkpolicies.
 */
import { age, formatLabels, formatLabelSelector, listWithMore } from '../cells.js';
import { col, name, wide, type PrinterTable } from '../printer-table.js';

// printers.go loadBalancerWidth: longer EXTERNAL-IP/ADDRESS cells are cut when not wide.
const LOAD_BALANCER_WIDTH = 16;

/** loadBalancerStatusStringer: sorted unique ingress IPs (else hostnames), cut to 13 + `...` unless wide. */
export function loadBalancerAddresses(ingress: readonly { ip?: string; hostname?: string }[] | undefined, isWide: boolean): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  const joined = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(',');
  return !isWide && joined.length > LOAD_BALANCER_WIDTH ? `${joined.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : joined;
}

interface ServiceSpecShape {
  type?: string;
  externalIPs?: string[];
  externalName?: string;
}

/** getServiceExternalIP: the EXTERNAL-IP cell by service type. */
export function serviceExternalIP(spec: ServiceSpecShape, lbIngress: { ip?: string; hostname?: string }[] | undefined, isWide: boolean): string {
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(lbIngress, isWide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:31234/TCP`, comma-joined. */
export function servicePorts(ports: readonly { port: number; nodePort?: number; protocol?: string }[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

/** printService. */
export const services: PrinterTable = {
  columns: [name(), col('TYPE'), col('CLUSTER-IP'), col('EXTERNAL-IP'), col('PORT(S)'), col('AGE'), wide('SELECTOR')],
  row: (svc, { now, wide: isWide }) => {
    const spec = svc.spec ?? {};
    return [
      svc.metadata.name ?? '', spec.type ?? '', spec.clusterIPs?.[0] ?? (spec.clusterIP || '<none>'),
      serviceExternalIP(spec, svc.status?.loadBalancer?.ingress, isWide), servicePorts(spec.ports) || '<none>', age(svc, now),
      formatLabels(spec.selector),
    ];
  },
};

interface Subset {
  addresses?: { ip: string }[];
  ports?: { port: number; name?: string }[];
}

// net.JoinHostPort brackets IPv6 addresses.
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatEndpoints: ready `ip:port` pairs, at most 3, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(subsets: readonly Subset[] | undefined): string {
  if (!subsets || subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) if (list.length < 3) list.push(a.ip);
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) if (list.length < 3) list.push(hostPort(a.ip, p.port));
    }
  }
  const joined = list.join(',');
  return count > 3 ? `${joined} + ${count - 3} more...` : joined;
}

/** printEndpoints. */
export const endpoints: PrinterTable = {
  columns: [name(), col('ENDPOINTS'), col('AGE')],
  row: (ep, { now }) => [ep.metadata.name ?? '', formatEndpoints(ep.subsets), age(ep, now)],
};

/** printEndpointSlice: PORTS and ENDPOINTS as lists of at most 3, `<unset>` when empty. */
export const endpointslices: PrinterTable = {
  columns: [name(), col('ADDRESSTYPE'), col('PORTS'), col('ENDPOINTS'), col('AGE')],
  row: (es, { now }) => {
    const ports = ((es.ports ?? []) as { port?: number; name?: string }[]).map((p) =>
      typeof p.port === 'number' ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*',
    );
    const addresses = ((es.endpoints ?? []) as { addresses?: string[] }[]).flatMap((e) => e.addresses ?? []);
    return [es.metadata.name ?? '', es.addressType ?? '', listWithMore(ports), listWithMore(addresses), age(es, now)];
  },
};

/** formatHosts: rule hosts, at most 3, `*` when none. */
export function ingressHosts(rules: readonly { host?: string }[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === 3) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${(rules ?? []).length - 3} more...` : list.join(',');
}

/** printIngress: CLASS `<none>` when unset; PORTS `80` or `80, 443` with TLS. */
export const ingresses: PrinterTable = {
  columns: [name(), col('CLASS'), col('HOSTS'), col('ADDRESS'), col('PORTS'), col('AGE')],
  row: (ing, { now, wide: isWide }) => [
    ing.metadata.name ?? '', ing.spec?.ingressClassName ?? '<none>', ingressHosts(ing.spec?.rules),
    loadBalancerAddresses(ing.status?.loadBalancer?.ingress, isWide), (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80', age(ing, now),
  ],
};

/** printIngressClass: PARAMETERS `Kind.group/name` or `<none>`. */
export const ingressclasses: PrinterTable = {
  columns: [name(), col('CONTROLLER'), col('PARAMETERS'), col('AGE')],
  row: (ic, { now }) => {
    const p = ic.spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup !== undefined && p.apiGroup !== null ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [ic.metadata.name ?? '', ic.spec?.controller ?? '', parameters, age(ic, now)];
  },
};

/** printNetworkPolicy: POD-SELECTOR via FormatLabelSelector (`<none>` selects all pods). */
export const networkpolicies: PrinterTable = {
  columns: [name(), col('POD-SELECTOR'), col('AGE')],
  row: (np, { now }) => [np.metadata.name ?? '', formatLabelSelector(np.spec?.podSelector ?? {}), age(np, now)],
};
