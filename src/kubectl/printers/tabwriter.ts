/**
 * The column alignment of `kubectl get` tables: github.com/liggitt/tabwriter as
 * cli-runtime's GetNewTabWriter configures it (minwidth 6, tabwidth 4, padding 3,
 * padchar ' '). Cells are tab-terminated; the last cell of a line is not, so it is
 * never padded and lines carry no trailing spaces.
 */

/** kubectl's tabwriter settings (`cli-runtime/pkg/printers/tabwriter.go`). */
export const TABWRITER = { minWidth: 6, padding: 3 } as const;

// text/tabwriter measures cells in runes, not UTF-16 code units. Nearly every cell is
// ASCII, where the two agree; only other text pays for iterating code points.
const NON_ASCII = /[^\x00-\x7f]/;
const width = (text: string): number => (NON_ASCII.test(text) ? [...text].length : text.length);

// Padding strings by length, built once: `get -A` pads tens of thousands of cells.
const spaces: string[] = [''];
function pad(n: number): string {
  while (spaces.length <= n) spaces.push(spaces[spaces.length - 1] + ' ');
  return spaces[n]!;
}

/**
 * Lays out rows as kubectl get prints them: every column but the last is padded to
 * max(6, widest cell in that column + 3). Returns the lines joined with `\n`, each
 * ending with `\n`; an empty input gives `''`.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  // Each cell is measured once; the second pass reads the widths back in the same order.
  let cells = 0;
  for (const row of rows) if (row.length > 0) cells += row.length - 1;
  const cellWidths = new Uint32Array(cells);
  const widths: number[] = [];
  let n = 0;
  for (const row of rows) {
    // Only tab-terminated cells (all but the last) belong to a column.
    for (let i = 0; i < row.length - 1; i++) {
      const cw = width(row[i]!);
      cellWidths[n++] = cw;
      const w = Math.max(TABWRITER.minWidth, cw + TABWRITER.padding);
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  }
  let out = '';
  let k = 0;
  for (const row of rows) {
    const last = row.length - 1;
    for (let i = 0; i < last; i++) out += row[i]! + pad(widths[i]! - cellWidths[k++]!);
    if (last >= 0) out += row[last]!;
    out += '\n';
  }
  return out;
}
