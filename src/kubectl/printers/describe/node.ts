/**
 * describe node (describe.go describeNode, describeNodeResource).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { parseQuantity } from '../../../engine/api/quantity.js';
import type { DescribeContext } from './context.js';
import { writeEvents } from './events.js';
import { compareStrings, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, quantityString, rfc1123z, since, sortedKeys } from './format.js';
import { addTotals, amountMilli, amountString, podRequestsAndLimits, type Amount, type ResourceTotals } from './resources.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './tabbed.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: from `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(compareStrings);
}

/**
 * describeNodeLease. The lease comes from kube-node-lease; when the cluster keeps none, the
 * kubelet's identity and last heartbeat stand in, which is what a real lease would hold.
 */
function describeLease(node: KubeObject, ctx: DescribeContext, w: PrefixWriter): void {
  const lease = ctx.get('leases', 'kube-node-lease', node.metadata.name ?? '');
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  const spec = lease?.spec ?? { holderIdentity: node.metadata.name, renewTime: ready?.lastHeartbeatTime };
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

function printResourceList(list: Readonly<Record<string, string>>, w: PrefixWriter): void {
  for (const name of sortedKeys(list)) w.write(LEVEL_0, `  ${name}:\t${quantityString(list[name])}\n`);
}

/** The allocatable amount of a resource (capacity when allocatable is empty). */
function allocatableOf(node: KubeObject): ResourceTotals {
  const list: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const out: ResourceTotals = new Map();
  for (const [k, text] of Object.entries(list)) {
    const q = parseQuantity(text);
    if (q) out.set(k, { value: q.value, format: q.format });
  }
  return out;
}

/** `{quantity} ({percent}%)` with the percentage truncated like Go's int64(float). */
function withPercent(a: Amount | undefined, total: Amount | undefined, milli: boolean): string {
  const num = milli ? amountMilli(a) : (a?.value ?? 0);
  const den = milli ? amountMilli(total) : (total?.value ?? 0);
  const pct = den === 0 ? 0 : Math.trunc((num / den) * 100);
  return `${amountString(a)} (${pct}%)`;
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

function describeNodeResource(pods: readonly KubeObject[], node: KubeObject, now: number, w: PrefixWriter): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = allocatableOf(node);
  const reqs: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const pod of pods) {
    const { requests: r, limits: l } = podRequestsAndLimits(pod);
    addTotals(reqs, r);
    addTotals(limits, l);
    const cells = [
      withPercent(r.get('cpu'), alloc.get('cpu'), true),
      withPercent(l.get('cpu'), alloc.get('cpu'), true),
      withPercent(r.get('memory'), alloc.get('memory'), false),
      withPercent(l.get('memory'), alloc.get('memory'), false),
    ];
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cells.join('\t')}\t${since(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  for (const [name, milli] of [['cpu', true], ['memory', false], ['ephemeral-storage', false]] as const) {
    w.write(LEVEL_1, `${name}\t${withPercent(reqs.get(name), alloc.get(name), milli)}\t${withPercent(limits.get(name), alloc.get(name), milli)}\n`);
  }
  const names = [...alloc.keys()].sort(compareStrings);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    w.write(LEVEL_1, `${name}\t${withPercent(reqs.get(name), alloc.get(name), false)}\t${withPercent(limits.get(name), alloc.get(name), false)}\n`);
  }
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && !n.startsWith('requests.'))) {
    w.write(LEVEL_1, `${name}\t${amountString(reqs.get(name))}\t${amountString(limits.get(name))}\n`);
  }
}

/** describe node. */
export function describeNode(node: KubeObject, ctx: DescribeContext): string {
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const info = status.nodeInfo ?? {};
  const pods = ctx
    .list('pods')
    .filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => compareStrings(`${a.metadata.namespace}/${a.metadata.name}`, `${b.metadata.namespace}/${b.metadata.name}`));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    describeLease(node, ctx, w);
    const conditions: Record<string, string>[] = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of (status.addresses ?? []) as { type: string; address: string }[]) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity, w);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable, w);
    }
    w.write(LEVEL_0, 'System Info:\n');
    const infoRows: [string, string][] = [
      ['Machine ID', info.machineID],
      ['System UUID', info.systemUUID],
      ['Boot ID', info.bootID],
      ['Kernel Version', info.kernelVersion],
      ['OS Image', info.osImage],
      ['Operating System', info.operatingSystem],
      ['Architecture', info.architecture],
      ['Container Runtime Version', info.containerRuntimeVersion],
      ['Kubelet Version', info.kubeletVersion],
      ['Kube-Proxy Version', info.kubeProxyVersion],
    ];
    for (const [label, value] of infoRows) w.write(LEVEL_0, `  ${label}:\t${value ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, ctx.now, w);
    // Controllers record node events under the node's uid, kubelets under its name.
    writeEvents(node, ctx, w, { extraUids: [node.metadata.name ?? ''] });
  });
}
