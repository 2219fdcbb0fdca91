/**
 * The course as the tutor holds it. Home is drawn from the course index (titles, areas and
 * stage ids read without the strict loader); the strict loader runs just after the first
 * frame (or when a lesson is opened before that), and then each lesson is either a Lesson
 * that can be opened or the problems that keep it closed, which home shows. A course loaded
 * strictly up front (tests) starts out validated.
 */
import { join } from 'node:path';
import type { LessonHeader } from '../../lessons/course-index.js';
import { formatLessonError, type LessonError } from '../../lessons/errors.js';
import type { LoadResult } from '../../lessons/loader.js';
import type { Lesson } from '../../lessons/types.js';

/** Lessons already loaded strictly, and problems already found, by lesson id. */
export interface KnownLessons {
  readonly lessons?: readonly Lesson[];
  readonly problems?: Readonly<Record<string, readonly LessonError[]>>;
}

// A lesson that cannot even be read (a folder without permission...) is broken like any other.
function loadOrExplain(load: () => LoadResult, file: string): LoadResult {
  try {
    return load();
  } catch (e) {
    return { ok: false, errors: [{ file, line: 1, path: '', message: (e as Error).message }] };
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The course: its lessons in order, each validated or not yet, and the problems found. */
export class Course {
  private readonly lessons = new Map<string, Lesson>();
  private readonly problems = new Map<string, readonly LessonError[]>();
  private readonly listeners = new Set<() => void>();
  private readonly order: LessonHeader[];
  private checking: Promise<void> | undefined;

  private constructor(
    private readonly root: string | undefined,
    headers: readonly LessonHeader[],
    known: KnownLessons,
  ) {
    this.order = [...headers];
    for (const l of known.lessons ?? []) this.lessons.set(l.id, l);
    for (const [id, p] of Object.entries(known.problems ?? {})) this.problems.set(id, p);
    if (root === undefined) this.checking = Promise.resolve();
  }

  /** A course loaded strictly up front: every lesson can be opened. */
  static loaded(lessons: readonly Lesson[]): Course {
    return new Course(undefined, lessons, { lessons });
  }

  /** A course drawn from its index under `root`; `validate()` loads the rest strictly. */
  static indexed(root: string, headers: readonly LessonHeader[], known: KnownLessons = {}): Course {
    return new Course(root, headers, known);
  }

  /** The lessons in course order: a validated lesson's own data, else its index entry. */
  headers(): readonly LessonHeader[] {
    return this.order.map((h) => this.lessons.get(h.id) ?? h);
  }

  /** A lesson that loaded strictly without problems. */
  lesson(id: string): Lesson | undefined {
    return this.problems.has(id) ? undefined : this.lessons.get(id);
  }

  /** The problems that keep a lesson from opening, once found. */
  problemsOf(id: string): readonly LessonError[] | undefined {
    return this.problems.get(id);
  }

  /** Whether every lesson has been loaded strictly. */
  get validated(): boolean {
    return this.order.every((h) => this.lessons.has(h.id) || this.problems.has(h.id));
  }

  /**
   * Loads every lesson not loaded yet with the strict loader (imported only now: it brings
   * js-yaml, ajv and the checks), one lesson per event-loop turn so keys stay answered, and
   * checks prerequisites against the course's lesson folders. Idempotent.
   */
  validate(): Promise<void> {
    this.checking ??= import('../../lessons/loader.js').then(async ({ loadLesson, prerequisiteErrors }) => {
      const ids = new Set(this.order.map((h) => h.id));
      for (const { id } of this.order) {
        if (this.lessons.has(id) || this.problems.has(id)) continue;
        await nextTurn();
        const r = loadOrExplain(() => loadLesson(this.root!, id), join(this.root!, id, 'lesson.yaml'));
        if (!r.ok) {
          this.problems.set(id, r.errors);
          continue;
        }
        this.lessons.set(id, r.lesson);
        const missing = prerequisiteErrors(r.lesson, ids);
        if (missing.length > 0) this.problems.set(id, missing);
      }
      for (const l of this.listeners) l();
    });
    return this.checking;
  }

  /** Calls `listener` once validation has finished; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A lesson's problems in one line: the first, with its file and line, and how many more. */
export function describeProblems(problems: readonly LessonError[]): string {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems; kubetutor verify lists them)` : '';
  return `${formatLessonError(problems[0]!)}${more}`;
}
