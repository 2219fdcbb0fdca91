/**
 * The column alignment of `kubectl get` tables: github.com/liggitt/tabwriter as
 * cli-runtime's GetNewTabWriter configures it (minwidth 6, tabwidth 4, padding 3,
 * padchar ' '). Cells are tab-terminated; the last cell of a line is not, so it is
 * never padded and lines carry no trailing spaces.
 */

/** kubectl's tabwriter settings (`cli-runtime/pkg/printers/tabwriter.go`). */
export const TABWRITER = { minWidth: 6, padding: 3 } as const;

// text/tabwriter measures cells in runes, not UTF-16 code units.
const width = (text: string): number => [...text].length;

/**
 * Lays out rows as kubectl get prints them: every column but the last is padded to
 * max(6, widest cell in that column + 3). Returns the lines joined with `\n`, each
 * ending with `\n`; an empty input gives `''`.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    // Only tab-terminated cells (all but the last) belong to a column.
    for (let i = 0; i < row.length - 1; i++) {
      const w = Math.max(TABWRITER.minWidth, width(row[i]!) + TABWRITER.padding);
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  }
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      line += i < row.length - 1 ? cell + ' '.repeat(widths[i]! - width(cell)) : cell;
    }
    out += line + '\n';
  }
  return out;
}
