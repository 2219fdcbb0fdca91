/**
 * `kubectl get` tables for RBAC. Roles and ClusterRoles have no printer, so the server
 * answers with its default NAME / CREATED AT table; bindings show ROLE and, wide, subjects.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { age } from '../cells.js';
import { col, name, wide, type PrinterTable } from '../printer-table.js';
import { createdAtTable } from './core.js';

/** roles and clusterroles: the apiserver default table. */
export const roles: PrinterTable = createdAtTable;
export const clusterroles: PrinterTable = createdAtTable;

/** rbac.SubjectsStrings: users, groups and `ns/name` service accounts. */
export function subjectsStrings(subjects: readonly { kind: string; name: string; namespace?: string }[] | undefined): [string[], string[], string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users, groups, sas];
}

function bindingRow(b: KubeObject, now: number): string[] {
  const [users, groups, sas] = subjectsStrings(b.subjects);
  return [b.metadata.name ?? '', `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, age(b, now), users.join(', '), groups.join(', '), sas.join(', ')];
}

const bindingColumns = [name(), col('ROLE'), col('AGE'), wide('USERS'), wide('GROUPS'), wide('SERVICEACCOUNTS')];

/** printRoleBinding. */
export const rolebindings: PrinterTable = { columns: bindingColumns, row: (b, { now }) => bindingRow(b, now) };
/** printClusterRoleBinding. */
export const clusterrolebindings: PrinterTable = { columns: bindingColumns, row: (b, { now }) => bindingRow(b, now) };
