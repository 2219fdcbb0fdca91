/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname`
 * (create_service.go): ports from `--tcp=port[:targetPort]`, selector `app: NAME`.
 */
import { genError, generated, objectMeta, type GenContext, type GenResult } from './types.js';

/** The service types `create service` makes. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** Options of `create service <type>`. */
export interface ServiceOptions {
  readonly type: ServiceType;
  readonly tcp: readonly string[];
  readonly clusterIP?: string;
  readonly nodePort?: number;
  readonly externalName?: string;
}

const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** validation.IsValidPortName's messages for a named target port. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  return PORT_NAME.test(name) && errs.length === 0 ? [] : errs;
}

/** parsePorts: `80`, `80:8080`, `80:http`, with strconv's and validation's messages. */
export function parseTcp(spec: string): { ok: true; port: number; targetPort: number | string } | { ok: false; error: string } {
  const parts = spec.split(':');
  const first = parts[0]!;
  // utilnet.ParsePort(s, true): strconv.ParseUint(s, 10, 16).
  if (!/^[0-9]+$/.test(first)) return { ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(first)}: invalid syntax` };
  const port = Number(first);
  if (port > 65535) return { ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(first)}: value out of range` };
  if (parts.length === 1) return { ok: true, port, targetPort: port };
  const target = parts[1]!;
  if (!/^[+-]?[0-9]+$/.test(target)) {
    const errs = portNameErrors(target);
    return errs.length > 0 ? { ok: false, error: errs.join(',') } : { ok: true, port, targetPort: target };
  }
  const n = Number(target);
  if (n < 1 || n > 65535) return { ok: false, error: 'must be between 1 and 65535, inclusive' };
  return { ok: true, port, targetPort: n };
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `kubectl create service <type> NAME`. */
export function service(name: string, o: ServiceOptions, ctx: GenContext): GenResult {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') return genError('ClusterIP=None can only be used with ClusterIP service type');
  if (o.clusterIP !== 'None' && o.tcp.length === 0 && o.type !== 'ExternalName') return genError('at least one tcp port specifier must be provided');
  if (o.type === 'ExternalName' && (!DNS1123_SUBDOMAIN.test(o.externalName ?? '') || (o.externalName ?? '').length > 253)) {
    return genError(`invalid service external name ${o.externalName ?? ''}`);
  }
  const ports: Record<string, unknown>[] = [];
  for (const tcp of o.tcp) {
    const parsed = parseTcp(tcp);
    if (!parsed.ok) return genError(parsed.error);
    const port: Record<string, unknown> = { name: tcp.replace(/:/g, '-'), port: parsed.port, protocol: 'TCP', targetPort: parsed.targetPort };
    if (o.nodePort) port.nodePort = o.nodePort;
    ports.push(port);
  }
  const spec: Record<string, unknown> = { selector: { app: name }, type: o.type };
  if (ports.length > 0) spec.ports = ports;
  if (o.externalName) spec.externalName = o.externalName;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  return generated({ apiVersion: 'v1', kind: 'Service', metadata: objectMeta(name, ctx, { labels: { app: name } }), spec, status: { loadBalancer: {} } });
}
