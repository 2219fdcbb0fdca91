/**
 * `kubectl get` tables for pods and the apps workloads: deployments, replicasets,
 * statefulsets, daemonsets, replicationcontrollers, controllerrevisions.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { age, containerCells, formatLabelSelector, formatLabels, int, selectorString, templateContainers } from '../cells.js';
import { podRow } from '../pod-row.js';
import { col, name, wide, type PrinterTable } from '../printer-table.js';

/** printPod: READY/STATUS/RESTARTS from pod-status, then IP, NODE, NOMINATED NODE, READINESS GATES. */
export const pods: PrinterTable = {
  columns: [name(), col('READY'), col('STATUS'), col('RESTARTS'), col('AGE'), wide('IP'), wide('NODE'), wide('NOMINATED NODE'), wide('READINESS GATES')],
  row: (pod, { now }) => podRow(pod, now),
};

/** printDeployment: READY is ready/desired; the wide SELECTOR is the raw selector string. */
export const deployments: PrinterTable = {
  columns: [name(), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), col('AGE'), wide('CONTAINERS'), wide('IMAGES'), wide('SELECTOR')],
  row: (d, { now }) => {
    const st = d.status ?? {};
    return [
      d.metadata.name ?? '', `${int(st.readyReplicas)}/${int(d.spec?.replicas)}`, int(st.updatedReplicas), int(st.availableReplicas), age(d, now),
      ...containerCells(templateContainers(d)), selectorString(d.spec?.selector),
    ];
  },
};

// ReplicaSets and ReplicationControllers share DESIRED/CURRENT/READY.
function replicaRow(obj: KubeObject, now: number, selector: string): string[] {
  const st = obj.status ?? {};
  return [
    obj.metadata.name ?? '', int(obj.spec?.replicas), int(st.replicas), int(st.readyReplicas), age(obj, now),
    ...containerCells(templateContainers(obj)), selector,
  ];
}

const replicaColumns = [name(), col('DESIRED'), col('CURRENT'), col('READY'), col('AGE'), wide('CONTAINERS'), wide('IMAGES'), wide('SELECTOR')];

/** printReplicaSet. */
export const replicasets: PrinterTable = {
  columns: replicaColumns,
  row: (rs, { now }) => replicaRow(rs, now, formatLabelSelector(rs.spec?.selector)),
};

/** printReplicationController: its selector is a plain map. */
export const replicationcontrollers: PrinterTable = {
  columns: replicaColumns,
  row: (rc, { now }) => replicaRow(rc, now, formatLabels(rc.spec?.selector)),
};

/** printStatefulSet: READY is ready/desired; no wide selector. */
export const statefulsets: PrinterTable = {
  columns: [name(), col('READY'), col('AGE'), wide('CONTAINERS'), wide('IMAGES')],
  row: (s, { now }) => [
    s.metadata.name ?? '', `${int(s.status?.readyReplicas)}/${int(s.spec?.replicas)}`, age(s, now), ...containerCells(templateContainers(s)),
  ],
};

/** printDaemonSet: counts from status, NODE SELECTOR from the pod template. */
export const daemonsets: PrinterTable = {
  columns: [
    name(), col('DESIRED'), col('CURRENT'), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), col('NODE SELECTOR'), col('AGE'),
    wide('CONTAINERS'), wide('IMAGES'), wide('SELECTOR'),
  ],
  row: (ds, { now }) => {
    const st = ds.status ?? {};
    return [
      ds.metadata.name ?? '', int(st.desiredNumberScheduled), int(st.currentNumberScheduled), int(st.numberReady),
      int(st.updatedNumberScheduled), int(st.numberAvailable), formatLabels(ds.spec?.template?.spec?.nodeSelector), age(ds, now),
      ...containerCells(templateContainers(ds)), formatLabelSelector(ds.spec?.selector),
    ];
  },
};

/** printControllerRevision: CONTROLLER is `kind.group/name` of the controlling owner. */
export const controllerrevisions: PrinterTable = {
  columns: [name(), col('CONTROLLER'), col('REVISION'), col('AGE')],
  row: (cr, { now }) => {
    const owner = (cr.metadata.ownerReferences ?? []).find((o) => o.controller);
    let controller = '<none>';
    if (owner) {
      const group = owner.apiVersion.includes('/') ? owner.apiVersion.split('/')[0]! : '';
      controller = `${(group ? `${owner.kind}.${group}` : owner.kind).toLowerCase()}/${owner.name}`;
    }
    return [cr.metadata.name ?? '', controller, int(cr.revision), age(cr, now)];
  },
};
