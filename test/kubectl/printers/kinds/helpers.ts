/** Shared fixtures for the kind printer tests: a fixed now and a row as header → cell. */
import type { KubeObject } from '../../../../src/engine/api/types.js';
import type { PrinterTable } from '../../../../src/kubectl/printers/printer-table.js';

export const NOW = Date.parse('2024-07-01T10:00:00Z');

/** RFC 3339 time `seconds` before NOW. */
export const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An object of a kind with a name, created 5 minutes before NOW, plus extra fields. */
export function obj(apiVersion: string, kind: string, name: string, fields: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: 'default', creationTimestamp: ago(300), ...meta }, ...fields };
}

/** The row of `o` keyed by header; wide columns included only with `wide`. */
export function cells(table: PrinterTable, o: KubeObject, wide = false): Record<string, string> {
  const row = table.row(o, { now: NOW, wide });
  const out: Record<string, string> = {};
  table.columns.forEach((c, i) => {
    if (wide || !c.wide) out[c.header] = row[i] ?? '';
  });
  return out;
}

/** The visible headers of a table. */
export const headers = (table: PrinterTable, wide = false): string[] => table.columns.filter((c) => wide || !c.wide).map((c) => c.header);
