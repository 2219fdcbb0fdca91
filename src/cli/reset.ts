/**
 * `kubetutor reset LESSON... | --all`: forgets a lesson's progress (its stages, its
 * cluster's journal and the terminal's scrollback), as `r` on the home screen does.
 */
import { dirname, join } from 'node:path';
import { listLessonIds } from '../lessons/loader.js';
import { ProgressStore } from '../progress/store.js';
import { scrollbackStore } from '../tui/scrollback-store.js';
import { defaultCourseRoot, readOptions } from './course.js';
import type { CliIO } from './io.js';

/** The usage line of `kubetutor reset`. */
export const RESET_USAGE = 'usage: kubetutor reset LESSON... | --all [--lessons DIR]\n';

/** Runs `kubetutor reset`. */
export function resetCommand(argv: readonly string[], io: CliIO, store: ProgressStore = new ProgressStore()): number {
  const all = argv.includes('--all');
  const opts = readOptions(argv.filter((a) => a !== '--all'), ['lessons']);
  if (typeof opts === 'string' || (!all && opts.words.length === 0) || (all && opts.words.length > 0)) {
    io.stderr(`kubetutor reset: ${typeof opts === 'string' ? opts : all ? '--all takes no lesson names' : 'which lesson? name one or more, or --all'}\n${RESET_USAGE}`);
    return 2;
  }
  const saved = store.all();
  const known = new Set([...listLessonIds(opts.flags.lessons ?? defaultCourseRoot()), ...Object.keys(saved)]);
  const ids = all ? Object.keys(saved) : opts.words;
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) {
    io.stderr(`kubetutor reset: unknown lesson "${unknown}"\n`);
    return 1;
  }
  const scrollback = scrollbackStore(join(dirname(store.path), 'scrollback'));
  for (const id of ids) {
    store.remove(id);
    scrollback.remove(id);
  }
  io.stdout(ids.length === 0 ? 'nothing to reset\n' : ids.map((id) => `${id}: progress reset\n`).join(''));
  return 0;
}
