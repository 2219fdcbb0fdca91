/**
 * One node's kubelet state, shared by its controller, the pod connector (logs, exec) and
 * metrics: the node's images, its pods' runtime records, the back-off tables and whether
 * the kubelet is running at all.
 */
import type { KubeObject } from '../api/types.js';
import type { ControllerContext } from '../controllers/types.js';
import type { EventType } from '../events.js';
import { Backoff } from './backoff.js';
import { NodeImages } from './images.js';
import type { ImageCatalog } from '../images/catalog.js';
import type { PodNetwork } from './net-port.js';
import type { PodRuntime } from './runtime.js';
import type { VolumeStores } from './volumes.js';

/** Images a kubeadm node has before any pod asks: the control plane's on the control-plane node. */
export function preloadedImages(controlPlane: boolean, version: string): string[] {
  const all = ['registry.k8s.io/pause:3.9', `registry.k8s.io/kube-proxy:${version}`, 'registry.k8s.io/coredns/coredns:v1.11.1'];
  if (!controlPlane) return all;
  return [
    ...all,
    'registry.k8s.io/etcd:3.5.12-0',
    `registry.k8s.io/kube-apiserver:${version}`,
    `registry.k8s.io/kube-controller-manager:${version}`,
    `registry.k8s.io/kube-scheduler:${version}`,
  ];
}

/** A node's kubelet. */
export class NodeAgent {
  running = true;
  readonly images: NodeImages;
  /** `namespace/name` -> the pod's runtime record. */
  readonly pods = new Map<string, PodRuntime>();
  /** Container restarts, keyed by pod + container. */
  readonly restartBackoff = new Backoff();
  /** Image pulls, keyed by `podUID_image`. */
  readonly pullBackoff = new Backoff();
  /** The context of the kubelet's controller once it has run (for resuming from outside). */
  ctx: ControllerContext | undefined;
  /** Node status bookkeeping. */
  lastNodeStatusAt = -Infinity;
  reportedImages = -1;

  constructor(
    readonly node: string,
    readonly network: PodNetwork,
    readonly volumes: VolumeStores,
    catalog?: ImageCatalog,
  ) {
    this.images = new NodeImages(catalog);
  }

  /** The Node object, if it exists. */
  nodeObject(ctx: ControllerContext): KubeObject | undefined {
    return ctx.store.get('nodes', undefined, this.node);
  }

  /** The node's InternalIP. */
  nodeIP(ctx: ControllerContext): string {
    const addrs: { type: string; address: string }[] = this.nodeObject(ctx)?.status?.addresses ?? [];
    return addrs.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  /** Records a kubelet event about a pod (or one of its containers). */
  event(ctx: ControllerContext, pod: KubeObject, type: EventType, reason: string, message: string, container?: { name: string; kind: string }): void {
    const field = container?.kind === 'app' ? 'containers' : container?.kind === 'ephemeral' ? 'ephemeralContainers' : 'initContainers';
    const fieldPath = container ? `spec.${field}{${container.name}}` : undefined;
    ctx.event(pod, type, reason, message, { component: 'kubelet', host: this.node, ...(fieldPath ? { fieldPath } : {}) });
  }
}
