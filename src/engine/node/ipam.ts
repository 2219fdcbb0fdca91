/**
 * A tiny host-local IPAM: pod IPs from a node's /24 pod CIDR, handed out in order from .2
 * (the bridge has .1), skipping addresses in use. Like the host-local plugin it continues
 * after the last address it gave out, so a new pod does not reuse a just-freed IP.
 */

/** Allocates pod IPs per node; replaceable by the network module through PodNetwork. */
export class SequentialIpam {
  private readonly byNode = new Map<string, Map<string, string>>();
  private readonly last = new Map<string, number>();

  constructor(private readonly cidrOf: (node: string) => string | undefined) {}

  /** The pod's IP, allocating the lowest free one on first call. */
  allocate(node: string, uid: string): string {
    let used = this.byNode.get(node);
    if (!used) this.byNode.set(node, (used = new Map()));
    const existing = used.get(uid);
    if (existing) return existing;
    const cidr = this.cidrOf(node) ?? '10.244.0.0/24';
    const base = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
    const taken = new Set(used.values());
    const start = this.last.get(node) ?? 1;
    for (let n = 1; n <= 253; n++) {
      const i = ((start - 2 + n) % 253) + 2;
      const ip = `${base}.${i}`;
      if (!taken.has(ip)) {
        used.set(uid, ip);
        this.last.set(node, i);
        return ip;
      }
    }
    throw new Error(`node ${node}: pod CIDR ${cidr} is exhausted`);
  }

  release(node: string, uid: string): void {
    this.byNode.get(node)?.delete(uid);
  }
}
