/**
 * `kubectl get` tables for core config kinds: namespaces, configmaps, secrets,
 * serviceaccounts, resourcequotas, componentstatuses; plus the apiserver's default table
 * (NAME, CREATED AT) used by kinds without a printer (roles, limitranges).
 */
import { age, quantity, rfc3339 } from '../cells.js';
import { col, name, type PrinterTable } from '../printer-table.js';

/** The apiserver default table (`apiserver/pkg/registry/rest/table.go`): NAME, CREATED AT (RFC 3339). */
export const createdAtTable: PrinterTable = {
  columns: [name(), col('CREATED AT')],
  row: (obj) => [obj.metadata.name ?? '', rfc3339(obj.metadata.creationTimestamp)],
};

/** kubectl's client-side default for objects it has no table for: NAME, AGE. */
export const nameAgeTable: PrinterTable = {
  columns: [name(), col('AGE')],
  row: (obj, { now }) => [obj.metadata.name ?? '', age(obj, now)],
};

/** printNamespace: STATUS is the phase (Active, Terminating). */
export const namespaces: PrinterTable = {
  columns: [name(), col('STATUS'), col('AGE')],
  row: (ns, { now }) => [ns.metadata.name ?? '', ns.status?.phase ?? '', age(ns, now)],
};

const count = (map: unknown): number => (map && typeof map === 'object' ? Object.keys(map).length : 0);

/** printConfigMap: DATA counts data and binaryData keys. */
export const configmaps: PrinterTable = {
  columns: [name(), col('DATA'), col('AGE')],
  row: (cm, { now }) => [cm.metadata.name ?? '', String(count(cm.data) + count(cm.binaryData)), age(cm, now)],
};

/** printSecret: TYPE raw, DATA counts data keys. */
export const secrets: PrinterTable = {
  columns: [name(), col('TYPE'), col('DATA'), col('AGE')],
  row: (s, { now }) => [s.metadata.name ?? '', s.type ?? '', String(count(s.data)), age(s, now)],
};

/** printServiceAccount: SECRETS counts the (legacy) secrets list, usually 0. */
export const serviceaccounts: PrinterTable = {
  columns: [name(), col('SECRETS'), col('AGE')],
  row: (sa, { now }) => [sa.metadata.name ?? '', String((sa.secrets ?? []).length), age(sa, now)],
};

/**
 * printResourceQuota: `resource: used/hard` for each hard limit sorted by name; names
 * starting `limits.` go to LIMIT, the rest to REQUEST.
 */
export const resourcequotas: PrinterTable = {
  columns: [name(), col('AGE'), col('REQUEST'), col('LIMIT')],
  row: (rq, { now }) => {
    const hard: Record<string, unknown> = rq.status?.hard ?? {};
    const used: Record<string, unknown> = rq.status?.used ?? {};
    const request: string[] = [];
    const limit: string[] = [];
    for (const resource of Object.keys(hard).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const pieces = resource.split('.');
      const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
      target.push(`${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`);
    }
    return [rq.metadata.name ?? '', age(rq, now), request.join(', '), limit.join(', ')];
  },
};

/** printComponentStatus: the Healthy condition's status, message and error. */
export const componentstatuses: PrinterTable = {
  columns: [name(), col('STATUS'), col('MESSAGE'), col('ERROR')],
  row: (cs) => {
    const healthy = ((cs.conditions ?? []) as { type: string; status: string; message?: string; error?: string }[]).find((c) => c.type === 'Healthy');
    if (!healthy) return [cs.metadata.name ?? '', 'Unknown', '', ''];
    return [cs.metadata.name ?? '', healthy.status === 'True' ? 'Healthy' : 'Unhealthy', healthy.message ?? '', healthy.error ?? ''];
  },
};
