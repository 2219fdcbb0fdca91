/**
 * The course index: what the home screen lists (each lesson's title, area, level, minutes and
 * stage ids), read from the lesson files without js-yaml, the schema or the checks. Loading
 * the course strictly (src/lessons/loader.ts) costs more than drawing home itself, so home is
 * drawn from this index and the course is validated just after; a lesson with problems then
 * shows as broken. The reader understands the plain block style the course is written in and
 * says "unread" for anything else (flow style, anchors, escapes, folded titles...), which the
 * caller loads strictly instead: the index is a fast path, never a second YAML dialect.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What home needs of a lesson. */
export interface LessonHeader {
  /** The lesson folder's name (which a valid lesson's `id` equals). */
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly level: string;
  readonly minutes: number;
  readonly stages: readonly { readonly id: string }[];
}

/** The course as the index read it: headers in folder order, and the folders it could not read. */
export interface CourseIndex {
  readonly headers: readonly LessonHeader[];
  /** Lesson folders whose lesson.yaml is not in the simple form: load these strictly. */
  readonly unread: readonly string[];
}

/** The lesson folders under a course root (those with a lesson.yaml), in name order. */
export function listLessonIds(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'lesson.yaml')))
    .map((d) => d.name)
    .sort();
}

/** Reads the index of the course under `root` (folders with a lesson.yaml, in name order). */
export function readCourseIndex(root: string): CourseIndex {
  const headers: LessonHeader[] = [];
  const unread: string[] = [];
  for (const id of listLessonIds(root)) {
    const header = readLessonHeader(id, readFileSync(join(root, id, 'lesson.yaml'), 'utf8'));
    if (header) headers.push(header);
    else unread.push(id);
  }
  return { headers, unread };
}

const KEY = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;
const HEADER_KEYS = ['title', 'area', 'level', 'minutes'] as const;

/**
 * A lesson's header from its lesson.yaml text, or undefined when the text is not in the plain
 * block style this reader is sure of (then load it strictly). Values are taken as written;
 * the strict loader is the judge of whether they are valid. One pass over the lines, looking
 * only at those indented no deeper than a stage's keys: the stage texts, hints and checks
 * below them are most of the file, and home is waiting.
 */
export function readLessonHeader(folder: string, text: string): LessonHeader | undefined {
  const fields: Record<string, string> = {};
  let stages: ({ id: string } | undefined)[] | undefined;
  // What the lines being read belong to: nothing yet, a header scalar (which must not go on),
  // the stages list, or another top-level key (whose lines are skipped).
  let within: 'start' | 'scalar' | 'stages' | 'other' = 'start';
  let dash = -1; // the stages' `-` column, once seen
  let keyIndent = -1; // the column of a stage's keys
  let idOpen = false; // a stage `id:` was just read: its value must not go on below it
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let indent = pos;
    while (text.charCodeAt(indent) === 32) indent++;
    const lineStart = pos;
    pos = eol + 1;
    const first = text[indent];
    // Blank lines and comments mean nothing wherever they are.
    if (indent >= eol || first === '#' || (first === '\r' && indent === eol - 1)) continue;
    if (first === '\t') return undefined;
    indent -= lineStart;
    if (indent === 0 && first !== '-') {
      const line = text.slice(lineStart, eol).trimEnd();
      if (line === '---' && within === 'start') continue;
      const m = KEY.exec(line);
      if (!m) return undefined;
      const [, key, rest] = m;
      if (Object.hasOwn(fields, key!) || (key === 'stages' && stages)) return undefined;
      if (key === 'stages') {
        if (rest !== undefined && !/^\s*(#.*)?$/.test(rest)) return undefined;
        [within, stages, dash, idOpen] = ['stages', [], -1, false];
      } else if ((HEADER_KEYS as readonly string[]).includes(key!)) {
        const value = rest === undefined ? undefined : scalar(rest);
        if (value === undefined) return undefined;
        fields[key!] = value;
        within = 'scalar';
      } else within = 'other';
      continue;
    }
    // An indented line (or a list item at the margin) continues the last top-level key.
    if (within === 'other') continue;
    // A scalar that goes on below its key is folded YAML: leave it to the loader.
    if (within !== 'stages') return undefined;
    if (dash < 0) {
      const item = /^( *)-( +)\S/.exec(text.slice(lineStart, eol));
      if (!item) return undefined;
      dash = indent;
      keyIndent = dash + 1 + item[2]!.length;
    }
    if (indent > keyIndent) {
      if (idOpen) return undefined;
      continue; // inside a stage's value: its text, hints, checks
    }
    idOpen = false;
    let keyLine: string;
    if (indent === dash) {
      // A new item: `- key: value` with its first key at keyIndent.
      const line = text.slice(lineStart, eol);
      if (line[dash] !== '-' || line.slice(dash + 1, keyIndent).trim() !== '' || line[keyIndent] === ' ') return undefined;
      stages!.push(undefined);
      keyLine = line.slice(keyIndent);
    } else if (indent === keyIndent && stages!.length > 0) keyLine = text.slice(lineStart + keyIndent, eol);
    else return undefined;
    const m = KEY.exec(keyLine.trimEnd());
    if (!m) return undefined;
    if (m[1] !== 'id') continue;
    const id = m[2] === undefined ? undefined : scalar(m[2]);
    if (id === undefined || stages![stages!.length - 1] !== undefined) return undefined;
    stages![stages!.length - 1] = { id };
    idOpen = true;
  }
  const { title, area, level, minutes } = fields;
  if (title === undefined || area === undefined || level === undefined || minutes === undefined || !/^\d+$/.test(minutes)) return undefined;
  if (!stages || !stages.every((s) => s !== undefined)) return undefined;
  // Copies, so the header does not keep the whole file's text alive.
  const own = (v: string) => (' ' + v).slice(1);
  return { id: folder, title: own(title), area: own(area), level: own(level), minutes: Number(minutes), stages: stages.map((s) => ({ id: own(s!.id) })) };
}

// A one-line scalar: plain, or quoted without escapes; undefined for anything else.
function scalar(text: string): string | undefined {
  const t = text.trim();
  const double = /^"([^"\\]*)"\s*(?:#.*)?$/.exec(t);
  if (double) return double[1];
  const single = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(t);
  if (single) return single[1]!.replace(/''/g, "'");
  // Indicators that start something other than a plain scalar (flow, anchor, tag, block...).
  if (t === '' || /^[[\]{}&*!|>%@`"'#,?:-]/.test(t)) return undefined;
  const value = t.replace(/\s+#.*$/, '');
  return /: |:$/.test(value) ? undefined : value;
}
