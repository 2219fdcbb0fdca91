/**
 * `-o custom-columns=NAME:.metadata.name,...` and `-o custom-columns-file=FILE`
 * (cli-runtime's CustomColumnsPrinter): one aligned table, values found by JSONPath,
 * `<none>` when nothing matched, several matches comma-joined as fmt's %v prints them.
 */
import type { KubeObject } from '../../engine/api/types.js';
import { goValue } from './go-format.js';
import { findJsonPathResults, parseJsonPath, type PrintResult } from './jsonpath.js';
import type { ListNode } from './jsonpath-parser.js';
import { relaxedJsonPath } from './sort-by.js';
import { formatTable } from './tabwriter.js';

/** One column: its header as written and its (relaxed, then braced) JSONPath. */
export interface CustomColumn {
  readonly header: string;
  readonly fieldSpec: string;
}

type Parsed = { ok: true; columns: CustomColumn[] } | { ok: false; stderr: string };

const fail = (message: string): Parsed => ({ ok: false, stderr: `error: ${message}\n` });
const RELAXED_ERROR = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

/** Parses `HEADER:path,HEADER2:path2` (NewCustomColumnsPrinterFromSpec). */
export function parseCustomColumns(spec: string): Parsed {
  if (spec === '') return fail('custom-columns format specified but no custom columns given');
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return fail(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const fieldSpec = relaxedJsonPath(part.slice(colon + 1));
    if (fieldSpec === undefined) return fail(RELAXED_ERROR);
    columns.push({ header: part.slice(0, colon), fieldSpec });
  }
  return { ok: true, columns };
}

/** Parses a custom-columns file: a line of headers and a line of paths, whitespace separated. */
export function parseCustomColumnsFile(text: string): Parsed {
  const lines = text.split('\n');
  const words = (line: string | undefined): string[] => (line ?? '').split(/\s+/).filter(Boolean);
  if (lines.length < 1 || text === '') {
    return fail('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  }
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '')) {
    return fail('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  }
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) return fail(`number of headers (${headers.length}) does not match number of columns (${specs.length})`);
  const columns: CustomColumn[] = [];
  for (let i = 0; i < headers.length; i++) {
    const fieldSpec = relaxedJsonPath(specs[i]!);
    if (fieldSpec === undefined) return fail(RELAXED_ERROR);
    columns.push({ header: headers[i]!, fieldSpec });
  }
  return { ok: true, columns };
}

/** Prints the objects (items of a list, or one object) as a custom-columns table. */
export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly KubeObject[], opts: { noHeaders?: boolean } = {}): PrintResult {
  const parsers: ListNode[] = [];
  for (const c of columns) {
    const parsed = parseJsonPath(c.fieldSpec);
    if (!parsed.ok) return { ok: false, stderr: `error: ${parsed.error}\n` };
    parsers.push(parsed.root);
  }
  const rows: string[][] = opts.noHeaders ? [] : [columns.map((c) => c.header)];
  for (const obj of objects) {
    const row: string[] = [];
    for (const root of parsers) {
      const found = findJsonPathResults(root, obj, { allowMissingKeys: true });
      if (!found.ok) return { ok: false, stderr: `error: ${found.error}\n` };
      const values = found.results.flat();
      row.push(found.results.length === 0 || found.results[0]!.length === 0 ? ['<none>', ...values.map(goValue)].join(',') : values.map(goValue).join(','));
    }
    rows.push(row);
  }
  return { ok: true, text: formatTable(rows) };
}
