/**
 * `kubetutor verify [LESSON...] [--lessons DIR] [--solutions DIR]`: proves each stage fails
 * as shipped and passes after its solution; a line per stage, exit 1 when any fails.
 */
import { formatVerifyReport, verifyLessons } from '../lessons/verify.js';
import { defaultCourseRoot, readOptions } from './course.js';
import type { CliIO } from './io.js';

/** The usage line of `kubetutor verify`. */
export const VERIFY_USAGE = 'usage: kubetutor verify [LESSON...] [--lessons DIR] [--solutions DIR]\n';

/** Runs `kubetutor verify`. */
export function verifyCommand(argv: readonly string[], io: CliIO): number {
  const opts = readOptions(argv, ['lessons', 'solutions']);
  if (typeof opts === 'string') {
    io.stderr(`kubetutor verify: ${opts}\n${VERIFY_USAGE}`);
    return 2;
  }
  const root = opts.flags.lessons ?? defaultCourseRoot();
  const report = verifyLessons(root, opts.words.length ? opts.words : undefined, opts.flags.solutions ? { solutionsRoot: opts.flags.solutions } : {});
  io.stdout(formatVerifyReport(report));
  return report.ok ? 0 : 1;
}
