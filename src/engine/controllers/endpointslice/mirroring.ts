/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): a Service
 * without a selector gets its hand-written Endpoints mirrored into EndpointSlices, one per
 * subset, owned by the Endpoints, so clients reading slices see them too. Endpoints
 * labelled `endpointslice.kubernetes.io/skip-mirror: "true"` (the `kubernetes` Service's)
 * are not mirrored.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { stableJson } from '../../api/server.js';
import { controllerRef } from '../pods.js';
import { keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, MAX_ENDPOINTS_PER_SLICE } from './index.js';

export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

interface Address {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: Record<string, unknown>;
}

/** The endpointslicemirroring-controller. */
export function createEndpointSliceMirroringController(): Controller {
  return {
    name: 'endpointslicemirroring-controller',
    watches: ['endpoints', 'services', 'endpointslices'],
    initialKeys: (ctx) => ctx.store.list('endpoints').map(keyOf),
    keysFor(event) {
      if (event.resource !== 'endpointslices') return [keyOf(event.object)];
      const labels = event.object.metadata.labels ?? {};
      return labels[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME && labels[LABEL_SERVICE_NAME] ? [`${event.object.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`] : [];
    },
    sync: syncEndpoints,
  };
}

function mirrored(namespace: string | undefined, name: string, ctx: ControllerContext): KubeObject[] {
  return ctx.store.list('endpointslices', namespace).filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME && s.metadata.labels?.[LABEL_SERVICE_NAME] === name);
}

/** One slice body per subset (chunked by the slice limit): ports, and endpoints with their ready condition. */
function desired(ep: KubeObject): { ports: unknown[] | null; endpoints: unknown[] }[] {
  const out: { ports: unknown[] | null; endpoints: unknown[] }[] = [];
  for (const subset of (ep.subsets ?? []) as { addresses?: Address[]; notReadyAddresses?: Address[]; ports?: { name?: string; port: number; protocol?: string; appProtocol?: string }[] }[]) {
    const toEndpoint = (a: Address, ready: boolean) => ({
      addresses: [a.ip],
      conditions: { ready },
      ...(a.hostname ? { hostname: a.hostname } : {}),
      ...(a.nodeName ? { nodeName: a.nodeName } : {}),
      ...(a.targetRef ? { targetRef: a.targetRef } : {}),
    });
    const endpoints = [...(subset.addresses ?? []).map((a) => toEndpoint(a, true)), ...(subset.notReadyAddresses ?? []).map((a) => toEndpoint(a, false))];
    const ports = (subset.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) out.push({ ports: ports.length ? ports : null, endpoints: endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  return out;
}

function syncEndpoints(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const ep = ctx.store.get('endpoints', namespace, name);
  const svc = ctx.store.get('services', namespace, name);
  const existing = mirrored(namespace, name, ctx);
  const wanted = ep && svc && !svc.spec?.selector && ep.metadata.labels?.[SKIP_MIRROR_LABEL] !== 'true' ? desired(ep) : [];
  const labels: Record<string, string> = { ...(ep?.metadata.labels ?? {}), [LABEL_SERVICE_NAME]: name, [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER_NAME };
  const annotations = Object.fromEntries(Object.entries(ep?.metadata.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED && k !== TRIGGER_TIME));
  const unused = [...existing];
  for (const want of wanted) {
    const slice = unused.shift();
    if (slice && stableJson(slice.ports ?? null) === stableJson(want.ports) && stableJson(slice.endpoints) === stableJson(want.endpoints) && stableJson(slice.metadata.labels) === stableJson(labels)) continue;
    const next: KubeObject = slice ? clone(slice) : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { generateName: `${name}-`, namespace, ownerReferences: [controllerRef(ep!)] }, addressType: 'IPv4' };
    next.metadata.labels = labels;
    if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;
    next.ports = want.ports;
    next.endpoints = want.endpoints;
    if (slice) ctx.client.update('endpointslices', namespace, next);
    else ctx.client.create('endpointslices', namespace, next);
  }
  for (const s of unused) ctx.client.delete('endpointslices', namespace, s.metadata.name!);
}
