/**
 * `kubetutor progress`: the learner's progress as text (one line per lesson) or JSON (for
 * an instructor's sheet). Lessons give the titles and stage counts; saved progress for a
 * lesson no longer in the course is still listed.
 */
import type { Lesson } from '../lessons/types.js';
import type { LessonProgress } from './types.js';

/** Output formats of `kubetutor progress`. */
export type ProgressFormat = 'text' | 'json';

/** One lesson's summary. */
export interface LessonSummary {
  readonly id: string;
  readonly title: string;
  readonly stagesDone: number;
  readonly stages: number;
  readonly complete: boolean;
  readonly hintsUsed: number;
  readonly attempts: number;
  /** Virtual seconds over the passed stages. */
  readonly seconds: number;
  readonly updatedAt?: string;
}

/** Summaries of every lesson of the course, then any saved lesson the course no longer has. */
export function summarise(lessons: readonly Lesson[], saved: Readonly<Record<string, LessonProgress>>): LessonSummary[] {
  const known = new Set(lessons.map((l) => l.id));
  const rows = lessons.map((l) => summary(l.id, l.title, l.stages.length, saved[l.id]));
  for (const [id, p] of Object.entries(saved)) if (!known.has(id)) rows.push(summary(id, id, Object.keys(p.stages).length, p));
  return rows;
}

function summary(id: string, title: string, stages: number, p: LessonProgress | undefined): LessonSummary {
  const records = Object.values(p?.stages ?? {});
  return {
    id,
    title,
    stagesDone: records.filter((s) => s.passed).length,
    stages,
    complete: p?.complete ?? false,
    hintsUsed: records.reduce((n, s) => n + s.hintsUsed, 0),
    attempts: records.reduce((n, s) => n + s.attempts, 0),
    seconds: records.reduce((n, s) => n + (s.passed?.seconds ?? 0), 0),
    ...(p ? { updatedAt: p.updatedAt } : {}),
  };
}

/** The progress report in a format. */
export function exportProgress(lessons: readonly Lesson[], saved: Readonly<Record<string, LessonProgress>>, format: ProgressFormat): string {
  const rows = summarise(lessons, saved);
  if (format === 'json') return `${JSON.stringify({ lessons: rows }, null, 2)}\n`;
  const width = Math.max(0, ...rows.map((r) => r.id.length));
  const lines = rows.map((r) => {
    const mark = r.complete ? '✓' : r.stagesDone > 0 ? '…' : ' ';
    const detail = r.stagesDone > 0 ? `  ${r.hintsUsed} hints, ${r.attempts} commands` : '';
    return `${mark} ${r.id.padEnd(width)}  ${r.stagesDone}/${r.stages} stages  ${r.title}${detail}`;
  });
  const done = rows.reduce((n, r) => n + r.stagesDone, 0);
  const total = rows.reduce((n, r) => n + r.stages, 0);
  lines.push(`${done}/${total} stages done`);
  return `${lines.join('\n')}\n`;
}
