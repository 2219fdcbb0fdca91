/**
 * `kubetutor progress [--format text|json] [--lessons DIR]`: the learner's progress per
 * lesson, from the progress file (KUBETUTOR_HOME or the user's config folder).
 */
import { loadCourse } from '../lessons/loader.js';
import { exportProgress, type ProgressFormat } from '../progress/export.js';
import { ProgressStore } from '../progress/store.js';
import { defaultCourseRoot, readOptions } from './course.js';
import type { CliIO } from './io.js';

/** The usage line of `kubetutor progress`. */
export const PROGRESS_USAGE = 'usage: kubetutor progress [--format text|json] [--lessons DIR]\n';

/** Runs `kubetutor progress`. */
export function progressCommand(argv: readonly string[], io: CliIO, store: ProgressStore = new ProgressStore()): number {
  const opts = readOptions(argv, ['format', 'lessons']);
  if (typeof opts === 'string' || opts.words.length > 0) {
    io.stderr(`kubetutor progress: ${typeof opts === 'string' ? opts : `unexpected argument ${opts.words[0]}`}\n${PROGRESS_USAGE}`);
    return 2;
  }
  const format = (opts.flags.format ?? 'text') as ProgressFormat;
  if (format !== 'text' && format !== 'json') {
    io.stderr(`kubetutor progress: --format must be text or json\n${PROGRESS_USAGE}`);
    return 2;
  }
  const { lessons } = loadCourse(opts.flags.lessons ?? defaultCourseRoot());
  const saved = store.all();
  for (const n of store.notices) io.stderr(`kubetutor: ${n}\n`);
  io.stdout(exportProgress(lessons, saved, format));
  return 0;
}
