/**
 * The printer table of every kind kubectl get knows, keyed by plural resource name as in
 * the discovery table, like the server's printer registry (printers.go AddHandlers).
 */
import type { PrinterTable } from './printer-table.js';
import { cronjobs, jobs } from './kinds/batch.js';
import { componentstatuses, configmaps, createdAtTable, nameAgeTable, namespaces, resourcequotas, secrets, serviceaccounts } from './kinds/core.js';
import { events } from './kinds/events.js';
import { endpoints, endpointslices, ingressclasses, ingresses, networkpolicies, services } from './kinds/networking.js';
import { leases, nodes } from './kinds/nodes.js';
import { clusterrolebindings, clusterroles, rolebindings, roles } from './kinds/rbac.js';
import { horizontalpodautoscalers, poddisruptionbudgets } from './kinds/scaling.js';
import { persistentvolumeclaims, persistentvolumes, storageclasses } from './kinds/storage.js';
import { controllerrevisions, daemonsets, deployments, pods, replicasets, replicationcontrollers, statefulsets } from './kinds/workloads.js';

/** Every printer table, by resource (`pods`, `deployments`, ...). */
export const PRINTER_TABLES: Readonly<Record<string, PrinterTable>> = {
  pods, deployments, replicasets, replicationcontrollers, statefulsets, daemonsets, controllerrevisions,
  jobs, cronjobs,
  horizontalpodautoscalers, poddisruptionbudgets,
  namespaces, configmaps, secrets, serviceaccounts, resourcequotas, componentstatuses,
  // No printer in the server for these: its default table answers.
  limitranges: createdAtTable,
  services, endpoints, endpointslices, ingresses, ingressclasses, networkpolicies,
  persistentvolumes, persistentvolumeclaims, storageclasses,
  roles, clusterroles, rolebindings, clusterrolebindings,
  events,
  nodes, leases,
};

/** The printer for a resource; kinds without one fall back to NAME, AGE. */
export function printerFor(resource: string): PrinterTable {
  return PRINTER_TABLES[resource] ?? nameAgeTable;
}
