/**
 * The strict lesson loader: reads `lessons/<NN-id>/lesson.yaml`, validates it against the
 * schema and the rules a schema cannot state, resolves its files, and returns a Lesson or
 * errors that name the file, line and field. A lesson is data: js-yaml's safe default
 * schema builds no functions or classes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import type { ClusterSpec } from '../engine/spec.js';
import type { CatalogExtension } from '../engine/images/catalog.js';
import { listLessonIds } from './course-index.js';
import { LESSON_SCHEMA } from './schema.js';

export { listLessonIds };
import { explainSchemaError, LESSON_ERRORS, type LessonError } from './errors.js';
import { normaliseCheck, pointerValue } from './check-spec.js';
import { parseLocated, type LocatedYaml } from './yaml-lines.js';
import { DEFAULT_STAGE_BUDGET, LESSON_FORMAT_VERSION, type Lesson, type LessonLevel, type Question, type Stage, type StageFile } from './types.js';
import type { CheckSpec } from './checks/types.js';

/** A lesson, or every problem found (the first schema error, or the rule violations). */
export type LoadResult = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly errors: readonly LessonError[] };

/** Where a lesson's text came from, and how to read the files it names. */
export interface LessonSource {
  /** The file name shown in errors. */
  readonly file: string;
  /** The lesson folder (absolute). */
  readonly dir: string;
  /** The folder name, which the `id` must equal. */
  readonly folder: string;
  /** Reads a file of the lesson folder by relative path; undefined when missing. */
  readFile(path: string): string | undefined;
}

// Compiled on first use: compiling costs ~70 ms, and the home screen should not wait for it
// before its first frame unless it really loads a lesson.
let compiled: ValidateFunction | undefined;
function lessonValidator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: false, verbose: true, strict: true, allowUnionTypes: true }).compile(LESSON_SCHEMA);
  return compiled;
}

/** The file name shown in errors: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Loads `<root>/<id>/lesson.yaml`. */
export function loadLesson(root: string, id: string): LoadResult {
  const dir = resolve(root, id);
  const file = join(dir, 'lesson.yaml');
  if (!existsSync(file)) return { ok: false, errors: [{ file: displayPath(file), line: 1, path: '', message: LESSON_ERRORS.missingFile }] };
  const text = readFileSync(file, 'utf8');
  return parseLesson(text, {
    file: displayPath(file),
    dir,
    folder: id,
    readFile: (path) => {
      const full = resolve(dir, path);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
    },
  });
}

/** Loads every lesson of a course and checks that prerequisites name lessons of it. */
export function loadCourse(root: string): { lessons: Lesson[]; errors: LessonError[] } {
  const lessons: Lesson[] = [];
  const errors: LessonError[] = [];
  for (const id of listLessonIds(root)) {
    const r = loadLesson(root, id);
    if (r.ok) lessons.push(r.lesson);
    else errors.push(...r.errors);
  }
  const ids = new Set(lessons.map((l) => l.id));
  for (const lesson of lessons) errors.push(...prerequisiteErrors(lesson, ids));
  return { lessons, errors };
}

/** A lesson's prerequisites that name no lesson of the course (`ids`), as errors at their lines. */
export function prerequisiteErrors(lesson: Lesson, ids: ReadonlySet<string>): LessonError[] {
  return lesson.prerequisites.flatMap((p, i) => {
    if (ids.has(p)) return [];
    const located = parseLocated(lesson.source);
    const line = located.ok ? located.doc.lineOf(`prerequisites[${i}]`) : 1;
    return [{ file: displayPath(join(lesson.dir, 'lesson.yaml')), line, path: `prerequisites[${i}]`, message: LESSON_ERRORS.unknownPrerequisite(p) }];
  });
}

/** Parses and validates a lesson's text. */
export function parseLesson(text: string, source: LessonSource): LoadResult {
  const parsed = parseLocated(text);
  if (!parsed.ok) return failAt(source, parsed.error.line, '', LESSON_ERRORS.invalidYaml(parsed.error.reason));
  const doc = parsed.doc;
  const raw = doc.value;
  const at = (path: string, message: string, linePath = path): LessonError => ({ file: source.file, line: doc.lineOf(linePath), path, message });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return failAt(source, 1, '', LESSON_ERRORS.notAMapping);
  const data = raw as Record<string, unknown>;
  // A newer format may have fields this schema rejects: say "update" rather than "unknown field".
  if (typeof data.formatVersion === 'number' && data.formatVersion > LESSON_FORMAT_VERSION) {
    return { ok: false, errors: [at('formatVersion', LESSON_ERRORS.newerFormat(data.formatVersion, LESSON_FORMAT_VERSION))] };
  }
  const validateLesson = lessonValidator();
  if (!validateLesson(data)) {
    const e = explainSchemaError(validateLesson.errors![0]!, '', (pointer) => pointerValue(data, pointer));
    return { ok: false, errors: [at(e.path, e.message)] };
  }
  const errors: LessonError[] = [];
  if (data.id !== source.folder) errors.push(at('id', LESSON_ERRORS.idMismatch(String(data.id), source.folder)));
  const stages = readStages(data.stages as Record<string, unknown>[], source, doc, errors);
  const setup = readSetup(data.setup as { manifests?: string[]; script?: string } | undefined, source, doc, errors);
  if (errors.length > 0) return { ok: false, errors };
  const cluster = data.cluster as { nodes?: ClusterSpec['nodes']; version?: string; images?: CatalogExtension } | undefined;
  return {
    ok: true,
    lesson: {
      formatVersion: data.formatVersion as number,
      id: data.id as string,
      title: data.title as string,
      area: data.area as string,
      level: data.level as LessonLevel,
      minutes: data.minutes as number,
      prerequisites: (data.prerequisites as string[] | undefined) ?? [],
      ...(cluster?.nodes ? { cluster: { nodes: cluster.nodes, ...(cluster.version ? { version: cluster.version } : {}) } } : {}),
      ...(cluster?.images ? { images: cluster.images } : {}),
      seed: (data.seed as number | undefined) ?? 1,
      setup,
      stages,
      dir: source.dir,
      source: text,
    },
  };
}

