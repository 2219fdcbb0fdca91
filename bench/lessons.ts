/**
 * Lesson figures (issue 5): opening a lesson (fresh cluster + setup), evaluating a stage's
 * checks, and `verifyLessons` of the whole course. Uses the course under lessons/, or the
 * test fixtures when there is none.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCluster } from '../src/engine/cluster.js';
import { DEFAULT_CLUSTER } from '../src/engine/spec.js';
import { listLessonIds, loadLesson } from '../src/lessons/loader.js';
import { LessonSession } from '../src/lessons/session.js';
import { readSolution, StageHarness } from '../src/lessons/solutions.js';
import type { Lesson } from '../src/lessons/types.js';
import { verifyLessons } from '../src/lessons/verify.js';
import { measure, type Figure } from './measure.js';
import { cpuPerCall, reportTargets, withTarget, type TargetFigure } from './targets.js';

/** The course folder: lessons/ beside bench/ and dist/, else the test fixtures. */
export function courseRoot(): string {
  const course = fileURLToPath(new URL('../lessons', import.meta.url));
  return listLessonIds(course).length > 0 ? course : fileURLToPath(new URL('../test/fixtures/lessons', import.meta.url));
}

function loadAll(root: string): Lesson[] {
  return listLessonIds(root).flatMap((id) => {
    const r = loadLesson(root, id);
    return r.ok ? [r.lesson] : [];
  });
}

function slowest(figures: readonly Figure[]): Figure {
  return figures.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
}

function mean(name: string, figures: readonly Figure[]): Figure {
  return { name, cpuMs: figures.reduce((s, f) => s + f.cpuMs, 0) / figures.length, heapMb: Math.max(...figures.map((f) => f.heapMb)) };
}

/**
 * LessonSession.open on every lesson (no saved progress: a fresh cluster, then setup):
 * the mean and the slowest, beside the bare cost of the cluster they boot.
 */
export function benchOpen(lessons: readonly Lesson[]): TargetFigure[] {
  const workspaceRoot = mkdtempSync(join(tmpdir(), 'kubetutor-bench-'));
  const opens = lessons.map((lesson) => cpuPerCall(`open ${lesson.id}`, () => LessonSession.open(lesson, { workspaceRoot }), 3));
  const worst = slowest(opens);
  const boot = cpuPerCall('  of which: createCluster (default cluster, no setup)', () => createCluster(DEFAULT_CLUSTER, { seed: 1 }), 5);
  return [
    withTarget(mean(`open a lesson: LessonSession.open, mean of ${opens.length} lessons`, opens), 50),
    withTarget({ ...worst, name: `open a lesson: the slowest, ${worst.name.replace('open ', '')}` }, 50),
    boot,
  ];
}

/**
 * LessonSession.evaluate: the first stage of every lesson as it opens (checks fail), and
 * every stage after its solution ran (checks pass, so each one looks at everything).
 */
export function benchEvaluate(lessons: readonly Lesson[]): TargetFigure[] {
  const workspaceRoot = mkdtempSync(join(tmpdir(), 'kubetutor-bench-'));
  const atOpen = lessons.map((lesson) => {
    const session = LessonSession.open(lesson, { workspaceRoot });
    return cpuPerCall(lesson.id, () => session.evaluate(), 50);
  });
  const solved: Figure[] = [];
  for (const lesson of lessons) {
    const harness = new StageHarness(lesson);
    for (const stage of lesson.stages) {
      harness.open(stage);
      const solution = readSolution(lesson, stage);
      if (solution === undefined || harness.run(solution, true).failure) break;
      harness.await(stage.budget);
      // The harness compiles checks on every evaluate; the session compiles them once per stage.
      solved.push(cpuPerCall(`${lesson.id}/${stage.id}`, () => harness.evaluate(), 20));
    }
  }
  const figures: TargetFigure[] = [withTarget(mean(`evaluate a stage's checks at stage open, mean of ${atOpen.length} lessons`, atOpen), 2)];
  if (solved.length > 0) {
    const worst = slowest(solved);
    figures.push(withTarget(mean(`evaluate a stage's checks after its solution, mean of ${solved.length} stages`, solved), 2));
    figures.push(withTarget({ ...worst, name: `evaluate after solution: the slowest, ${worst.name}` }, 2));
  }
  return figures;
}

/** verifyLessons of the whole course, once (the number is a single run's CPU time). */
export function benchVerify(root: string): TargetFigure[] {
  let summary = '';
  const figure = measure(`verifyLessons of the course (${listLessonIds(root).length} lessons)`, () => {
    const r = verifyLessons(root);
    const stages = r.lessons.flatMap((l) => l.stages);
    summary = `${stages.filter((s) => s.ok).length}/${stages.length} stages verified`;
  });
  return [withTarget({ ...figure, name: `${figure.name}, ${summary}` }, 10, 's')];
}

export function lessonFigures(): TargetFigure[] {
  const root = courseRoot();
  if (!existsSync(root)) return [];
  const lessons = loadAll(root);
  return [...benchOpen(lessons), ...benchEvaluate(lessons), ...benchVerify(root)];
}

// Run on its own (`npx tsx bench/lessons.ts`); in the dist/bench.js bundle every module shares
// import.meta.url, so the usual main-module check would also fire there.
if (process.argv[1]?.endsWith('bench/lessons.ts')) reportTargets(lessonFigures());
