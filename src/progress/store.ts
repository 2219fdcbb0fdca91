/**
 * The progress file, kept with `conf`: one JSON file per user (`progress.json` under
 * KUBETUTOR_HOME, or conf's per-user config folder). Every change is written at once and
 * atomically (conf writes a temp file and renames), so a kill loses nothing. Writes touch
 * one lesson's key after re-reading the file, so two sessions on different lessons keep
 * both. A file that cannot be read, or that a newer kubetutor wrote, is moved aside with a
 * notice and the learner starts fresh: progress is never a reason to crash.
 */
import { existsSync, renameSync } from 'node:fs';
import Conf from 'conf';
import { inspectProgressFile, PROGRESS_CONFIG_NAME, PROGRESS_PROJECT, progressFolder, progressPath } from './file.js';
import { PROGRESS_FORMAT_VERSION, type LessonProgress } from './types.js';

/** Notices shown to the learner. */
export const PROGRESS_NOTICES = {
  unreadable: (movedTo: string) => `progress file was unreadable and has been moved to ${movedTo}; starting fresh`,
  newer: (version: number, movedTo: string) => `progress file was written by a newer kubetutor (format ${version}) and has been moved to ${movedTo}; starting fresh`,
} as const;

/** Where the progress lives. */
export interface ProgressStoreOptions {
  /** The folder of progress.json (default: $KUBETUTOR_HOME, else conf's config folder). */
  readonly cwd?: string;
  /** Called with a notice when a file is moved aside. */
  readonly onNotice?: (message: string) => void;
}

type Shape = { formatVersion: number; lessons: Record<string, LessonProgress> };

/** The learner's progress across lessons. */
export class ProgressStore {
  private readonly conf: Conf<Shape>;
  /** The file's path. */
  readonly path: string;
  /** Notices raised so far (also passed to onNotice). */
  readonly notices: string[] = [];

  constructor(private readonly opts: ProgressStoreOptions = {}) {
    const cwd = opts.cwd ?? progressFolder();
    this.path = progressPath(cwd);
    // conf reads the file as it is constructed: a damaged one must be moved aside first.
    this.guard();
    this.conf = new Conf<Shape>({ projectName: PROGRESS_PROJECT, configName: PROGRESS_CONFIG_NAME, cwd, clearInvalidConfig: false });
  }

  /** One lesson's progress, if saved. */
  get(lessonId: string): LessonProgress | undefined {
    return this.read((c) => c.get('lessons')?.[lessonId]);
  }

  /** Every lesson's progress. */
  all(): Readonly<Record<string, LessonProgress>> {
    return this.read((c) => c.get('lessons') ?? {});
  }

  /** Saves one lesson (re-reading the file first, so other lessons written meanwhile stay). */
  put(progress: LessonProgress): void {
    this.read((c) => {
      // Dot notation sets lessons.<id> on a fresh read of the file: a per-lesson merge.
      c.set(`lessons.${progress.lessonId}`, progress as never);
      if (c.get('formatVersion') !== PROGRESS_FORMAT_VERSION) c.set('formatVersion', PROGRESS_FORMAT_VERSION);
    });
  }

  /** Forgets one lesson. */
  remove(lessonId: string): void {
    this.read((c) => c.delete(`lessons.${lessonId}` as never));
  }

  // Runs an access; if the file is damaged or from the future, moves it aside and retries once.
  private read<T>(access: (c: Conf<Shape>) => T): T {
    this.guard();
    try {
      return access(this.conf);
    } catch {
      this.moveAside(PROGRESS_NOTICES.unreadable);
      return access(this.conf);
    }
  }

  private guard(): void {
    const file = inspectProgressFile(this.path);
    if (file.state === 'unreadable') this.moveAside(PROGRESS_NOTICES.unreadable);
    else if (file.state === 'newer') this.moveAside((to) => PROGRESS_NOTICES.newer(file.version, to));
  }

  private moveAside(notice: (movedTo: string) => string): void {
    const path = this.path;
    if (!existsSync(path)) return;
    let target = `${path}.unreadable`;
    for (let i = 1; existsSync(target); i++) target = `${path}.unreadable-${i}`;
    renameSync(path, target);
    const message = notice(target);
    this.notices.push(message);
    this.opts.onNotice?.(message);
  }
}
