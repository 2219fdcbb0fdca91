/**
 * How the screen is divided at a terminal size: wide (work column left, panes right),
 * medium (panes as a tab strip under the work column), narrow (below 80 columns: one
 * pane at a time). Pure, so the layout for any size can be tested.
 */

export type LayoutMode = 'wide' | 'medium' | 'narrow';
export type PaneName = 'pods' | 'nodes' | 'events';
export const PANES: readonly PaneName[] = ['pods', 'nodes', 'events'];

export interface Box {
  readonly width: number;
  readonly height: number;
}

export interface Layout {
  readonly mode: LayoutMode;
  /** The lesson text and checks (absent in the sandbox). */
  readonly lesson?: Box;
  readonly terminal: Box;
  /** Each visible pane with its size; in medium/narrow mode only the selected one. */
  readonly panes: readonly { readonly name: PaneName; readonly box: Box }[];
  /** Whether panes sit in a tab strip (medium, narrow). */
  readonly tabs: boolean;
}

/** Lays out the screen; `withLesson` reserves the lesson pane; `hidePanes` gives the terminal everything. */
export function computeLayout(columns: number, rows: number, opts: { withLesson: boolean; selected: PaneName; hidePanes?: boolean }): Layout {
  const height = Math.max(10, rows - 1); // the status bar
  const mode: LayoutMode = columns >= 140 ? 'wide' : columns >= 80 ? 'medium' : 'narrow';
  if (opts.hidePanes) return split(mode, columns, height, opts.withLesson, []);
  if (mode === 'wide') {
    const right = Math.max(44, Math.floor(columns * 0.42));
    const left = columns - right;
    const podsH = Math.max(6, Math.floor(height * 0.45));
    const nodesH = Math.max(5, Math.min(10, Math.floor(height * 0.2)));
    const eventsH = Math.max(4, height - podsH - nodesH);
    const work = split(mode, left, height, opts.withLesson, []);
    return {
      ...work,
      panes: [
        { name: 'pods', box: { width: right, height: podsH } },
        { name: 'nodes', box: { width: right, height: nodesH } },
        { name: 'events', box: { width: right, height: eventsH } },
      ],
    };
  }
  const paneH = Math.max(6, Math.floor(height * (mode === 'medium' ? 0.33 : 0.3)));
  const work = split(mode, columns, height - paneH - 1, opts.withLesson, []);
  return { ...work, tabs: true, panes: [{ name: opts.selected, box: { width: columns, height: paneH } }] };
}

function split(mode: LayoutMode, width: number, height: number, withLesson: boolean, panes: Layout['panes']): Layout {
  if (!withLesson) return { mode, terminal: { width, height }, panes, tabs: false };
  const lessonH = Math.max(6, Math.floor(height * 0.5));
  return { mode, lesson: { width, height: lessonH }, terminal: { width, height: height - lessonH }, panes, tabs: false };
}
