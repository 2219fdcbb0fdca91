/**
 * Service address allocation, as the service registry does it on create
 * (pkg/registry/core/service/storage/alloc.go with the ipallocator and portallocator):
 * a cluster IP from the kubeadm service CIDR 10.96.0.0/12 and node ports from 30000-32767,
 * chosen at random from the seeded Random, or the ones asked for if free and in range.
 */
import { deepCopy } from './defaults/util.js';
import type { Random } from '../random.js';
import type { FieldError, KubeObject } from './types.js';

/** What is already taken across all Services. */
export interface ServiceAllocations {
  readonly usedClusterIPs: ReadonlySet<string>;
  readonly usedNodePorts: ReadonlySet<number>;
}

/** The service CIDR (kubeadm's default). */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The node-port range (kube-apiserver --service-node-port-range default). */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
// ipallocator reserves the low band (min(max(16, size/16), 256) addresses) for static
// requests like 10.96.0.1 and 10.96.0.10; dynamic picks come from above it.
const RESERVED = 256;

const ipToString = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** Whether an address lies in the allocatable part of the CIDR (no network or broadcast). */
function inRange(ip: number): boolean {
  const offset = ip - BASE;
  return offset >= 1 && offset <= SIZE - 2;
}

type Outcome = { ok: true; value: KubeObject } | { ok: false; errors: FieldError[] };

function allocateClusterIP(spec: Record<string, unknown>, used: ServiceAllocations, random: Random): FieldError[] | string {
  const requested = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  if (requested) {
    const ip = parseIPv4(requested);
    // Validation has already rejected non-IPs; treat anything else as out of range.
    const fail = (why: string): FieldError[] => [{ type: 'Invalid', field: 'spec.clusterIPs', value: [requested], detail: `failed to allocate IP ${requested}: ${why}` }];
    if (ip === undefined || !inRange(ip)) return fail(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
    if (used.usedClusterIPs.has(requested)) return fail('provided IP is already allocated');
    return requested;
  }
  const span = SIZE - 2 - RESERVED;
  const start = random.int(span);
  // Scan from a random offset, as the bitmap allocator does, so a full band still works.
  for (let i = 0; i < SIZE - 2; i++) {
    const offset = i < span ? RESERVED + 1 + ((start + i) % span) : 1 + (i - span);
    const text = ipToString((BASE + offset) >>> 0);
    if (!used.usedClusterIPs.has(text)) return text;
  }
  return [{ type: 'Invalid', field: 'spec.clusterIPs', value: [], detail: 'failed to allocate a serviceIP: range is full' }];
}

function nextNodePort(taken: Set<number>, random: Random): number | undefined {
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  const start = random.int(span);
  for (let i = 0; i < span; i++) {
    const port = NODE_PORT_MIN + ((start + i) % span);
    if (!taken.has(port)) return port;
  }
  return undefined;
}

/**
 * Fills in spec.clusterIP/clusterIPs and node ports for a new (defaulted, validated)
 * Service, or returns the field errors the registry reports for a requested address or
 * port that is out of range or taken. ExternalName Services get neither; headless ones
 * keep `None`.
 */
export function allocateService(svc: KubeObject, used: ServiceAllocations, random: Random): Outcome {
  const out = deepCopy(svc);
  const spec = (out.spec ??= {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const type = spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') return { ok: true, value: out };

  if (spec.clusterIP === 'None') spec.clusterIPs = ['None'];
  else {
    const ip = allocateClusterIP(spec, used, random);
    if (typeof ip !== 'string') return { ok: false, errors: ip };
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  }

  const ports: Record<string, any>[] = Array.isArray(spec.ports) ? spec.ports : []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const shouldAllocate = type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  const taken = new Set(used.usedNodePorts);
  const byServicePort = new Map<number, number>();
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i]!;
    if (!port.nodePort && !shouldAllocate) continue;
    const already = byServicePort.get(port.port);
    if (already !== undefined) {
      // The same port number on another protocol shares the node port (initNodePorts).
      if (!port.nodePort) port.nodePort = already;
      continue;
    }
    const requested = ports.find((p) => p.port === port.port && p.nodePort)?.nodePort as number | undefined;
    if (requested) {
      const why =
        requested < NODE_PORT_MIN || requested > NODE_PORT_MAX
          ? `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`
          : taken.has(requested)
            ? 'provided port is already allocated'
            : undefined;
      if (why) return { ok: false, errors: [{ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: requested, detail: why }] };
      port.nodePort = requested;
    } else {
      const next = nextNodePort(taken, random);
      if (next === undefined) return { ok: false, errors: [{ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: 0, detail: 'failed to allocate a nodePort: range is full' }] };
      port.nodePort = next;
    }
    taken.add(port.nodePort);
    byServicePort.set(port.port, port.nodePort);
  }

  // A LoadBalancer with Local traffic policy also needs a health-check node port.
  if (type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && !spec.healthCheckNodePort) {
    const hc = nextNodePort(taken, random);
    if (hc !== undefined) spec.healthCheckNodePort = hc;
  }
  return { ok: true, value: out };
}
