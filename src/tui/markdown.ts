/**
 * Stage text rendered for the terminal: `#` headings, `-`/`*`/`1.` lists, `inline code`,
 * **bold**, and fenced blocks (YAML highlighted: keys, comments, values). The result is a
 * list of display rows already wrapped to the pane's width, so the lesson pane knows
 * exactly how many rows the text takes and can cut or scroll it.
 */
import type { Colour } from './theme.js';
import { accent, muted, isColourless } from './theme.js';

/** A run of text in one style. */
export interface Segment {
  readonly text: string;
  readonly colour?: Colour;
  readonly bold?: boolean;
}

/** One display row. */
export type StyledLine = readonly Segment[];

/** Renders markdown-ish stage text into rows no wider than `width`. */
export function renderMarkdown(text: string, width: number): StyledLine[] {
  const rows: StyledLine[] = [];
  const lines = text.replace(/\s+$/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)\s*(\S*)/.exec(line);
    if (fence) {
      const lang = fence[2]!.toLowerCase();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) body.push(lines[i]!);
      for (const b of body) rows.push(codeLine(b, lang, width));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      rows.push(...wrap(inline(heading[2]!, { colour: accent(), bold: true }), width));
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const bullet = /\d/.test(item[2]!) ? `${item[2]} ` : '• ';
      const indent = `${item[1]}${' '.repeat(bullet.length)}`;
      const wrapped = wrap(inline(item[3]!), Math.max(8, width - indent.length));
      wrapped.forEach((row, n) => rows.push([{ text: n === 0 ? `${item[1]}${bullet}` : indent }, ...row]));
      continue;
    }
    if (/^\s{4,}\S/.test(line)) {
      rows.push(codeLine(line.slice(4), '', width));
      continue;
    }
    if (line.trim() === '') {
      rows.push([{ text: '' }]);
      continue;
    }
    rows.push(...wrap(inline(line), width));
  }
  return rows;
}

/** Plain text of a row (tests, width sums). */
export function plain(line: StyledLine): string {
  return line.map((s) => s.text).join('');
}

// `code` and **bold** inside a line; the backticks are dropped, colour marks the code
// (and when colours are off, the backticks stay so the code is still visible).
function inline(text: string, base: Omit<Segment, 'text'> = {}): Segment[] {
  const out: Segment[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ ...base, text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ ...base, text: isColourless() ? `\`${m[1]}\`` : m[1], colour: codeColour() });
    else out.push({ ...base, text: m[2]!, bold: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ ...base, text: text.slice(last) });
  return out;
}

const codeColour = (): Colour => (isColourless() ? undefined : 'yellow');

// Word-wraps segments into rows of at most `width` columns, keeping styles.
function wrap(segments: readonly Segment[], width: number): StyledLine[] {
  const rows: Segment[][] = [[]];
  let used = 0;
  for (const seg of segments) {
    for (const word of seg.text.split(/(\s+)/)) {
      if (word === '') continue;
      const space = /^\s+$/.test(word);
      if (space && used === 0) continue;
      if (!space && used + word.length > width && used > 0) {
        rows.push([]);
        used = 0;
      }
      let rest = space ? ' ' : word;
      while (rest.length > width) {
        rows[rows.length - 1]!.push({ ...seg, text: rest.slice(0, width) });
        rows.push([]);
        rest = rest.slice(width);
      }
      rows[rows.length - 1]!.push({ ...seg, text: rest });
      used += rest.length;
    }
  }
  return rows.map(merge);
}

// Adjacent segments of the same style become one (fewer Text nodes for Ink).
function merge(row: readonly Segment[]): StyledLine {
  const out: Segment[] = [];
  for (const s of row) {
    const prev = out[out.length - 1];
    if (prev && prev.colour === s.colour && prev.bold === s.bold) out[out.length - 1] = { ...prev, text: prev.text + s.text };
    else out.push(s);
  }
  return out.length ? out : [{ text: '' }];
}

/** A code block row: indented two columns, cut to the width, YAML highlighted. */
function codeLine(line: string, lang: string, width: number): StyledLine {
  const text = `  ${line}`.slice(0, Math.max(1, width));
  const yaml = lang === 'yaml' || lang === 'yml' || (lang === '' && /^\s*(-\s+)?[\w.\/-]+:(\s|$)/.test(line));
  if (!yaml || isColourless()) return [{ text, colour: lang === 'yaml' || lang === 'yml' ? undefined : codeColour() }];
  return highlightYaml(text);
}

/** YAML colours: comments muted, keys in the accent colour, values plain, `---` muted. */
export function highlightYaml(line: string): StyledLine {
  const comment = /^(\s*)(#.*)$/.exec(line);
  if (comment) return merge([{ text: comment[1]! }, { text: comment[2]!, colour: muted() }]);
  if (/^\s*---\s*$/.test(line)) return [{ text: line, colour: muted() }];
  const kv = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?)(:)(\s.*|$)/.exec(line);
  if (!kv) return [{ text: line }];
  const [, lead, key, colon, value] = kv;
  const hash = value!.search(/\s#/);
  const val = hash >= 0 ? value!.slice(0, hash) : value!;
  const tail = hash >= 0 ? value!.slice(hash) : '';
  return merge([{ text: lead! }, { text: key!, colour: accent() }, { text: colon! }, { text: val, colour: valueColour() }, { text: tail, colour: muted() }].filter((s) => s.text !== ''));
}

const valueColour = (): Colour => (isColourless() ? undefined : 'green');
