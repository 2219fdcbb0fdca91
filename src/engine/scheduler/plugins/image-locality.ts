/**
 * ImageLocality: prefers nodes that already hold the pod's images, weighted by image size
 * and by how many nodes have them (so one node does not collect every pod of an image).
 */
import type { KubeObject } from '../../api/types.js';
import { MAX_NODE_SCORE, type ScorePlugin } from '../types.js';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** A container image name as node.status.images lists it: `nginx:1.27` -> `docker.io/library/nginx:1.27`. */
export function normalizedImageName(image: string): string {
  let name = image;
  if (!/[:@]/.test(name.slice(name.lastIndexOf('/') + 1))) name += ':latest';
  const first = name.split('/')[0]!;
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = (name.includes('/') ? 'docker.io/' : 'docker.io/library/') + name;
  return name;
}

function nodeImages(node: KubeObject | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const img of node?.status?.images ?? []) for (const n of img.names ?? []) out.set(normalizedImageName(n), img.sizeBytes ?? 0);
  return out;
}

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  preScore(pod, nodes, state) {
    const spread = new Map<string, number>();
    for (const n of state.nodes) for (const name of nodeImages(n.node).keys()) spread.set(name, (spread.get(name) ?? 0) + 1);
    state.data.set('ImageLocality/spread', spread);
    return spread.size > 0 && nodes.length > 0;
  },
  score(pod, node, state) {
    const spread = state.data.get('ImageLocality/spread') as Map<string, number>;
    const total = state.nodes.length;
    const images = nodeImages(node.node);
    let sum = 0;
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    for (const c of containers) {
      const name = normalizedImageName(String(c.image ?? ''));
      const size = images.get(name);
      if (size !== undefined) sum += Math.trunc(size * ((spread.get(name) ?? 0) / total));
    }
    const maxThreshold = MAX_CONTAINER_THRESHOLD * Math.max(1, containers.length);
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
  },
};
