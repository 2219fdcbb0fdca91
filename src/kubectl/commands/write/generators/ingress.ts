/**
 * `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]]` (create_ingress.go):
 * one rule per host, `*` at the end of a path makes it a Prefix path, TLS entries grouped
 * by secret.
 */
import { genError, generated, objectMeta, type GenContext, type GenResult } from './types.js';

const HOST_PATH_SVC = String.raw`^([\w*\-.]*)(/.*)=([\w-]+):([\w-]+)`;
const TLS = String.raw`(,(tls)=?([\w-]+)?)?`;
const RULE = new RegExp(HOST_PATH_SVC + TLS);

/** Options of `create ingress`. */
export interface IngressOptions {
  readonly rules: readonly string[];
  readonly ingressClass: string;
  readonly defaultBackend: string;
  readonly annotations: readonly string[];
}

function serviceBackend(name: string, port: string): Record<string, unknown> {
  return { service: { name, port: /^[0-9]+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** `kubectl create ingress NAME ...`. */
export function ingress(name: string, o: IngressOptions, ctx: GenContext): GenResult {
  if (!o.defaultBackend && o.rules.length === 0) {
    return genError('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const rule of o.rules) if (!RULE.test(rule)) return genError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  const annotations: Record<string, string> = {};
  for (const a of o.annotations) {
    const eq = a.indexOf('=');
    if (eq < 0) return genError(`annotation ${a} is invalid and should be in format key=[value]`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (o.defaultBackend && o.defaultBackend.split(':').length !== 2) return genError('default-backend should be in format servicename:serviceport');

  const spec: Record<string, unknown> = {};
  if (o.defaultBackend) {
    const [svc, port] = o.defaultBackend.split(':') as [string, string];
    spec.defaultBackend = serviceBackend(svc, port);
  }
  if (o.ingressClass) spec.ingressClassName = o.ingressClass;
  const rules: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  for (const text of o.rules) {
    const m = RULE.exec(text)!;
    const host = m[1]!;
    let path = m[2]!;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const entry = { backend: serviceBackend(m[3]!, m[4]!), path, pathType };
    const existing = rules.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(entry);
    else rules.push({ ...(host ? { host } : {}), http: { paths: [entry] } });
    if (m[6] === 'tls') addTls(tls, host, m[7] ?? '');
  }
  if (rules.length > 0) spec.rules = rules;
  if (tls.length > 0) spec.tls = tls;
  return generated({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(name, ctx, { annotations }),
    spec,
    status: { loadBalancer: {} },
  });
}

/** Hosts sharing a secret share one TLS entry. */
function addTls(tls: { hosts?: string[]; secretName?: string }[], host: string, secret: string): void {
  const existing = tls.find((t) => (t.secretName ?? '') === secret);
  if (existing) {
    if (host && !(existing.hosts ?? []).includes(host)) existing.hosts = [...(existing.hosts ?? []), host];
    return;
  }
  tls.push({ ...(host ? { hosts: [host] } : {}), ...(secret ? { secretName: secret } : {}) });
}
