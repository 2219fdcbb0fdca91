/**
 * Pod IP allocation, the host-local IPAM plugin's job: each node hands out addresses from
 * its spec.podCIDR. Allocation is deterministic — the lowest free address from .2 up
 * (.0 is the network, .1 the bridge gateway cni0) — and idempotent per pod uid, so a
 * kubelet that asks twice for the same sandbox gets the same address.
 */
import type { StoreReader } from '../api/store.js';
import { cidrContains, cidrSize, intToIp, ipToInt, parseCidr } from './ip.js';

/** The per-node address books. */
export interface Ipam {
  /** An address for the pod, or undefined when the node has no podCIDR or it is exhausted. */
  allocate(nodeName: string, podUid: string): string | undefined;
  release(nodeName: string, podUid: string): void;
}

interface NodeBook {
  readonly byUid: Map<string, string>;
  readonly used: Set<string>;
}

/** Creates the IPAM over the Node objects in the store. */
export function createIpam(store: StoreReader): Ipam {
  const books = new Map<string, NodeBook>();

  const bookFor = (nodeName: string): NodeBook => {
    let book = books.get(nodeName);
    if (!book) {
      book = { byUid: new Map(), used: new Set() };
      // Addresses already held by pods on this node (a restored snapshot) stay taken.
      for (const pod of store.list('pods')) {
        const ip = pod.status?.podIP as string | undefined;
        if (pod.spec?.nodeName === nodeName && ip && !pod.spec?.hostNetwork) {
          book.used.add(ip);
          if (pod.metadata.uid) book.byUid.set(pod.metadata.uid, ip);
        }
      }
      books.set(nodeName, book);
    }
    return book;
  };

  return {
    allocate(nodeName, podUid) {
      const book = bookFor(nodeName);
      const held = book.byUid.get(podUid);
      if (held) return held;
      const node = store.get('nodes', undefined, nodeName);
      const cidr = parseCidr(String(node?.spec?.podCIDR ?? ''));
      if (!cidr) return undefined;
      for (let i = 2; i < cidrSize(cidr) - 1; i++) {
        const ip = intToIp(cidr.base + i);
        if (book.used.has(ip)) continue;
        book.used.add(ip);
        book.byUid.set(podUid, ip);
        return ip;
      }
      return undefined;
    },
    release(nodeName, podUid) {
      const book = books.get(nodeName);
      const ip = book?.byUid.get(podUid);
      if (!book || !ip) return;
      book.byUid.delete(podUid);
      book.used.delete(ip);
    },
  };
}

/** Whether an address belongs to a node's pod range. */
export function inPodCidr(podCIDR: string | undefined, ip: string): boolean {
  const cidr = parseCidr(podCIDR ?? '');
  return cidr !== undefined && ipToInt(ip) !== undefined && cidrContains(cidr, ip);
}
