/**
 * The shape of a kind's `kubectl get` table, as data: its columns (with kubectl's
 * priority-1 "wide" columns marked) and a row function from object to cells. Mirrors the
 * TableColumnDefinition lists and print functions of the API server's printers.go.
 */
import type { KubeObject } from '../../engine/api/types.js';

/** One column: its header as printed (already uppercase) and whether only `-o wide` shows it. */
export interface Column {
  readonly header: string;
  /** Priority 1 in the server's definition: shown only with `-o wide`. */
  readonly wide?: boolean;
  /** The column in `format: name`, which gets the `kind/` prefix when several kinds print. */
  readonly isName?: boolean;
}

/** What a row function may read besides the object. */
export interface RowContext {
  /** Virtual "now" in epoch ms, for AGE and other durations. */
  readonly now: number;
  /** Whether `-o wide` was asked for; some cells are shortened when it was not. */
  readonly wide: boolean;
}

/** A kind's printer: columns and the cells of one object, one cell per column. */
export interface PrinterTable {
  readonly columns: readonly Column[];
  readonly row: (obj: KubeObject, ctx: RowContext) => readonly string[];
}

/** Column helpers that read like the server's definitions. */
export const name = (header = 'NAME'): Column => ({ header, isName: true });
export const col = (header: string): Column => ({ header });
export const wide = (header: string): Column => ({ header, wide: true });
