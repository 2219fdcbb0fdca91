/**
 * What the home screen lists: the course grouped by area (in course order), each lesson
 * with its stages done out of its total, and which lesson is next. Pure, from the lessons
 * (their index entries or the loaded lessons), the saved progress and the lessons found broken.
 */
import type { LessonHeader } from '../../lessons/course-index.js';
import type { LessonProgress } from '../../progress/types.js';

/** One lesson's line on the home screen. */
export interface LessonRow {
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly level: string;
  readonly minutes: number;
  readonly done: number;
  readonly total: number;
  readonly complete: boolean;
  /** Opened before (has saved progress). */
  readonly started: boolean;
  /** Why the lesson cannot be opened (its loader problems), when it cannot. */
  readonly broken?: string;
}

/** An area and its lessons. */
export interface AreaGroup {
  readonly area: string;
  readonly lessons: readonly LessonRow[];
}

/** The home screen's data. */
export interface CourseView {
  readonly groups: readonly AreaGroup[];
  /** Rows in display order (the order the cursor walks). */
  readonly rows: readonly LessonRow[];
  /** The lesson to do next: the first started and unfinished, else the first not complete (never a broken one). */
  readonly next: string | undefined;
  readonly stagesDone: number;
  readonly stagesTotal: number;
  /** No saved progress at all: show the welcome. */
  readonly firstRun: boolean;
}

/** Builds the home view; `broken` says why a lesson cannot be opened, if it cannot. */
export function courseView(lessons: readonly LessonHeader[], saved: Readonly<Record<string, LessonProgress>>, broken: (id: string) => string | undefined = () => undefined): CourseView {
  const order: string[] = [];
  const byArea = new Map<string, LessonRow[]>();
  for (const l of lessons) {
    const p = saved[l.id];
    const done = p ? l.stages.filter((s) => p.stages[s.id]?.passed).length : 0;
    const problem = broken(l.id);
    const row: LessonRow = { id: l.id, title: l.title, area: l.area, level: l.level, minutes: l.minutes, done, total: l.stages.length, complete: p?.complete ?? false, started: !!p, ...(problem !== undefined ? { broken: problem } : {}) };
    if (!byArea.has(l.area)) {
      byArea.set(l.area, []);
      order.push(l.area);
    }
    byArea.get(l.area)!.push(row);
  }
  const groups = order.map((area) => ({ area, lessons: byArea.get(area)! }));
  const rows = groups.flatMap((g) => g.lessons);
  const open = rows.filter((r) => r.broken === undefined);
  const next = open.find((r) => r.started && !r.complete)?.id ?? open.find((r) => !r.complete)?.id;
  return {
    groups,
    rows,
    next,
    stagesDone: rows.reduce((n, r) => n + (r.complete ? r.total : r.done), 0),
    stagesTotal: rows.reduce((n, r) => n + r.total, 0),
    firstRun: Object.keys(saved).length === 0,
  };
}

/** A progress bar of `width` cells: `███░░░`. */
export function progressBar(done: number, total: number, width: number): string {
  const filled = total === 0 ? 0 : Math.min(width, Math.round((done / total) * width));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** The three lines of the first-run welcome. */
export const WELCOME_LINES = [
  'Welcome to kubetutor. Each lesson is a few short stages; each stage asks you to do something on a real-behaving cluster.',
  'Type kubectl commands at the prompt (edit files with `edit FILE`); the checks under the text turn ✓ as the cluster gets there.',
  'Stuck? `hint` reveals a hint, `next` moves on once a stage passes, and your progress is saved as you go — `q` or `quit` any time.',
] as const;
