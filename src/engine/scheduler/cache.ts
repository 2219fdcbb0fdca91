/**
 * The scheduler cache: a NodeInfo per node, kept current from the change feed one event at
 * a time, plus the pods the scheduler has assumed onto a node before the API confirmed
 * the binding. Pods that finished (Succeeded/Failed) are not counted, as the scheduler's
 * pod informer filters them out.
 */
import type { KubeObject } from '../api/types.js';
import type { StoreReader } from '../api/store.js';
import { NodeInfo, podInfo } from './node-info.js';
import { podKey } from './types.js';

/** Whether a pod holds resources on its node from the scheduler's point of view. */
export function occupiesNode(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

export class SchedulerCache {
  private readonly infos = new Map<string, NodeInfo>();
  /** pod key -> node the cache has it on. */
  private readonly podNode = new Map<string, string>();
  private sortedNodes: NodeInfo[] | undefined;

  /** Loads every node and placed pod from the store. */
  static fromStore(store: StoreReader): SchedulerCache {
    const cache = new SchedulerCache();
    for (const n of store.list('nodes')) cache.setNode(n);
    for (const p of store.list('pods')) cache.setPod(p);
    return cache;
  }

  /** Nodes that exist, in name order (pods may sit on a node not yet known). */
  nodes(): readonly NodeInfo[] {
    if (!this.sortedNodes) {
      this.sortedNodes = [...this.infos.values()].filter((i) => i.node).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return this.sortedNodes;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /** The node the cache places a pod on (bound or assumed). */
  nodeOf(key: string): string | undefined {
    return this.podNode.get(key);
  }

  setNode(node: KubeObject): void {
    const name = node.metadata.name!;
    const info = this.infos.get(name);
    if (info) info.setNode(node);
    else this.infos.set(name, new NodeInfo(name, node));
    this.sortedNodes = undefined;
  }

  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    // Pods keep their place until they are deleted too (the real cache keeps a ghost node).
    info.node = undefined;
    if (info.pods.size === 0) this.infos.delete(name);
    this.sortedNodes = undefined;
  }

  /** Applies a pod's current state: placed on a node, or not (any more). */
  setPod(pod: KubeObject): void {
    const key = podKey(pod);
    if (!occupiesNode(pod)) {
      this.removePod(key);
      return;
    }
    this.placePod(pod, pod.spec.nodeName);
  }

  /** Places a pod on a node before the API has it there (assume). */
  assume(pod: KubeObject, nodeName: string): void {
    this.placePod({ ...pod, spec: { ...pod.spec, nodeName } }, nodeName);
  }

  removePod(key: string): void {
    const on = this.podNode.get(key);
    if (on === undefined) return;
    this.podNode.delete(key);
    const info = this.infos.get(on);
    info?.removePod(key);
    if (info && !info.node && info.pods.size === 0) this.infos.delete(on);
  }

  private placePod(pod: KubeObject, nodeName: string): void {
    const key = podKey(pod);
    const on = this.podNode.get(key);
    if (on !== undefined && on !== nodeName) this.removePod(key);
    let info = this.infos.get(nodeName);
    if (!info) {
      info = new NodeInfo(nodeName);
      this.infos.set(nodeName, info);
    }
    info.addPod(podInfo(pod));
    this.podNode.set(key, nodeName);
  }
}
