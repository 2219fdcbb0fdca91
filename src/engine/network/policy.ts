/**
 * NetworkPolicy (networking.k8s.io/v1) enforcement, as a CNI that supports it applies it:
 * a pod selected by any policy with a policy type is isolated for that direction, and a
 * connection passes only when some rule of some selecting policy allows it — on the
 * sender's side for egress and on the receiver's side for ingress. Traffic that is not
 * allowed is dropped, so the client sees a timeout.
 */
import type { KubeObject } from '../api/types.js';
import { matchesLabelSelector } from '../api/selectors.js';
import { cidrContains, parseCidr } from './ip.js';
import type { Topology } from './topology.js';

/** One end of a connection: its address and, for pods on the pod network, the pod. */
export interface Peer {
  readonly ip: string;
  readonly pod?: KubeObject;
}

/** The destination port of a connection. */
export interface Dest {
  readonly port: number;
  readonly protocol: string;
}

type Direction = 'Ingress' | 'Egress';

/** Whether a connection from `src` to `dst` on a port passes every policy on both ends. */
export function policyAllows(topo: Topology, src: Peer, dst: Peer, dest: Dest): boolean {
  return directionAllows(topo, 'Egress', src, dst, dest) && directionAllows(topo, 'Ingress', dst, src, dest);
}

/**
 * Checks one side: `subject` is the pod the policies select (the sender for egress, the
 * receiver for ingress), `other` the peer the rules must name.
 */
function directionAllows(topo: Topology, dir: Direction, subject: Peer, other: Peer, dest: Dest): boolean {
  const pod = subject.pod;
  if (!pod) return true;
  const ns = pod.metadata.namespace!;
  let isolated = false;
  for (const policy of topo.store.list('networkpolicies', ns)) {
    if (!policyTypes(policy).includes(dir)) continue;
    if (!matchesLabelSelector(policy.spec?.podSelector ?? {}, pod.metadata.labels)) continue;
    isolated = true;
    const rules: { from?: unknown[]; to?: unknown[]; ports?: PolicyPort[] }[] = (dir === 'Ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? [];
    const portOwner = dir === 'Ingress' ? subject : other;
    for (const rule of rules) {
      const peers = (dir === 'Ingress' ? rule.from : rule.to) as PolicyPeer[] | undefined;
      if (portsMatch(rule.ports, dest, portOwner.pod) && peersMatch(topo, peers, other, ns)) return true;
    }
  }
  return !isolated;
}

/** spec.policyTypes, defaulted as the API server does: Ingress always, Egress when egress rules exist. */
export function policyTypes(policy: KubeObject): Direction[] {
  const declared = policy.spec?.policyTypes as Direction[] | undefined;
  if (declared && declared.length > 0) return declared;
  return policy.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

function portsMatch(ports: PolicyPort[] | undefined, dest: Dest, owner: KubeObject | undefined): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== dest.protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number' || /^\d+$/.test(p.port)) {
      const start = Number(p.port);
      return p.endPort !== undefined ? dest.port >= start && dest.port <= p.endPort : dest.port === start;
    }
    // A named port matches when the destination pod has a container port of that name and protocol.
    return (owner?.spec?.containers ?? []).some((c: { ports?: { name?: string; containerPort: number; protocol?: string }[] }) =>
      (c.ports ?? []).some((cp) => cp.name === p.port && cp.containerPort === dest.port && (cp.protocol ?? 'TCP') === dest.protocol),
    );
  });
}

interface PolicyPeer {
  podSelector?: object;
  namespaceSelector?: object;
  ipBlock?: { cidr: string; except?: string[] };
}

function peersMatch(topo: Topology, peers: PolicyPeer[] | undefined, other: Peer, policyNamespace: string): boolean {
  if (!peers || peers.length === 0) return true;
  return peers.some((peer) => {
    if (peer.ipBlock) {
      const cidr = parseCidr(peer.ipBlock.cidr);
      if (!cidr || !cidrContains(cidr, other.ip)) return false;
      return !(peer.ipBlock.except ?? []).some((e) => {
        const ex = parseCidr(e);
        return ex !== undefined && cidrContains(ex, other.ip);
      });
    }
    const pod = other.pod;
    if (!pod) return false;
    const ns = pod.metadata.namespace!;
    const nsOk = peer.namespaceSelector ? matchesLabelSelector(peer.namespaceSelector, topo.namespaceLabels(ns)) : ns === policyNamespace;
    return nsOk && (peer.podSelector ? matchesLabelSelector(peer.podSelector, pod.metadata.labels) : true);
  });
}
