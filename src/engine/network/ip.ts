/**
 * IPv4 arithmetic the network needs: addresses as integers, CIDR membership, and the
 * dashed form CoreDNS uses in pod records (10.244.1.5 -> 10-244-1-5).
 */

/** An IPv4 address as an unsigned 32-bit integer, or undefined when it is not one. */
export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** The dotted form of a 32-bit address. */
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Whether a string is an IPv4 literal. */
export function isIPv4(text: string): boolean {
  return ipToInt(text) !== undefined;
}

/** A parsed CIDR: its network address and prefix length. */
export interface Cidr {
  readonly base: number;
  readonly bits: number;
}

/** Parses `10.244.1.0/24` (a bare address counts as /32). */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, prefix] = text.split('/');
  const base = ipToInt(addr ?? '');
  const bits = prefix === undefined ? 32 : Number(prefix);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  return { base: (base & mask(bits)) >>> 0, bits };
}

function mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Whether an address lies in a CIDR. */
export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return n !== undefined && ((n & mask(cidr.bits)) >>> 0) === cidr.base;
}

/** The number of addresses a CIDR spans. */
export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.bits);
}

/** `10.244.1.5` -> `10-244-1-5`, the label of pod A records. */
export function dashed(ip: string): string {
  return ip.replace(/\./g, '-');
}

/** `10-244-1-5` -> `10.244.1.5`, or undefined when the label is not a dashed address. */
export function undashed(label: string): string | undefined {
  const ip = label.replace(/-/g, '.');
  return /^\d+-\d+-\d+-\d+$/.test(label) && isIPv4(ip) ? ip : undefined;
}
