/**
 * `kubetutor grade FILE|- --lesson ID [--stage ID] [--format text|json|junit]`: grades a
 * submission script against a lesson's exercise (or a chosen stage). Exit 0 when every
 * check passes, 1 when not, 2 for usage errors.
 */
import { dirname, resolve } from 'node:path';
import { loadLesson } from '../lessons/loader.js';
import { formatLessonError } from '../lessons/errors.js';
import { formatGrade, gradeSubmission, type GradeFormat } from '../lessons/grade.js';
import { defaultCourseRoot, readOptions } from './course.js';
import type { CliIO } from './io.js';

/** The usage line of `kubetutor grade`. */
export const GRADE_USAGE = 'usage: kubetutor grade FILE|- --lesson ID [--stage ID] [--format text|json|junit] [--lessons DIR] [--solutions DIR]\n';

const FORMATS: readonly GradeFormat[] = ['text', 'json', 'junit'];

/** Runs `kubetutor grade`. */
export function gradeCommand(argv: readonly string[], io: CliIO): number {
  const opts = readOptions(argv, ['lesson', 'stage', 'format', 'lessons', 'solutions']);
  const usage = (message: string) => {
    io.stderr(`kubetutor grade: ${message}\n${GRADE_USAGE}`);
    return 2;
  };
  if (typeof opts === 'string') return usage(opts);
  const [file, ...extra] = opts.words;
  if (file === undefined || extra.length > 0) return usage('expected one submission FILE (or - for stdin)');
  if (!opts.flags.lesson) return usage('--lesson is required');
  const format = (opts.flags.format ?? 'text') as GradeFormat;
  if (!FORMATS.includes(format)) return usage(`--format must be one of: ${FORMATS.join(', ')}`);
  const text = file === '-' ? io.readStdin() : io.readFile(file);
  if (text === undefined) {
    io.stderr(`kubetutor grade: cannot read ${file}\n`);
    return 1;
  }
  const loaded = loadLesson(opts.flags.lessons ?? defaultCourseRoot(), opts.flags.lesson);
  if (!loaded.ok) {
    io.stderr(loaded.errors.map((e) => `${formatLessonError(e)}\n`).join(''));
    return 1;
  }
  const stageId = opts.flags.stage;
  if (stageId !== undefined && !loaded.lesson.stages.some((s) => s.id === stageId)) {
    return usage(`lesson ${loaded.lesson.id} has no stage "${stageId}"; stages: ${loaded.lesson.stages.map((s) => s.id).join(', ')}`);
  }
  const result = gradeSubmission(text, loaded.lesson, {
    ...(stageId ? { stageId } : {}),
    ...(opts.flags.solutions ? { solutionsRoot: opts.flags.solutions } : {}),
    // Relative -f paths in a submission are relative to its own folder, as in `kubetutor script`.
    ...(file !== '-' ? { workspace: dirname(resolve(file)) } : {}),
  });
  io.stdout(formatGrade(result, format));
  return result.passed ? 0 : 1;
}
