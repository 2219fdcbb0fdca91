/**
 * `kubectl top node | pod` (cmd/top, metricsutil/metrics_printer.go). Usage comes from the
 * kubelets through the env's `metrics` seam (the Metrics API of a real cluster); without
 * it kubectl's `error: Metrics API not available`. Every cell is tab-terminated in
 * kubectl's printer, so the last column is padded too (lines end in spaces).
 */
import { parseQuantity } from '../../../engine/api/quantity.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../errors.js';
import { formatTable } from '../../printers/tabwriter.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { groupCommand } from './parents.js';
import { TOP_NODE_SPEC, TOP_POD_SPEC, TOP_SPEC } from './specs/nodes.js';
import { openSession } from './support.js';

/** CPU in millicores and memory in bytes, as a metrics sample gives them. */
export interface Usage {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

/** Where `top` reads usage: the engine's podMetrics / nodeMetrics bound to a cluster. */
export interface MetricsSource {
  node(name: string): Usage | undefined;
  pod(namespace: string, name: string): (Usage & { readonly containers: readonly (Usage & { readonly name: string })[] }) | undefined;
}

/** A KubectlEnv with the Metrics API (the integrator binds it to the cluster's kubelets). */
export interface MetricsEnv extends KubectlEnv {
  readonly metrics?: MetricsSource;
}

const cpu = (u: Usage) => `${Math.round(u.cpuMilli)}m`;
const mem = (u: Usage) => `${Math.floor(u.memoryBytes / (1024 * 1024))}Mi`;
/** Pads the last column too, as kubectl's tab-terminated cells are. */
const table = (rows: string[][]) => formatTable(rows.map((r) => [...r, '']));

function sortRows<T extends { usage: Usage; name: string }>(rows: T[], sortBy: string): T[] {
  if (sortBy === 'cpu') return [...rows].sort((a, b) => b.usage.cpuMilli - a.usage.cpuMilli);
  if (sortBy === 'memory') return [...rows].sort((a, b) => b.usage.memoryBytes - a.usage.memoryBytes);
  return rows;
}

function percent(used: number, available: number): string {
  return available > 0 ? `${Math.trunc((used / available) * 100)}%` : '<unknown>';
}

function topNode(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const metrics = (env as MetricsEnv).metrics;
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const client = session.value.client;
  let nodes: readonly KubeObject[];
  if (flags.args.length > 0) {
    const r = client.get('nodes', undefined, flags.args[0]!);
    if (!r.ok) return printError(io, r.error);
    nodes = [r.value];
  } else {
    const r = client.list('nodes', flags.string('selector') ? { labelSelector: flags.string('selector') } : {});
    if (!r.ok) return printError(io, r.error);
    nodes = r.value.items;
  }
  if (!metrics) return printError(io, 'Metrics API not available');
  const source = flags.bool('show-capacity') ? 'capacity' : 'allocatable';
  const measured = nodes.flatMap((n) => {
    const usage = metrics.node(n.metadata.name!);
    return usage ? [{ name: n.metadata.name!, usage, node: n }] : [];
  });
  if (flags.args.length > 0 && measured.length === 0) return printError(io, `metrics not available yet`);
  const rows = sortRows(measured, flags.string('sort-by')).map(({ name, usage, node }) => {
    const cpuAvail = (parseQuantity(node.status?.[source]?.cpu)?.value ?? 0) * 1000;
    const memAvail = parseQuantity(node.status?.[source]?.memory)?.value ?? 0;
    return [name, cpu(usage), percent(usage.cpuMilli, cpuAvail), mem(usage), percent(usage.memoryBytes, memAvail)];
  });
  // Nodes the Metrics API has no sample for are listed last, unknown (printMissingMetricsNodeLine).
  for (const n of nodes) if (!measured.some((m) => m.node === n)) rows.push([n.metadata.name!, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  const headers = flags.bool('no-headers') ? [] : [['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%']];
  io.out(table([...headers, ...rows]));
  return 0;
}

function topPod(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const metrics = (env as MetricsEnv).metrics;
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const all = flags.bool('all-namespaces');
  let pods: readonly KubeObject[];
  if (flags.args.length > 0) {
    const r = client.get('pods', namespace, flags.args[0]!);
    if (!r.ok) return printError(io, r.error);
    pods = [r.value];
  } else {
    const opts = { ...(all ? {} : { namespace }), ...(flags.string('selector') ? { labelSelector: flags.string('selector') } : {}), ...(flags.string('field-selector') ? { fieldSelector: flags.string('field-selector') } : {}) };
    const r = client.list('pods', opts);
    if (!r.ok) return printError(io, r.error);
    pods = r.value.items;
  }
  if (!metrics) return printError(io, 'Metrics API not available');
  const measured = pods.flatMap((p) => {
    const usage = metrics.pod(p.metadata.namespace!, p.metadata.name!);
    return usage ? [{ name: p.metadata.name!, namespace: p.metadata.namespace!, usage }] : [];
  });
  if (flags.args.length > 0 && measured.length === 0) {
    const pod = pods[0]!;
    const age = Math.max(0, Math.trunc((env.now() - Date.parse(pod.metadata.creationTimestamp ?? '')) / 1000));
    return printError(io, `Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${age}s`);
  }
  if (measured.length === 0) {
    io.err(all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  const containers = flags.bool('containers');
  const head = [...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];
  const rows: string[][] = [];
  for (const m of sortRows(measured, flags.string('sort-by'))) {
    const lead = all ? [m.namespace] : [];
    if (containers) for (const c of m.usage.containers) rows.push([...lead, m.name, c.name, cpu(c), mem(c)]);
    else rows.push([...lead, m.name, cpu(m.usage), mem(m.usage)]);
  }
  if (flags.bool('sum')) {
    const total = { cpuMilli: measured.reduce((n, m) => n + m.usage.cpuMilli, 0), memoryBytes: measured.reduce((n, m) => n + m.usage.memoryBytes, 0) };
    const blanks = head.length - 2;
    rows.push([...Array(blanks).fill(''), '________', '________'], [...Array(blanks).fill(''), cpu(total), mem(total)]);
  }
  io.out(table([...(flags.bool('no-headers') ? [] : [head]), ...rows]));
  return 0;
}

/** `kubectl top node`. */
export const topNodeCommand: CommandModule = { path: ['top', 'node'], spec: TOP_NODE_SPEC, run: topNode };
/** `kubectl top pod`. */
export const topPodCommand: CommandModule = { path: ['top', 'pod'], spec: TOP_POD_SPEC, run: topPod };
/** The top group, parent first. */
export const TOP_COMMANDS: CommandModule[] = [groupCommand(TOP_SPEC, [topNodeCommand, topPodCommand], 'stderr'), topNodeCommand, topPodCommand];
