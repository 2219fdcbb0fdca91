/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a
 * selector, `discovery.k8s.io/v1` slices named `<service>-<5 chars>` list the selected
 * pods with their conditions (ready, serving, terminating). Pods whose named target ports
 * resolve differently land in slices of their own, at most 100 endpoints each. The slices
 * are owned by the Service, so the garbage collector removes them with it.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { jsonEqual, stableJson } from '../../api/server.js';
import { isPodReady, controllerRef } from '../pods.js';
import { keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { endpointHostname, findPort, podTargetRef, selectedPods, servicesForPod, shouldPodBeInEndpoints, type ServicePort } from '../endpoints/pods.js';
import { HEADLESS_LABEL, LAST_CHANGE_TRIGGER_TIME } from '../endpoints/index.js';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
const ZONE_LABEL = 'topology.kubernetes.io/zone';

interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** The endpointslice-controller. */
export function createEndpointSliceController(): Controller {
  return {
    name: 'endpointslice-controller',
    watches: ['services', 'pods', 'endpointslices'],
    initialKeys: (ctx) => ctx.store.list('services').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'services') return [keyOf(event.object)];
      if (event.resource === 'pods') return servicesForPod(event.object, event.oldObject, ctx.store);
      // Someone changed or removed one of our slices: put it right.
      const labels = event.object.metadata.labels ?? {};
      if (labels[LABEL_MANAGED_BY] !== CONTROLLER_NAME || !labels[LABEL_SERVICE_NAME]) return [];
      return [`${event.object.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`];
    },
    sync: syncService,
  };
}

function podEndpoint(pod: KubeObject, svc: KubeObject, ctx: ControllerContext): Record<string, unknown> {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  // A terminating pod is never ready, unless the Service publishes unready addresses.
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const hostname = endpointHostname(pod, svc);
  const zone = pod.spec?.nodeName ? ctx.store.get('nodes', undefined, pod.spec.nodeName)?.metadata.labels?.[ZONE_LABEL] : undefined;
  return {
    addresses: [pod.status.podIP],
    conditions: { ready, serving, terminating },
    ...(hostname ? { hostname } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: podTargetRef(pod),
    ...(zone ? { zone } : {}),
  };
}

function podPorts(pod: KubeObject, svc: KubeObject): SlicePort[] {
  const out: SlicePort[] = [];
  for (const sp of (svc.spec?.ports ?? []) as ServicePort[]) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/** The labels of a Service's slices: its own (less reserved keys) plus ours. */
function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (k !== LABEL_SERVICE_NAME && k !== LABEL_MANAGED_BY && k !== HEADLESS_LABEL) labels[k] = v;
  labels[LABEL_SERVICE_NAME] = svc.metadata.name!;
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return labels;
}

/** The slices the Service should have: endpoints grouped by port set, chunked by the slice limit. */
export function desiredSlices(svc: KubeObject, pods: readonly KubeObject[], ctx: ControllerContext): { ports: SlicePort[] | null; endpoints: Record<string, unknown>[] | null }[] {
  const groups = new Map<string, { ports: SlicePort[]; endpoints: Record<string, unknown>[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = podPorts(pod, svc);
    const k = stableJson(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, endpoints: [] }));
    g.endpoints.push(podEndpoint(pod, svc, ctx));
  }
  const out: { ports: SlicePort[] | null; endpoints: Record<string, unknown>[] | null }[] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) out.push({ ports: g.ports.length ? g.ports : null, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  // A Service without endpoints keeps one empty placeholder slice.
  if (out.length === 0) out.push({ ports: null, endpoints: null });
  return out;
}

function syncService(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const svc = ctx.store.get('services', namespace, name);
  // Gone Services' slices go with the garbage collector (they are owned by the Service).
  if (!svc || svc.metadata.deletionTimestamp) return;
  if (!svc.spec?.selector || svc.spec?.type === 'ExternalName') return;
  const existing = ctx.store
    .list('endpointslices', namespace)
    .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && s.metadata.labels?.[LABEL_SERVICE_NAME] === name && !s.metadata.deletionTimestamp);
  const desired = desiredSlices(svc, selectedPods(svc, ctx.store), ctx);
  const labels = sliceLabels(svc);
  const unused = [...existing];
  for (const want of desired) {
    // Prefer a slice that already has these ports, so names stay stable across changes.
    const i = Math.max(0, unused.findIndex((s) => jsonEqual(s.ports ?? null, want.ports)));
    const slice = unused.splice(i, 1)[0];
    // jsonEqual: the stableJson comparison without building the strings (runs on every pod change).
    if (slice && jsonEqual(slice.ports ?? null, want.ports) && jsonEqual(slice.endpoints ?? null, want.endpoints) && jsonEqual(slice.metadata.labels, labels)) continue;
    const next: KubeObject = slice
      ? clone(slice)
      : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { generateName: `${name}-`, namespace, ownerReferences: [controllerRef(svc)] }, addressType: 'IPv4' };
    next.metadata.labels = labels;
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [LAST_CHANGE_TRIGGER_TIME]: ctx.clock.nowRfc3339() };
    next.ports = want.ports;
    next.endpoints = want.endpoints;
    const r = slice ? ctx.client.update('endpointslices', namespace, next) : ctx.client.create('endpointslices', namespace, next);
    // Never leave stale endpoints behind: a slice that cannot become the placeholder goes.
    if (!r.ok && slice && want.endpoints === null) ctx.client.delete('endpointslices', namespace, slice.metadata.name!);
  }
  for (const s of unused) ctx.client.delete('endpointslices', namespace, s.metadata.name!);
}
