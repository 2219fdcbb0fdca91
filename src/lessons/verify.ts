/**
 * `kubetutor verify`: proves the course works. For each lesson, stage by stage on one
 * cluster: the stage's checks fail as shipped, its solution runs clean, and the checks
 * pass within the stage's budget of virtual seconds; the objects its text and hints
 * mention exist at the stage's start or end. A stage that passes by itself is broken
 * (rustlings' `dev check` rule).
 */
import { loadLesson, listLessonIds } from './loader.js';
import { formatLessonError } from './errors.js';
import { findMentions, mentionExists } from './mentions.js';
import { readSolution, solutionPath, StageHarness } from './solutions.js';
import { displayPath } from './loader.js';

/** One stage's verdict. */
export interface StageVerdict {
  readonly lesson: string;
  readonly stage: string;
  readonly ok: boolean;
  /** `fails before, passes after 12s`, or what went wrong. */
  readonly message: string;
}

/** One lesson's verdicts; `errors` holds load and setup failures. */
export interface LessonVerdict {
  readonly id: string;
  readonly ok: boolean;
  readonly errors: readonly string[];
  readonly stages: readonly StageVerdict[];
}

/** The whole run. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly lessons: readonly LessonVerdict[];
}

/** Verify messages. */
export const VERIFY_MESSAGES = {
  passed: (seconds: number) => `fails before, passes after ${seconds}s`,
  passesBefore: 'passes before its solution: the stage has nothing to do',
  noSolution: (path: string) => `no solution: ${path} is missing`,
  solutionFailed: (message: string) => `solution ${message}`,
  stillFailing: (budget: number, missing: string) => `still failing ${budget}s after its solution: ${missing}`,
  missingMention: (text: string) => `text or hints mention ${text}, which does not exist`,
  notRun: 'not verified: an earlier stage failed to run',
} as const;

/** Verifies lessons under `root` (all, or the given ids). */
export function verifyLessons(root: string, ids?: readonly string[], opts: { solutionsRoot?: string } = {}): VerifyReport {
  const lessons = (ids ?? listLessonIds(root)).map((id) => verifyLesson(root, id, opts.solutionsRoot));
  return { ok: lessons.every((l) => l.ok), lessons };
}

function verifyLesson(root: string, id: string, solutionsRoot: string | undefined): LessonVerdict {
  const loaded = loadLesson(root, id);
  if (!loaded.ok) return { id, ok: false, errors: loaded.errors.map(formatLessonError), stages: [] };
  const lesson = loaded.lesson;
  const harness = new StageHarness(lesson);
  if (harness.runtime.setupError) return { id, ok: false, errors: [harness.runtime.setupError], stages: [] };
  const api = harness.runtime.cluster.client();
  const stages: StageVerdict[] = [];
  let blocked = false;
  for (const stage of lesson.stages) {
    const verdict = (ok: boolean, message: string) => stages.push({ lesson: id, stage: stage.id, ok, message });
    if (blocked) {
      verdict(false, VERIFY_MESSAGES.notRun);
      continue;
    }
    harness.open(stage);
    const problems: string[] = [];
    if (harness.evaluate().passed) problems.push(VERIFY_MESSAGES.passesBefore);
    const mentions = findMentions([stage.text, ...stage.hints]);
    const missingAtStart = mentions.filter((m) => !mentionExists(api, m));
    const solution = readSolution(lesson, stage, solutionsRoot);
    if (solution === undefined) {
      verdict(false, VERIFY_MESSAGES.noSolution(displayPath(solutionPath(lesson, stage, solutionsRoot))));
      blocked = true;
      continue;
    }
    const run = harness.run(solution, true);
    if (run.failure) {
      verdict(false, VERIFY_MESSAGES.solutionFailed(run.failure.message));
      blocked = true;
      continue;
    }
    const { evaluation, seconds } = harness.await(stage.budget);
    if (!evaluation.passed) {
      problems.push(VERIFY_MESSAGES.stillFailing(stage.budget, evaluation.checks.filter((c) => !c.ok).map((c) => c.message).join('; ')));
      blocked = true;
    }
    for (const m of missingAtStart) if (!mentionExists(api, m)) problems.push(VERIFY_MESSAGES.missingMention(m.text));
    verdict(problems.length === 0, problems.length === 0 ? VERIFY_MESSAGES.passed(seconds) : problems.join('; '));
  }
  return { id, ok: stages.every((s) => s.ok), errors: [], stages };
}

/** The report as printed: a line per stage (`✓ 03-deployments/rollout  fails before, passes after 12s`). */
export function formatVerifyReport(report: VerifyReport): string {
  const lines: string[] = [];
  for (const lesson of report.lessons) {
    for (const e of lesson.errors) lines.push(`✗ ${lesson.id}  ${e}`);
    for (const s of lesson.stages) lines.push(`${s.ok ? '✓' : '✗'} ${s.lesson}/${s.stage}  ${s.message}`);
  }
  const stages = report.lessons.flatMap((l) => l.stages);
  const failed = stages.filter((s) => !s.ok).length;
  const broken = report.lessons.filter((l) => l.errors.length > 0).length;
  if (report.ok) lines.push(`verified ${plural(stages.length, 'stage')} in ${plural(report.lessons.length, 'lesson')}`);
  else lines.push([broken ? `${broken} of ${plural(report.lessons.length, 'lesson')} did not load or set up` : '', failed ? `${failed} of ${plural(stages.length, 'stage')} failed verification` : ''].filter(Boolean).join('; '));
  return `${lines.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
