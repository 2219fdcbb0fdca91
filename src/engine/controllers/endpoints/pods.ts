/**
 * What the Endpoints and EndpointSlice controllers share (pkg/controller/util/endpoint,
 * endpointslice/util): which Services care about a pod, whether a pod belongs in a
 * Service's endpoints, and the container port a Service port targets on one pod.
 */
import { matchesMapSelector } from '../../api/selectors.js';
import type { StoreReader } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { keyOf } from '../types.js';

/** A Service port as the controllers read it. */
export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  appProtocol?: string;
  targetPort?: number | string;
}

/** The keys of the Services in the pod's namespace whose selector matches the pod now or before this change. */
export function servicesForPod(pod: KubeObject, old: KubeObject | undefined, store: StoreReader): string[] {
  const out: string[] = [];
  for (const svc of store.list('services', pod.metadata.namespace)) {
    const selector = svc.spec?.selector;
    if (!selector) continue;
    if (matchesMapSelector(selector, pod.metadata.labels) || (old && matchesMapSelector(selector, old.metadata.labels))) out.push(keyOf(svc));
  }
  return out;
}

/** The pods a Service selects, in name order. */
export function selectedPods(svc: KubeObject, store: StoreReader): KubeObject[] {
  return store.list('pods', svc.metadata.namespace).filter((p) => matchesMapSelector(svc.spec.selector, p.metadata.labels));
}

/**
 * ShouldPodBeInEndpoints: a pod with an IP that has not finished; a terminating pod only
 * when the caller includes terminating pods.
 */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * FindPort (pkg/api/v1/pod): a numeric targetPort is used as is; a named one is looked up
 * among the pod's container ports with the same protocol. Undefined: the pod lacks it.
 */
export function findPort(pod: KubeObject, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  const protocol = port.protocol ?? 'TCP';
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c: { restartPolicy?: string }) => c.restartPolicy === 'Always')];
  for (const c of containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** The address's hostname: the pod's hostname when its subdomain names this Service. */
export function endpointHostname(pod: KubeObject, svc: KubeObject): string | undefined {
  return pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
}

/** The reference from an endpoint to its pod. */
export function podTargetRef(pod: KubeObject): { kind: 'Pod'; name: string; namespace: string; uid: string } {
  return { kind: 'Pod', name: pod.metadata.name!, namespace: pod.metadata.namespace!, uid: pod.metadata.uid! };
}
