/**
 * `kubetutor grade`: runs a learner's submission script on a fresh cluster with the
 * lesson's setup and evaluates a stage's checks (by default the exercise). An exercise
 * declares what it builds on: `after: solutions` (default) runs the earlier stages'
 * solutions first, as if the learner had done them; `after: setup` starts from setup
 * alone. The submission's commands may fail: it is graded on the state it leaves, with
 * the stage's budget of virtual seconds to settle. Output as text, JSON or JUnit XML.
 */
import type { CheckLine } from './session.js';
import { readSolution, solutionPath, StageHarness } from './solutions.js';
import type { Lesson } from './types.js';
import { displayPath } from './loader.js';

/** Output formats of `kubetutor grade`. */
export type GradeFormat = 'text' | 'json' | 'junit';

/** A graded submission. */
export interface GradeResult {
  readonly lesson: string;
  readonly stage: string;
  readonly passed: boolean;
  readonly score: { readonly passed: number; readonly total: number };
  readonly checks: readonly CheckLine[];
  readonly commands: readonly { readonly line: string; readonly exitCode: number }[];
  /** Why the submission could not be graded (setup or an earlier solution failed, or a syntax error). */
  readonly error?: string;
}

/** Grades a submission for a stage (default: the exercise, else the last stage). */
export function gradeSubmission(scriptText: string, lesson: Lesson, opts: { stageId?: string; solutionsRoot?: string; workspace?: string } = {}): GradeResult {
  const index = opts.stageId !== undefined ? lesson.stages.findIndex((s) => s.id === opts.stageId) : lastExercise(lesson);
  if (index < 0) throw new Error(`lesson ${lesson.id} has no stage ${opts.stageId}`);
  const stage = lesson.stages[index]!;
  const base = { lesson: lesson.id, stage: stage.id };
  const failed = (error: string): GradeResult => ({ ...base, passed: false, score: { passed: 0, total: stage.checks.length }, checks: [], commands: [], error });
  const harness = new StageHarness(lesson, opts.workspace);
  if (harness.runtime.setupError) return failed(harness.runtime.setupError);
  if (stage.after === 'solutions') {
    for (const earlier of lesson.stages.slice(0, index)) {
      harness.open(earlier);
      const solution = readSolution(lesson, earlier, opts.solutionsRoot);
      if (solution === undefined) return failed(`no solution for stage ${earlier.id}: ${displayPath(solutionPath(lesson, earlier, opts.solutionsRoot))}`);
      const run = harness.run(solution, true);
      if (run.failure) return failed(`solution of stage ${earlier.id}: ${run.failure.message}`);
      harness.await(earlier.budget);
    }
  }
  harness.open(stage);
  const run = harness.run(scriptText, false);
  const commands = run.steps.map((s) => ({ line: s.command, exitCode: s.exitCode }));
  if (run.steps.length === 0 && run.failure) return { ...failed(run.failure.message), commands };
  const { evaluation } = harness.await(stage.budget);
  const passedChecks = evaluation.checks.filter((c) => c.ok).length;
  return { ...base, passed: evaluation.passed, score: { passed: passedChecks, total: evaluation.checks.length }, checks: evaluation.checks, commands };
}

function lastExercise(lesson: Lesson): number {
  const i = lesson.stages.findIndex((s) => s.exercise);
  return i >= 0 ? i : lesson.stages.length - 1;
}

/** Prints a grade in a format. */
export function formatGrade(result: GradeResult, format: GradeFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'junit') return junit(result);
  const lines = [`${result.lesson}/${result.stage}`];
  if (result.error) lines.push(`error: ${result.error}`);
  for (const c of result.checks) lines.push(`${c.ok ? '✓' : '✗'} ${c.message}`);
  const pct = result.score.total === 0 ? 0 : Math.round((100 * result.score.passed) / result.score.total);
  lines.push(`score: ${result.score.passed}/${result.score.total} (${pct}%)${result.passed ? ' passed' : ' not passed'}`);
  return `${lines.join('\n')}\n`;
}

function junit(r: GradeResult): string {
  const name = `${r.lesson}/${r.stage}`;
  const failures = r.checks.filter((c) => !c.ok).length;
  const errors = r.error ? 1 : 0;
  const cases = r.checks.map((c, i) => {
    const open = `    <testcase classname="${xml(`${r.lesson}.${r.stage}`)}" name="${xml(`check ${i + 1} (${c.type})`)}"`;
    return c.ok ? `${open}/>` : `${open}>\n      <failure message="${xml(c.message)}"/>\n    </testcase>`;
  });
  if (r.error) cases.push(`    <testcase classname="${xml(`${r.lesson}.${r.stage}`)}" name="submission">\n      <error message="${xml(r.error)}"/>\n    </testcase>`);
  const out = r.commands.map((c) => `$ ${c.line}${c.exitCode === 0 ? '' : ` (exit ${c.exitCode})`}`).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubetutor" tests="${r.checks.length + errors}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="${xml(name)}" tests="${r.checks.length + errors}" failures="${failures}" errors="${errors}">`,
    ...cases,
    ...(out ? [`    <system-out>${xml(out)}</system-out>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
