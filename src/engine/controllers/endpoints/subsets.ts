/**
 * Endpoints subsets (pkg/api/v1/endpoints RepackSubsets): every address is listed once per
 * port it serves, then addresses that serve the same set of ports are folded into one
 * subset, ready ones in `addresses` and the rest in `notReadyAddresses`.
 */

/** An EndpointAddress. */
export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace: string; uid: string };
}

/** An EndpointPort. */
export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** One address serving one port (or no port: a headless Service without ports). */
export interface AddressPort {
  readonly address: EndpointAddress;
  readonly ready: boolean;
  readonly port: EndpointPort | undefined;
}

const portKey = (p: EndpointPort | undefined): string => (p ? JSON.stringify([p.name ?? '', p.port, p.protocol, p.appProtocol ?? '']) : '');
const addressKey = (a: EndpointAddress): string => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;

/**
 * LessEndpointAddress: by IP compared as bytes of the text (so `10.244.1.10` sorts before
 * `10.244.1.9`), then by the target's uid.
 */
export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * Groups address/port pairs into subsets. The real code orders ports and subsets by a
 * hash of their Go representation; this orders ports by name and number and subsets by
 * their first address, which is stable and reads the same for the common single-subset case.
 */
export function repackSubsets(entries: readonly AddressPort[]): EndpointSubset[] {
  const byPort = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, AddressPort> }>();
  for (const e of entries) {
    const k = portKey(e.port);
    let slot = byPort.get(k);
    if (!slot) byPort.set(k, (slot = { port: e.port, addrs: new Map() }));
    slot.addrs.set(addressKey(e.address), e);
  }
  const bySet = new Map<string, { ports: EndpointPort[]; addrs: AddressPort[] }>();
  for (const { port, addrs } of byPort.values()) {
    const members = [...addrs.values()];
    const k = members
      .map((m) => `${addressKey(m.address)}\u0000${m.ready}`)
      .sort()
      .join('\u0001');
    let group = bySet.get(k);
    if (!group) bySet.set(k, (group = { ports: [], addrs: members }));
    if (port) group.ports.push(port);
  }
  const subsets: EndpointSubset[] = [];
  for (const { ports, addrs } of bySet.values()) {
    const ready = addrs.filter((a) => a.ready).map((a) => a.address).sort(compareAddresses);
    const notReady = addrs.filter((a) => !a.ready).map((a) => a.address).sort(compareAddresses);
    ports.sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : a.port - b.port || (a.protocol < b.protocol ? -1 : 1)));
    subsets.push({ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ...(ports.length ? { ports } : {}) });
  }
  const first = (s: EndpointSubset): EndpointAddress => (s.addresses ?? s.notReadyAddresses)![0]!;
  return subsets.sort((a, b) => compareAddresses(first(a), first(b)));
}
