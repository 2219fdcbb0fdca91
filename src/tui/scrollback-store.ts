/**
 * The terminal's scrollback tail per lesson, kept beside the progress file so reopening a
 * lesson shows what the learner last saw. Progress (the journal) lives in the progress
 * module; this is only the display, so a damaged file is ignored rather than reported.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScrollbackLine } from './terminal/TerminalPane.js';

/** How many rows are kept. */
export const SCROLLBACK_TAIL = 200;

const KINDS = new Set(['command', 'stdout', 'stderr', 'info', 'success']);

/** Saved scrollback per lesson, in `<folder>/<lesson id>.json`. */
export interface ScrollbackStore {
  load(lessonId: string): ScrollbackLine[];
  save(lessonId: string, lines: readonly ScrollbackLine[]): void;
  remove(lessonId: string): void;
}

/** A store in a folder (created on first save). */
export function scrollbackStore(folder: string): ScrollbackStore {
  const file = (id: string) => join(folder, `${id.replace(/[^\w.-]/g, '_')}.json`);
  return {
    load(id) {
      try {
        const data: unknown = JSON.parse(readFileSync(file(id), 'utf8'));
        if (!Array.isArray(data)) return [];
        return data.filter((l): l is ScrollbackLine => !!l && typeof l.text === 'string' && KINDS.has(l.kind));
      } catch {
        return [];
      }
    },
    save(id, lines) {
      mkdirSync(folder, { recursive: true });
      const tmp = `${file(id)}.tmp`;
      writeFileSync(tmp, JSON.stringify(lines.slice(-SCROLLBACK_TAIL)));
      renameSync(tmp, file(id));
    },
    remove(id) {
      rmSync(file(id), { force: true });
    },
  };
}

/** A store that keeps nothing (tests that do not care, the sandbox). */
export const NO_SCROLLBACK: ScrollbackStore = { load: () => [], save: () => {}, remove: () => {} };
