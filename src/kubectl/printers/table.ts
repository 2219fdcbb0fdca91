/**
 * What `kubectl get` prints to stdout for tables: one aligned table per resource, with
 * `-A`'s NAMESPACE column, `kind.group/name` prefixes when several kinds print, `-L`
 * label columns, `--show-labels`, `--sort-by`, and a blank line between groups
 * (`kubectl/pkg/cmd/get/get.go`, `cli-runtime/pkg/printers/tableprinter.go`).
 */
import { resourceType } from '../../engine/api/discovery.js';
import type { KubeObject } from '../../engine/api/types.js';
import { formatLabels } from './cells.js';
import { printerFor } from './registry.js';
import { sortObjects } from './sort-by.js';
import { formatTable } from './tabwriter.js';

/** The objects of one resource, in the order the server listed them. */
export interface TableGroup {
  /** Plural resource name: `pods`, `deployments`. */
  readonly resource: string;
  readonly objects: readonly KubeObject[];
}

/** kubectl get's table flags. */
export interface TableOptions {
  /** Virtual now, epoch ms. */
  readonly now: number;
  /** `-o wide`. */
  readonly wide?: boolean;
  /** `-A`: adds NAMESPACE for namespaced kinds. */
  readonly allNamespaces?: boolean;
  /** `--show-labels`. */
  readonly showLabels?: boolean;
  /** `-L key1,key2`: one column per key. */
  readonly labelColumns?: readonly string[];
  /** `--no-headers`. */
  readonly noHeaders?: boolean;
  /** `--sort-by` JSONPath; invalid expressions leave the order as is (see checkSortBy). */
  readonly sortBy?: string;
  /** Force or suppress `kind/name` prefixes; by default on when more than one resource is printed. */
  readonly kindPrefix?: boolean;
}

/** `-L` headers: the uppercased last `/` segment of each key (formatLabelHeaders). */
export function labelHeader(key: string): string {
  return (key.split('/').at(-1) ?? key).toUpperCase();
}

// GroupKind.String() lowercased: `deployment.apps`, `pod`.
function kindPrefix(resource: string, objects: readonly KubeObject[]): string {
  const t = resourceType(resource);
  if (t) return (t.group ? `${t.kind}.${t.group}` : t.kind).toLowerCase();
  const obj = objects[0];
  const group = obj?.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return (group ? `${obj!.kind}.${group}` : (obj?.kind ?? resource)).toLowerCase();
}

// Consecutive groups of one resource share a printer, so they form one table.
function mergeGroups(groups: readonly TableGroup[]): TableGroup[] {
  const out: TableGroup[] = [];
  for (const g of groups) {
    const last = out.at(-1);
    if (last && last.resource === g.resource) out[out.length - 1] = { resource: g.resource, objects: [...last.objects, ...g.objects] };
    else out.push({ resource: g.resource, objects: [...g.objects] });
  }
  return out;
}

function groupRows(group: TableGroup, opts: TableOptions, withKind: boolean): string[][] {
  const printer = printerFor(group.resource);
  const isWide = opts.wide ?? false;
  const namespaced = resourceType(group.resource)?.namespaced ?? true;
  const withNamespace = (opts.allNamespaces ?? false) && namespaced;
  const labelKeys = opts.labelColumns ?? [];
  const visible = printer.columns.filter((c) => isWide || !c.wide);
  // The printer's cell index of each visible column, and where the `kind/` prefix goes.
  const cellIndex = printer.columns.flatMap((c, i) => (isWide || !c.wide ? [i] : []));
  const nameIndex = printer.columns.findIndex((c) => c.isName);
  const prefix = withKind ? `${kindPrefix(group.resource, group.objects)}/` : '';

  let objects = group.objects;
  if (opts.sortBy) {
    const sorted = sortObjects(objects, opts.sortBy);
    if (sorted.ok) objects = sorted.objects;
  }

  const rows: string[][] = [];
  if (objects.length === 0) return rows;
  if (!opts.noHeaders) {
    rows.push([
      ...(withNamespace ? ['NAMESPACE'] : []),
      ...visible.map((c) => c.header),
      ...labelKeys.map(labelHeader),
      ...(opts.showLabels ? ['LABELS'] : []),
    ]);
  }
  // Plain indexed loops, not spreads: this runs once per object of `get -A` on thousands
  // of pods, and labels are only read when a column shows them.
  const showLabels = opts.showLabels ?? false;
  const readsLabels = showLabels || labelKeys.length > 0;
  const rowOpts = { now: opts.now, wide: isWide };
  // Rows are sized up front: arrays grown by push would hold twice the slots they use.
  const rowLength = (withNamespace ? 1 : 0) + cellIndex.length + labelKeys.length + (showLabels ? 1 : 0);
  for (const obj of objects) {
    const cells = printer.row(obj, rowOpts);
    const row = new Array<string>(rowLength);
    let at = 0;
    if (withNamespace) row[at++] = obj.metadata.namespace ?? '';
    for (let j = 0; j < cellIndex.length; j++) {
      const i = cellIndex[j]!;
      row[at++] = i === nameIndex ? prefix + (cells[i] ?? '') : (cells[i] ?? '');
    }
    if (readsLabels) {
      const labels = obj.metadata.labels ?? {};
      for (const k of labelKeys) row[at++] = labels[k] ?? '';
      if (showLabels) row[at++] = formatLabels(labels);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * kubectl get's stdout for the given lists. Groups with no objects print nothing (not
 * even a header); groups that printed are separated by one blank line unless headers
 * are off. Returns `''` when nothing printed (pair it with noResourcesMessage on stderr).
 */
export function printTables(groups: readonly TableGroup[], opts: TableOptions): string {
  const merged = mergeGroups(groups);
  const withKind = opts.kindPrefix ?? merged.length > 1;
  const printed: string[] = [];
  for (const group of merged) {
    const text = formatTable(groupRows(group, opts, withKind));
    if (text !== '') printed.push(text);
  }
  return printed.join(opts.noHeaders ? '' : '\n');
}

/**
 * The groups as printTables would print them with `--sort-by`: consecutive groups of one
 * resource merged, each sorted. Or kubectl's error for the expression (`error: couldn't
 * find any field with path "{.x}" in the list of objects` and a newline).
 */
export function sortTables(groups: readonly TableGroup[], sortBy: string): { ok: true; groups: TableGroup[] } | { ok: false; error: string } {
  const sorted: TableGroup[] = [];
  for (const g of mergeGroups(groups)) {
    const r = sortObjects(g.objects, sortBy);
    if (!r.ok) return { ok: false, error: `error: ${r.error}\n` };
    sorted.push({ resource: g.resource, objects: r.objects });
  }
  return { ok: true, groups: sorted };
}

/** sortTables' error text alone, or undefined when sorting works. */
export function checkSortBy(groups: readonly TableGroup[], sortBy: string): string | undefined {
  const r = sortTables(groups, sortBy);
  return r.ok ? undefined : r.error;
}

/**
 * The stderr line when get printed nothing: `No resources found in <ns> namespace.` when
 * every requested kind is namespaced and -A was not given, else `No resources found`.
 */
export function noResourcesMessage(opts: { readonly namespace: string; readonly allNamespaces?: boolean; readonly resources: readonly string[] }): string {
  const allNamespaced = !opts.allNamespaces && opts.resources.every((r) => resourceType(r)?.namespaced ?? true);
  return allNamespaced ? `No resources found in ${opts.namespace} namespace.\n` : 'No resources found\n';
}
