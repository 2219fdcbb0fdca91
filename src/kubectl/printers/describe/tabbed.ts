/**
 * The writers describe.go prints through: Go's text/tabwriter as `tabbedString` configures
 * it (minwidth 0, tabwidth 8, padding 2, padchar ' ', flags 0) and the PrefixWriter that
 * indents by LEVEL_0..LEVEL_4, two spaces a level.
 */

/** Indentation levels of describe.go's PrefixWriter. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

const PADDING = 2;
const MIN_WIDTH = 0;

interface Cell {
  readonly text: string;
  readonly width: number;
}

/** Width as tabwriter counts it: runes, not UTF-16 units. */
function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Aligns tab-separated text exactly as text/tabwriter does. A cell is the text before a
 * tab; the last cell of a line is never padded. Columns align per block: consecutive lines
 * that have a cell in that column. A line without a tab therefore ends every block.
 */
export function alignTabs(text: string): string {
  const lines: Cell[][] = text.split('\n').map((line) => line.split('\t').map((t) => ({ text: t, width: runeCount(t) })));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      let s = '';
      line.forEach((cell, j) => {
        s += cell.text;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - cell.width));
      });
      out.push(s);
    }
  };

  // A transcription of tabwriter's recursive (*Writer).format.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(start, i);
      start = i;
      let width = MIN_WIDTH;
      for (; i < line1; i++) {
        const line = lines[i]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + PADDING);
      }
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** A tabwriter: text accumulates until flush(), which aligns it as one unit. */
export class TabWriter {
  private pending = '';
  private done = '';

  /** Buffers text. */
  write(text: string): void {
    this.pending += text;
  }

  /** Aligns everything buffered so far; later text starts fresh blocks (DescribeEvents does this). */
  flush(): void {
    this.done += alignTabs(this.pending);
    this.pending = '';
  }

  /** Flushes and returns all output. */
  toString(): string {
    return this.done + alignTabs(this.pending);
  }
}

/** describe.go's PrefixWriter: writes at an indentation level, two spaces per level. */
export class PrefixWriter {
  constructor(private readonly out: TabWriter) {}

  /** Writes `text` after `level` indents (the format string is pre-rendered by the caller). */
  write(level: number, text: string): void {
    this.out.write('  '.repeat(level) + text);
  }

  /** Writes the values joined by spaces and a newline, like fmt.Sprintln. */
  writeLine(...values: readonly (string | number)[]): void {
    this.out.write(values.join(' ') + '\n');
  }

  /** Ends the current alignment blocks. */
  flush(): void {
    this.out.flush();
  }
}

/** describe.go's tabbedString: runs a describer body against a fresh aligned writer. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const tw = new TabWriter();
  body(new PrefixWriter(tw));
  return tw.toString();
}
