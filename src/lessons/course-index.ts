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

// A blank or comment-only line, which YAML ignores wherever it is.
const isSkippable = (line: string) => /^\s*(#.*)?$/.test(line);
const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * A lesson's header from its lesson.yaml text, or undefined when the text is not in the plain
 * block style this reader is sure of (then load it strictly). Values are taken as written;
 * the strict loader is the judge of whether they are valid.
 */
export function readLessonHeader(folder: string, text: string): LessonHeader | undefined {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const fields: Record<string, string> = {};
  let stages: { id: string }[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isSkippable(line) || (line === '---' && Object.keys(fields).length === 0 && !stages)) continue;
    const m = KEY.exec(line);
    if (!m || /^[\s-]/.test(line)) return undefined;
    // The key's block: every following line that is indented, blank or a comment.
    let end = i + 1;
    while (end < lines.length && (isSkippable(lines[end]!) || /^[ -]/.test(lines[end]!))) end++;
    const block = lines.slice(i + 1, end);
    const [, key, rest] = m;
    if (key === 'stages') {
      if (rest !== undefined && !isSkippable(rest)) return undefined;
      stages = readStageIds(block);
      if (!stages) return undefined;
    } else if ((HEADER_KEYS as readonly string[]).includes(key!)) {
      // A scalar with an indented continuation is folded YAML: leave it to the loader.
      if (rest === undefined || !block.every(isSkippable)) return undefined;
      const value = scalar(rest);
      if (value === undefined || key! in fields) return undefined;
      fields[key!] = value;
    }
    i = end - 1;
  }
  const { title, area, level, minutes } = fields;
  if (title === undefined || area === undefined || level === undefined || minutes === undefined || !/^\d+$/.test(minutes) || !stages) return undefined;
  return { id: folder, title, area, level, minutes: Number(minutes), stages };
}

// The `id:` of each item of the block under `stages:`; undefined unless every item has one.
function readStageIds(block: readonly string[]): { id: string }[] | undefined {
  const first = block.find((l) => !isSkippable(l));
  if (first === undefined) return [];
  const item = /^( *)-( +)\S/.exec(first);
  if (!item) return undefined;
  const dash = item[1]!.length;
  const keyIndent = dash + 1 + item[2]!.length;
  const ids: ({ id: string } | undefined)[] = [];
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!;
    if (isSkippable(line)) continue;
    const indent = indentOf(line);
    if (indent < dash) return undefined;
    let keyLine: string;
    if (indent === dash) {
      // A new item: `- key: value` with its first key at keyIndent.
      if (!line.startsWith(`${' '.repeat(dash)}-${' '.repeat(keyIndent - dash - 1)}`) || line[keyIndent] === ' ') return undefined;
      ids.push(undefined);
      keyLine = line.slice(keyIndent);
    } else if (indent === keyIndent && ids.length > 0) keyLine = line.slice(keyIndent);
    else if (indent > keyIndent) continue; // inside a value (block text, lists of hints and checks)
    else return undefined;
    const m = KEY.exec(keyLine);
    if (!m) return undefined;
    if (m[1] !== 'id') continue;
    const id = m[2] === undefined ? undefined : scalar(m[2]);
    // An id whose value continues on the next lines, or a second id, is not plain.
    const next = block.slice(i + 1).find((l) => !isSkippable(l));
    if (id === undefined || ids[ids.length - 1] !== undefined || (next !== undefined && indentOf(next) > keyIndent)) return undefined;
    ids[ids.length - 1] = { id };
  }
  return ids.every((s) => s !== undefined) ? (ids as { id: string }[]) : undefined;
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
