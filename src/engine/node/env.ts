/**
 * A container's environment as the kubelet builds it (kubelet_pods.go
 * makeEnvironmentVariables): Docker-link Service variables, then envFrom, then env with
 * valueFrom and `$(VAR)` references. A missing ConfigMap, Secret or key is a
 * CreateContainerConfigError with the kubelet's message.
 */
import type { StoreReader } from '../api/store.js';
import type { KubeObject } from '../api/types.js';
import { parseQuantity } from '../api/quantity.js';

/** The environment, or the reason the container cannot be configured. */
export type EnvResult = { readonly ok: true; readonly env: Record<string, string> } | { readonly ok: false; readonly message: string };

/** What fieldRef and resourceFieldRef read besides the pod itself. */
export interface EnvContext {
  readonly store: StoreReader;
  readonly pod: KubeObject;
  readonly podIP: string;
  readonly hostIP: string;
  /** Node allocatable, for resource refs of containers without limits. */
  readonly nodeAllocatable: Readonly<Record<string, string>>;
}

/** Builds the environment of one container. */
export function containerEnvironment(container: KubeObject['spec'], ctx: EnvContext): EnvResult {
  const { pod, store } = ctx;
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  const serviceEnv = serviceLinkEnv(store, ns, pod.spec?.enableServiceLinks !== false);
  for (const from of container.envFrom ?? []) {
    const prefix: string = from.prefix ?? '';
    if (from.configMapRef) {
      const cm = store.get('configmaps', ns, from.configMapRef.name);
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { ok: false, message: `configmap "${from.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries<string>(cm.data ?? {})) env[prefix + k] = v;
    }
    if (from.secretRef) {
      const s = store.get('secrets', ns, from.secretRef.name);
      if (!s) {
        if (from.secretRef.optional) continue;
        return { ok: false, message: `secret "${from.secretRef.name}" not found` };
      }
      for (const [k, v] of Object.entries<string>(s.data ?? {})) env[prefix + k] = decodeBase64(v);
    }
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom) {
      const v = valueFrom(e.valueFrom, container, ctx);
      if (!v.ok) return v;
      if (v.value !== undefined) env[e.name] = v.value;
      continue;
    }
    const lookup = (name: string): string | undefined => env[name] ?? serviceEnv[name];
    env[e.name] = expandVars(e.value ?? '', lookup);
  }
  return { ok: true, env: { ...serviceEnv, ...env } };
}

function valueFrom(source: KubeObject['spec'], container: KubeObject['spec'], ctx: EnvContext): { ok: true; value: string | undefined } | { ok: false; message: string } {
  const ns = ctx.pod.metadata.namespace ?? 'default';
  if (source.configMapKeyRef) {
    const ref = source.configMapKeyRef;
    const cm = ctx.store.get('configmaps', ns, ref.name);
    if (!cm) return ref.optional ? { ok: true, value: undefined } : { ok: false, message: `configmap "${ref.name}" not found` };
    const v = cm.data?.[ref.key] ?? cm.binaryData?.[ref.key];
    if (v === undefined) return ref.optional ? { ok: true, value: undefined } : { ok: false, message: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}` };
    return { ok: true, value: v };
  }
  if (source.secretKeyRef) {
    const ref = source.secretKeyRef;
    const s = ctx.store.get('secrets', ns, ref.name);
    if (!s) return ref.optional ? { ok: true, value: undefined } : { ok: false, message: `secret "${ref.name}" not found` };
    const v = s.data?.[ref.key];
    if (v === undefined) return ref.optional ? { ok: true, value: undefined } : { ok: false, message: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name}` };
    return { ok: true, value: decodeBase64(v) };
  }
  if (source.fieldRef) return { ok: true, value: fieldValue(source.fieldRef.fieldPath, ctx) };
  if (source.resourceFieldRef) return { ok: true, value: resourceValue(source.resourceFieldRef, container, ctx) };
  return { ok: true, value: undefined };
}

/** The downward API fields (pod.spec/metadata/status paths the kubelet supports). */
export function fieldValue(path: string, ctx: Pick<EnvContext, 'pod' | 'podIP' | 'hostIP'>): string {
  const pod = ctx.pod;
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (pod.metadata[m[1] as 'labels' | 'annotations'] ?? {})[m[2]!] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
      return formatMap(pod.metadata.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.hostIP':
    case 'status.hostIPs':
      return ctx.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return ctx.podIP;
    default:
      return '';
  }
}

/** `key="value"` lines, sorted, as the downward API volume writes labels and annotations. */
export function formatMap(map: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}

/** resourceFieldRef: limits fall back to node allocatable; the value is divided by the divisor and rounded up. */
export function resourceValue(ref: { resource: string; divisor?: string; containerName?: string }, container: KubeObject['spec'], ctx: Pick<EnvContext, 'pod' | 'nodeAllocatable'>): string {
  const target = ref.containerName ? (ctx.pod.spec?.containers ?? []).find((c: { name: string }) => c.name === ref.containerName) ?? container : container;
  const [kind, name] = ref.resource.split('.') as ['limits' | 'requests', string];
  let text: string | undefined = target?.resources?.[kind]?.[name];
  if (text === undefined && kind === 'requests') text = target?.resources?.limits?.[name];
  if (text === undefined) text = kind === 'limits' ? ctx.nodeAllocatable[name] : name === 'cpu' ? '0' : '0';
  const value = parseQuantity(text)?.value ?? 0;
  const divisor = parseQuantity(ref.divisor ?? '1')?.value || 1;
  return String(Math.ceil(value / divisor - 1e-9));
}

/**
 * The Docker-link variables of Services (pkg/kubelet/envvars): the `kubernetes` Service of
 * the default namespace always, the pod's namespace's Services when links are enabled.
 */
export function serviceLinkEnv(store: StoreReader, namespace: string, links: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const services = [...(links ? store.list('services', namespace) : [])];
  const master = store.get('services', 'default', 'kubernetes');
  if (master && !(links && namespace === 'default')) services.push(master);
  for (const svc of services) {
    const ip: string | undefined = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const ports: { name?: string; port: number; protocol?: string }[] = svc.spec?.ports ?? [];
    if (ports.length === 0) continue;
    const name = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
    out[`${name}_SERVICE_HOST`] = ip;
    out[`${name}_SERVICE_PORT`] = String(ports[0]!.port);
    for (const p of ports) if (p.name) out[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const first = ports[0]!;
    out[`${name}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`;
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const prefix = `${name}_PORT_${p.port}_${proto}`;
      out[prefix] = `${proto.toLowerCase()}://${ip}:${p.port}`;
      out[`${prefix}_PROTO`] = proto.toLowerCase();
      out[`${prefix}_PORT`] = String(p.port);
      out[`${prefix}_ADDR`] = ip;
    }
  }
  return out;
}

/**
 * `$(VAR)` expansion (third_party/forked/golang/expansion): a defined variable is replaced,
 * an undefined one stays as written, `$$` escapes.
 */
export function expandVars(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (all, name: string | undefined) => {
    if (all === '$$') return '$';
    const v = lookup(name!);
    return v === undefined ? all : v;
  });
}

/** Secret data is base64 in the API. */
export function decodeBase64(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}
