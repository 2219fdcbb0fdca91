/**
 * The lesson model: what a loaded `lessons/<NN-id>/lesson.yaml` becomes. Plain data; the
 * loader fills in defaults and resolves files so the session never touches the YAML.
 */
import type { ClusterSpec } from '../engine/spec.js';
import type { CatalogExtension } from '../engine/images/catalog.js';
import type { CheckSpec } from './checks/types.js';

/** The lesson format version this kubetutor reads; a newer file is refused with a clear error. */
export const LESSON_FORMAT_VERSION = 1;

/** How hard a lesson is. */
export type LessonLevel = 'beginner' | 'intermediate' | 'advanced';

/** A file put in the learner's workspace when a stage opens. */
export interface StageFile {
  /** Path inside the workspace, e.g. `web.yaml`. */
  readonly path: string;
  /** The text written (from `content`, or read from the lesson folder's `from` file). */
  readonly content: string;
}

/** A question a stage asks; the `answer` check passes when the learner's answer is accepted. */
export interface Question {
  readonly prompt: string;
  /** Multiple choice: the choices, shown as `a) ...`, `b) ...`. */
  readonly choices?: readonly string[];
  /**
   * Accepted answers: a plain text (compared trimmed, case- and space-insensitively), a
   * choice letter or choice text for multiple choice, or `/regex/flags`.
   */
  readonly accept: readonly string[];
  /** Shown once the answer is accepted. */
  readonly explanation?: string;
}

/** One stage of a lesson. */
export interface Stage {
  readonly id: string;
  readonly title: string;
  /** Terminal markdown. */
  readonly text: string;
  readonly files: readonly StageFile[];
  readonly checks: readonly CheckSpec[];
  readonly hints: readonly string[];
  readonly question?: Question;
  /** Virtual seconds the verifier allows after the solution for the checks to pass. */
  readonly budget: number;
  /** The final graded stage: no hints. */
  readonly exercise: boolean;
  /**
   * What a graded submission for this stage starts from: `solutions` (setup, then the
   * earlier stages' solutions) or `setup` (setup only).
   */
  readonly after: 'solutions' | 'setup';
}

/** What is applied before the first stage, unseen by the learner. */
export interface LessonSetup {
  /** Manifest files (relative to the lesson folder) with their text, applied in order. */
  readonly manifests: readonly { readonly path: string; readonly content: string }[];
  /** Script lines (script format) run after the manifests. */
  readonly script: string;
}

/** A loaded, validated lesson. */
export interface Lesson {
  readonly formatVersion: number;
  /** The folder name, e.g. `03-deployments`. */
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly level: LessonLevel;
  readonly minutes: number;
  readonly prerequisites: readonly string[];
  /** The cluster to build (default: controlplane, node01, node02). */
  readonly cluster?: ClusterSpec;
  /** Images the lesson adds to the catalog, passed through as data. */
  readonly images?: CatalogExtension;
  readonly seed: number;
  readonly setup: LessonSetup;
  readonly stages: readonly Stage[];
  /** The lesson's folder (absolute). */
  readonly dir: string;
  /** The lesson.yaml text, for change detection of saved progress. */
  readonly source: string;
}

/** Default virtual seconds a stage's checks get after its solution. */
export const DEFAULT_STAGE_BUDGET = 120;
