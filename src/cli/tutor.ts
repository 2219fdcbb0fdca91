/**
 * The interactive commands of `kubetutor`: home (no subcommand), `open LESSON` and
 * `sandbox`, with the flags they share (--lessons, --speed, --seed, --no-color). Flags are
 * checked and the course is found here, so mistakes print one line and exit non-zero
 * before any screen is drawn; the TUI itself (Ink, React) is imported only now, which keeps
 * `kubetutor script` and friends quick to start. Home needs only the course index; the
 * strict loader (js-yaml, ajv, the checks) runs here only for the lesson `open` names and
 * for lesson files the index cannot read, and for the rest after home's first frame.
 */
import { existsSync, statSync } from 'node:fs';
import { readCourseIndex, type LessonHeader } from '../lessons/course-index.js';
import type { LessonError } from '../lessons/errors.js';
import type { Lesson } from '../lessons/types.js';
import { Course, describeProblems } from '../tui/home/course-state.js';
import { defaultCourseRoot } from './course.js';
import type { CliIO } from './io.js';

/** What an interactive command runs with. */
export interface TutorOptions {
  readonly command: 'home' | 'open' | 'sandbox';
  readonly lesson?: string;
  readonly lessonsDir: string;
  readonly speed: number;
  readonly seed: number;
  readonly noColor: boolean;
}

export const HOME_USAGE = 'usage: kubetutor [--lessons DIR] [--speed N] [--no-color]\n  opens the course: pick a lesson with ↑/↓ and Enter\n';
export const OPEN_USAGE = 'usage: kubetutor open LESSON [--lessons DIR] [--speed N] [--no-color]\n  opens a lesson directly (e.g. kubetutor open 01-architecture)\n';
export const SANDBOX_USAGE = 'usage: kubetutor sandbox [--seed N] [--speed N] [--no-color]\n  a cluster of your own with no lesson: the prompt and the live panes\n';

/** Parses the interactive flags; a string is the error. */
export function parseTutorArgs(command: TutorOptions['command'], argv: readonly string[], env: Readonly<Record<string, string | undefined>>): TutorOptions | string {
  let lesson: string | undefined;
  let lessonsDir: string | undefined;
  let speed = 1;
  let seed = 1;
  let noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--lessons') {
      lessonsDir = value();
      if (!lessonsDir) return '--lessons needs a folder';
    } else if (flag === '--speed') {
      const v = value();
      speed = Number(v);
      if (!v || !Number.isFinite(speed) || speed <= 0 || speed > 1000) return `--speed needs a number above 0 (up to 1000), got ${v === undefined ? 'nothing' : `"${v}"`}`;
    } else if (flag === '--seed') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return `--seed needs a whole number, got ${v === undefined ? 'nothing' : `"${v}"`}`;
      seed = Number(v);
    } else if (flag === '--no-color' || flag === '--no-colour') noColor = true;
    else if (a.startsWith('-')) return `unknown flag ${a}`;
    else if (command === 'open' && lesson === undefined) lesson = a;
    else return `unexpected argument "${a}"`;
  }
  if (command === 'open' && lesson === undefined) return 'which lesson? e.g. kubetutor open 01-architecture';
  return { command, ...(lesson !== undefined ? { lesson } : {}), lessonsDir: lessonsDir ?? defaultCourseRoot(), speed, seed, noColor };
}

/**
 * Finds the course for an interactive command: its index, with the lesson to open (and any
 * lesson file the index cannot read) loaded strictly. A string is the one-line error: no
 * course, an unknown lesson, or the problems of the lesson to open. Other lessons' problems
 * do not stop the tutor: home marks those lessons broken.
 */
export async function loadTutorCourse(dir: string, lesson?: string): Promise<Course | string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `no lessons folder at ${dir}`;
  const index = readCourseIndex(dir);
  const ids = [...index.headers.map((h) => h.id), ...index.unread].sort();
  if (ids.length === 0) return `no lessons in ${dir} (expected folders like 01-name/lesson.yaml)`;
  if (lesson !== undefined && !ids.includes(lesson)) {
    const near = ids.filter((id) => id.includes(lesson) || id.replace(/^\d+-/, '') === lesson);
    const hint = near.length === 1 ? `did you mean ${near[0]!}?` : `lessons: ${ids.join(', ')}`;
    return `unknown lesson "${lesson}"; ${hint}`;
  }
  const strict = [...new Set([...(lesson !== undefined ? [lesson] : []), ...index.unread])];
  const lessons: Lesson[] = [];
  const problems: Record<string, readonly LessonError[]> = {};
  if (strict.length > 0) {
    const { loadLesson, prerequisiteErrors } = await import('../lessons/loader.js');
    for (const id of strict) {
      const r = loadLesson(dir, id);
      if (!r.ok) problems[id] = r.errors;
      else {
        lessons.push(r.lesson);
        const missing = prerequisiteErrors(r.lesson, new Set(ids));
        if (missing.length > 0) problems[id] = missing;
      }
    }
  }
  if (lesson !== undefined && problems[lesson]) return describeProblems(problems[lesson]);
  const headers = ids.map((id): LessonHeader => index.headers.find((h) => h.id === id) ?? lessons.find((l) => l.id === id) ?? unreadable(id));
  return Course.indexed(dir, headers, { lessons, problems });
}

// Home's line for a lesson file that could not be read at all (its problems say why).
const unreadable = (id: string): LessonHeader => ({ id, title: id, area: 'lessons with problems', level: '', minutes: 0, stages: [] });

/** Runs an interactive command; resolves with the exit code once the learner quits. */
export async function tutorCommand(command: TutorOptions['command'], argv: readonly string[], io: CliIO, usage: string): Promise<number> {
  const opts = parseTutorArgs(command, argv, process.env);
  if (typeof opts === 'string') {
    io.stderr(`kubetutor${command === 'home' ? '' : ` ${command}`}: ${opts}\n${usage}`);
    return 2;
  }
  // The TUI (Ink, React; for `open` the engine too) loads while the course is read.
  const tui = import('../tui/run.js');
  if (command === 'open') void import('../tui/session-module.js').then((m) => m.loadSessionModule()).catch(() => undefined);
  void tui.catch(() => undefined);
  let course: Course | undefined;
  if (command !== 'sandbox') {
    const loaded = await loadTutorCourse(opts.lessonsDir, opts.lesson);
    if (typeof loaded === 'string') {
      io.stderr(`kubetutor: ${loaded}\n`);
      return 1;
    }
    course = loaded;
  }
  const { runTui } = await tui;
  return runTui({ ...opts, course: course ?? Course.loaded([]) });
}
