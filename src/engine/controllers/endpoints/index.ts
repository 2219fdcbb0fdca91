/**
 * The Endpoints controller (pkg/controller/endpoint): one Endpoints object per Service
 * with a selector, named like it, listing the selected pods' IPs and target ports — ready
 * pods under `addresses`, the others under `notReadyAddresses`. Services without a
 * selector are left to whoever writes their Endpoints by hand.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { jsonEqual } from '../../api/server.js';
import { isPodReady } from '../pods.js';
import { keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { endpointHostname, findPort, podTargetRef, selectedPods, servicesForPod, shouldPodBeInEndpoints, type ServicePort } from './pods.js';
import { repackSubsets, type AddressPort } from './subsets.js';

/** When the change the Endpoints reflect happened (v1.EndpointsLastChangeTriggerTime). */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** The label marking the Endpoints of a headless Service. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** The endpoints-controller. */
export function createEndpointsController(): Controller {
  return {
    name: 'endpoint-controller',
    watches: ['services', 'pods'],
    initialKeys: (ctx) => ctx.store.list('services').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'services') return [keyOf(event.object)];
      return servicesForPod(event.object, event.oldObject, ctx.store);
    },
    sync: syncService,
  };
}

/** The Endpoints a Service's selected pods add up to (subsets only). */
export function desiredSubsets(svc: KubeObject, pods: readonly KubeObject[]): ReturnType<typeof repackSubsets> {
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
  const ports: ServicePort[] = svc.spec?.ports ?? [];
  const entries: AddressPort[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const hostname = endpointHostname(pod, svc);
    const address = { ip: pod.status.podIP as string, ...(hostname ? { hostname } : {}), ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}), targetRef: podTargetRef(pod) };
    const ready = tolerateUnready || isPodReady(pod);
    // A headless Service without ports still lists its pods' addresses.
    if (ports.length === 0) {
      if (svc.spec?.clusterIP === 'None') entries.push({ address, ready, port: undefined });
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      entries.push({ address, ready, port: { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) } });
    }
  }
  return repackSubsets(entries);
}

/** The Service's labels, with the headless marker the real controller adds or removes. */
function endpointsLabels(svc: KubeObject): Record<string, string> | undefined {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  delete labels[HEADLESS_LABEL];
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return Object.keys(labels).length > 0 ? labels : undefined;
}

function syncService(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const svc = ctx.store.get('services', namespace, name);
  const current = ctx.store.get('endpoints', namespace, name);
  if (!svc) {
    // The Service is gone: so are its Endpoints.
    if (current) ctx.client.delete('endpoints', namespace, name);
    return;
  }
  if (!svc.spec?.selector) return;
  const subsets = desiredSubsets(svc, selectedPods(svc, ctx.store));
  const labels = endpointsLabels(svc);
  // jsonEqual answers what comparing stableJson strings did, without building them (every service syncs on every pod change).
  if (current && jsonEqual(current.subsets ?? [], subsets) && jsonEqual(current.metadata.labels ?? {}, labels ?? {})) return;
  const next: KubeObject = current ? clone(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
  if (labels) next.metadata.labels = labels;
  else delete next.metadata.labels;
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [LAST_CHANGE_TRIGGER_TIME]: ctx.clock.nowRfc3339() };
  if (subsets.length > 0) next.subsets = subsets;
  else delete next.subsets;
  if (current) ctx.client.update('endpoints', namespace, next);
  else ctx.client.create('endpoints', namespace, next);
}
