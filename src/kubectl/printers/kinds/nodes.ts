/** `kubectl get` tables for nodes and their heartbeat leases. */
import type { KubeObject } from '../../../engine/api/types.js';
import { age } from '../cells.js';
import { col, name, wide, type PrinterTable } from '../printer-table.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: `node-role.kubernetes.io/<r>` suffixes and `kubernetes.io/role` values, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Node STATUS: Ready/NotReady/Unknown from the Ready condition, `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const ready = ((node.status?.conditions ?? []) as { type: string; status: string }[]).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: KubeObject, type: string): string =>
  ((node.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === type)?.address ?? '<none>';

/** printNode. */
export const nodes: PrinterTable = {
  columns: [
    name(), col('STATUS'), col('ROLES'), col('AGE'), col('VERSION'),
    wide('INTERNAL-IP'), wide('EXTERNAL-IP'), wide('OS-IMAGE'), wide('KERNEL-VERSION'), wide('CONTAINER-RUNTIME'),
  ],
  row: (node, { now }) => {
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name ?? '', nodeStatus(node), nodeRoles(node).join(',') || '<none>', age(node, now), info.kubeletVersion ?? '',
      address(node, 'InternalIP'), address(node, 'ExternalIP'),
      info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

/** printLease: HOLDER is spec.holderIdentity, empty when unset. */
export const leases: PrinterTable = {
  columns: [name(), col('HOLDER'), col('AGE')],
  row: (lease, { now }) => [lease.metadata.name ?? '', lease.spec?.holderIdentity ?? '', age(lease, now)],
};