function failAt(source: LessonSource, line: number, path: string, message: string): LoadResult {
  return { ok: false, errors: [{ file: source.file, line, path, message }] };
}

function readSetup(raw: { manifests?: string[]; script?: string } | undefined, source: LessonSource, doc: LocatedYaml, errors: LessonError[]): Lesson['setup'] {
  const manifests = (raw?.manifests ?? []).flatMap((path, i) => {
    const content = source.readFile(path);
    if (content === undefined) {
      errors.push({ file: source.file, line: doc.lineOf(`setup.manifests[${i}]`), path: `setup.manifests[${i}]`, message: LESSON_ERRORS.missingLessonFile(path) });
      return [];
    }
    return [{ path, content }];
  });
  return { manifests, script: raw?.script ?? '' };
}

function readStages(raws: Record<string, unknown>[], source: LessonSource, doc: LocatedYaml, errors: LessonError[]): Stage[] {
  const seen = new Map<string, number>();
  const err = (path: string, message: string, linePath = path) => errors.push({ file: source.file, line: doc.lineOf(linePath), path, message });
  return raws.map((raw, i) => {
    const path = `stages[${i}]`;
    const id = raw.id as string;
    if (seen.has(id)) err(`${path}.id`, LESSON_ERRORS.duplicateStage(id, seen.get(id)!));
    else seen.set(id, i);
    const exercise = raw.exercise === true;
    if (exercise && i !== raws.length - 1) err(`${path}.exercise`, LESSON_ERRORS.exerciseNotLast);
    if (exercise && Array.isArray(raw.hints) && raw.hints.length > 0) err(`${path}.hints`, LESSON_ERRORS.exerciseHints);
    const question = readQuestion(raw.question as Record<string, unknown> | undefined, `${path}.question`, err);
    const checks: CheckSpec[] = [];
    (raw.checks as unknown[]).forEach((c, j) => {
      const r = normaliseCheck(c, `${path}.checks[${j}]`, question);
      if (r.ok) checks.push(r.spec);
      else err(r.problem.path, r.problem.message, r.problem.linePath);
    });
    const files = readFiles(raw.files as Record<string, string>[] | undefined, `${path}.files`, source, err);
    return {
      id,
      title: raw.title as string,
      text: raw.text as string,
      files,
      checks,
      hints: (raw.hints as string[] | undefined) ?? [],
      ...(question ? { question } : {}),
      budget: (raw.budget as number | undefined) ?? DEFAULT_STAGE_BUDGET,
      exercise,
      after: (raw.after as Stage['after'] | undefined) ?? 'solutions',
    };
  });
}

function readQuestion(raw: Record<string, unknown> | undefined, path: string, err: (path: string, message: string) => void): Question | undefined {
  if (!raw) return undefined;
  const choices = raw.choices as string[] | undefined;
  const accept = (raw.accept as (string | number)[]).map(String);
  accept.forEach((a, i) => {
    const re = /^\/(.*)\/([a-z]*)$/s.exec(a);
    if (re) {
      try {
        new RegExp(re[1]!, re[2]);
      } catch (e) {
        err(`${path}.accept[${i}]`, LESSON_ERRORS.badRegex((e as Error).message));
      }
      return;
    }
    if (choices && !/^[a-z]\)?$/i.test(a.trim()) && !choices.some((c) => c.trim().toLowerCase() === a.trim().toLowerCase())) {
      err(`${path}.accept[${i}]`, LESSON_ERRORS.badChoice(a));
    }
  });
  return {
    prompt: raw.prompt as string,
    ...(choices ? { choices } : {}),
    accept,
    ...(typeof raw.explanation === 'string' ? { explanation: raw.explanation } : {}),
  };
}

function readFiles(raws: Record<string, string>[] | undefined, path: string, source: LessonSource, err: (path: string, message: string) => void): StageFile[] {
  return (raws ?? []).flatMap((f, i) => {
    const at = `${path}[${i}]`;
    if ((f.from === undefined) === (f.content === undefined)) {
      err(at, LESSON_ERRORS.fileSource);
      return [];
    }
    if (f.content !== undefined) return [{ path: f.path!, content: f.content }];
    const content = source.readFile(f.from!);
    if (content === undefined) {
      err(`${at}.from`, LESSON_ERRORS.missingLessonFile(f.from!));
      return [];
    }
    return [{ path: f.path!, content }];
  });
}
