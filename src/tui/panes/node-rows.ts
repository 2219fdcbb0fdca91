/**
 * The rows of the Nodes pane: status as kubectl prints it, roles, how many pods run there,
 * and CPU/memory requested against allocatable.
 */
import type { KubeObject } from '../../engine/api/types.js';
import { parseQuantity } from '../../engine/api/quantity.js';

export interface NodeRow {
  readonly name: string;
  readonly status: string;
  readonly roles: string;
  readonly pods: number;
  /** Requested fractions of allocatable, 0..1 (may exceed 1 when overcommitted). */
  readonly cpu: number;
  readonly memory: number;
}

function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  const base = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  return node.spec?.unschedulable ? `${base},SchedulingDisabled` : base;
}

function roles(node: KubeObject): string {
  const r = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  return r.length ? r.join(',') : '<none>';
}

function requests(pod: KubeObject, resource: 'cpu' | 'memory'): number {
  return (pod.spec?.containers ?? []).reduce((n: number, c: { resources?: { requests?: Record<string, string> } }) => n + (parseQuantity(c.resources?.requests?.[resource])?.value ?? 0), 0);
}

/** One row per node, with the non-terminated pods bound to it. */
export function nodeRows(nodes: readonly KubeObject[], pods: readonly KubeObject[]): NodeRow[] {
  const byNode = new Map<string, KubeObject[]>();
  for (const p of pods) {
    const n = p.spec?.nodeName;
    if (!n || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(p);
  }
  return nodes.map((node) => {
    const mine = byNode.get(node.metadata.name!) ?? [];
    const alloc = node.status?.allocatable ?? {};
    const cpuAlloc = parseQuantity(alloc.cpu)?.value ?? 0;
    const memAlloc = parseQuantity(alloc.memory)?.value ?? 0;
    const cpu = mine.reduce((n, p) => n + requests(p, 'cpu'), 0);
    const mem = mine.reduce((n, p) => n + requests(p, 'memory'), 0);
    return { name: node.metadata.name!, status: nodeStatus(node), roles: roles(node), pods: mine.length, cpu: cpuAlloc ? cpu / cpuAlloc : 0, memory: memAlloc ? mem / memAlloc : 0 };
  });
}

/** A bar of `width` cells for a fraction, e.g. `▇▇▁▁`. */
export function bar(fraction: number, width: number): string {
  const filled = Math.min(width, Math.round(Math.max(0, fraction) * width));
  return '▇'.repeat(filled) + '▁'.repeat(width - filled);
}
