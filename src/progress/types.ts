/**
 * What kubetutor remembers per learner and lesson. The cluster is not stored as objects:
 * a lesson's cluster is a pure function of its seed and what the learner did, so the
 * journal of commands (with the file contents they read) and time steps is replayed on
 * resume and rebuilds the same cluster byte for byte — running containers, timers and
 * back-offs included, which an object snapshot could not restore.
 */

/** The progress file's format; a newer file is moved aside rather than misread. */
export const PROGRESS_FORMAT_VERSION = 1;

/** One thing that changed the cluster, in order. */
export type JournalEntry =
  /**
   * A command line; `stdin` is what it read from a heredoc, `reads` the files it read
   * (path -> text) and `edits` what the editor returned.
   */
  | {
      readonly k: 'run';
      readonly line: string;
      readonly stdin?: string;
      readonly reads?: Readonly<Record<string, string | null>>;
      readonly edits?: readonly (string | null)[];
    }
  /** `n` consecutive advances of `ms` each (run-length encoded: the TUI ticks in equal steps). */
  | { readonly k: 'adv'; readonly ms: number; readonly n: number }
  /** Stage `index` opened here: resetStage replays up to this mark. */
  | { readonly k: 'stage'; readonly index: number };

/** Per stage: how it went. */
export interface StageProgress {
  /** Commands run while the stage was open. */
  readonly attempts: number;
  readonly hintsUsed: number;
  readonly answer?: string;
  /** When it passed: wall-clock time and the virtual seconds spent in it. */
  readonly passed?: { readonly at: string; readonly seconds: number };
}

/** One lesson's saved state. */
export interface LessonProgress {
  readonly lessonId: string;
  /** A hash of lesson.yaml: when the lesson changed, the journal is not replayed. */
  readonly lessonHash: string;
  /** Index of the current stage (stages.length when complete). */
  readonly stage: number;
  readonly complete: boolean;
  readonly stages: Readonly<Record<string, StageProgress>>;
  readonly journal: readonly JournalEntry[];
  readonly startedAt: string;
  readonly updatedAt: string;
}

/** The whole file. */
export interface ProgressFile {
  readonly formatVersion: number;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}
