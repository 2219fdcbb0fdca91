/**
 * `kubectl expose`: the Service built from an existing object (expose.go createService),
 * with the selector, ports and protocols introspected as polymorphichelpers do.
 */
import type { KubeObject } from '../../../../engine/api/types.js';
import { parseLabelList } from './pod.js';
import { genError, generated, type GenResult } from './types.js';

/** The selector `kubectl expose` derives (MapBasedSelectorForObject), or its error. */
export function selectorForObject(obj: KubeObject): { ok: true; selector: string } | { ok: false; error: string } {
  const join = (m: Record<string, string> | undefined) =>
    Object.entries(m ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  switch (obj.kind) {
    case 'Pod':
      if (Object.keys(obj.metadata.labels ?? {}).length === 0) return { ok: false, error: 'the pod has no labels and cannot be exposed' };
      return { ok: true, selector: join(obj.metadata.labels) };
    case 'Service':
      if (!obj.spec?.selector || Object.keys(obj.spec.selector).length === 0) return { ok: false, error: 'the service has no pod selector set' };
      return { ok: true, selector: join(obj.spec.selector) };
    case 'ReplicationController':
      return { ok: true, selector: join(obj.spec?.selector) };
    case 'Deployment':
    case 'ReplicaSet': {
      // Only matchLabels can become a Service selector.
      if ((obj.spec?.selector?.matchExpressions ?? []).length > 0) {
        return { ok: false, error: `couldn't convert expressions - "${JSON.stringify(obj.spec.selector.matchExpressions)}" to map-based selector format` };
      }
      return { ok: true, selector: join(obj.spec?.selector?.matchLabels) };
    }
    default:
      return { ok: false, error: `cannot extract pod selector from ${obj.kind}` };
  }
}

interface PortInfo {
  readonly port: string;
  readonly protocol: string;
}

/** PortsForObject / ProtocolsForObject: container ports of the pod (template), or the service's ports. */
export function portsForObject(obj: KubeObject): PortInfo[] {
  if (obj.kind === 'Service') return (obj.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }));
  const spec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  const out: PortInfo[] = [];
  for (const c of spec?.containers ?? []) {
    for (const p of c.ports ?? []) out.push({ port: String(p.containerPort), protocol: p.protocol ?? 'TCP' });
  }
  return out;
}

/** What `kubectl expose` was asked for. */
export interface ExposeOptions {
  readonly name: string;
  readonly port: string;
  readonly targetPort: string;
  readonly protocol: string;
  readonly type: string;
  readonly selector: string;
  readonly labels: string;
  readonly clusterIP: string;
  readonly externalIP: string;
  readonly loadBalancerIP: string;
  readonly sessionAffinity: string;
  readonly portName?: string;
}

/** The Service for `kubectl expose TYPE NAME`; errors are usage errors as kubectl reports them. */
export function exposeService(source: KubeObject, o: ExposeOptions): GenResult {
  let selector = o.selector;
  if (!selector) {
    const s = selectorForObject(source);
    if (!s.ok) return genError(`couldn't retrieve selectors via --selector flag or introspection: ${s.error}`, true);
    selector = s.selector;
  }
  const introspected = portsForObject(source);
  let ports = o.port;
  if (!ports) {
    if (introspected.length === 0 && o.clusterIP !== 'None') return genError("couldn't find port via --port flag or introspection", true);
    ports = introspected.map((p) => p.port).join(',');
  }
  const protocols = new Map(introspected.map((p) => [p.port, p.protocol]));
  const selectorMap = parseLabelList(selector);
  if (!selectorMap) return genError(`invalid label spec: ${selector}`);
  let labels: Record<string, string> | undefined = source.metadata.labels;
  if (o.labels) {
    const parsed = parseLabelList(o.labels);
    if (!parsed) return genError(`invalid label spec: ${o.labels}`);
    labels = parsed;
  }
  const portList = ports ? ports.split(',') : [];
  const servicePorts: Record<string, unknown>[] = [];
  for (let i = 0; i < portList.length; i++) {
    const text = portList[i]!;
    if (!/^-?[0-9]+$/.test(text)) return genError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
    const port: Record<string, unknown> = {};
    const name = portList.length > 1 ? `port-${i + 1}` : (o.portName ?? '');
    if (name) port.name = name;
    port.port = Number(text);
    port.protocol = o.protocol || protocols.get(text) || 'TCP';
    port.targetPort = o.targetPort ? (/^[0-9]+$/.test(o.targetPort) ? Number(o.targetPort) : o.targetPort) : Number(text);
    servicePorts.push(port);
  }
  const spec: Record<string, unknown> = { selector: selectorMap };
  if (servicePorts.length > 0) spec.ports = servicePorts;
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.type) spec.type = o.type;
  if (o.type === 'LoadBalancer' && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  const metadata: KubeObject['metadata'] = { creationTimestamp: null, name: o.name || source.metadata.name };
  if (labels && Object.keys(labels).length > 0) metadata.labels = { ...labels };
  return generated({ apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } });
}
