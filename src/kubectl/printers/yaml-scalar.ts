/**
 * How go-yaml v2 (behind sigs.k8s.io/yaml, which kubectl's -o yaml uses) writes one
 * string: the style it picks (plain, 'single', "double", | literal) and the text, folded
 * at the first space past column 80 as its emitter does (best_width 80).
 */

const BEST_WIDTH = 80;

// yaml.v2 resolve.go: plain strings that would read back as bool, null, int, float or timestamp.
const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Whether go-yaml would read `s` back as something other than a string (so must quote it). */
export function resolvesToNonString(s: string): boolean {
  const hint = s === '' ? 'N' : s[0]!;
  if (!/[-+0-9yYnNtTfFoO~.N]/.test(hint) && s !== '') return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === '.') return GO_FLOAT.test(s);
  if (/[-+0-9]/.test(hint)) {
    if (TIMESTAMP.test(s)) return true;
    const plain = s.replaceAll('_', '');
    return GO_INT.test(plain) || YAML_FLOAT.test(plain);
  }
  return false;
}

// yaml's is_printable: \n, ASCII printable, U+00A0..U+D7FF, U+E000..U+FFFD but U+FEFF.
function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}
const isBreak = (c: string): boolean => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || isBreak(c);

interface Analysis {
  multiline: boolean;
  plainAllowed: boolean;
  singleAllowed: boolean;
  blockAllowed: boolean;
}

// yaml_emitter_analyze_scalar, for block context (kubectl output is never flow style).
function analyze(s: string): Analysis {
  const chars = [...s];
  if (chars.length === 0) return { multiline: false, plainAllowed: true, singleAllowed: true, blockAllowed: false };
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) {
      blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      blockIndicators = true;
    }
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    const last = i === chars.length - 1;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c);
  });
  let plainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators);
  let singleAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) plainAllowed = singleAllowed = false;
  if (spaceBreak || special) plainAllowed = singleAllowed = blockAllowed = false;
  return { multiline: lineBreaks, plainAllowed, singleAllowed, blockAllowed };
}

/** The style go-yaml v2 gives a string, as a mapping key or as a value. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** encoder.stringv plus yaml_emitter_select_scalar_style, block context. */
export function scalarStyle(s: string, isKey: boolean): ScalarStyle {
  const a = analyze(s);
  let style: ScalarStyle = s.includes('\n') ? 'literal' : !resolvesToNonString(s) && !BASE60.test(s) ? 'plain' : 'double';
  if (isKey && a.multiline) style = 'double';
  if (style === 'plain' && !a.plainAllowed) style = 'single';
  if (style === 'single' && !a.singleAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || isKey)) style = 'double';
  return style;
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escapeChar(c: string): string | undefined {
  const cp = c.codePointAt(0)!;
  if (isPrintable(cp) && !isBreak(c) && c !== '"' && c !== '\\') return undefined;
  if (ESCAPES[cp] !== undefined) return `\\${ESCAPES[cp]}`;
  const hex = cp.toString(16).toUpperCase();
  return cp <= 0xff ? `\\x${hex.padStart(2, '0')}` : cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
}

/**
 * Writes a non-literal scalar starting at `column` (after the `: ` or `- `), folding at
 * spaces past column 80 onto lines indented by `indent` unless `allowBreaks` is false
 * (keys). Returns the text without a trailing newline.
 */
export function writeFlowScalar(s: string, style: Exclude<ScalarStyle, 'literal'>, column: number, indent: number, allowBreaks: boolean): string {
  const chars = [...s];
  const quote = style === 'single' ? "'" : style === 'double' ? '"' : '';
  let out = quote;
  let col = column + quote.length;
  let spaces = false;
  const newline = (): void => {
    out += `\n${' '.repeat(indent)}`;
    col = indent;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ' ') {
      const nextIsSpace = chars[i + 1] === ' ';
      const canBreak = allowBreaks && !spaces && col > BEST_WIDTH && (style === 'plain' || (i > 0 && i < chars.length - 1));
      if (canBreak && (style === 'double' || !nextIsSpace)) {
        newline();
        // A folded double-quoted line keeps a following space with `\`.
        if (style === 'double' && nextIsSpace) { out += '\\'; col++; }
      } else {
        out += ' ';
        col++;
      }
      spaces = true;
      continue;
    }
    const text = style === 'double' ? (escapeChar(c) ?? c) : style === 'single' && c === "'" ? "''" : c;
    out += text;
    col += [...text].length;
    spaces = false;
  }
  return out + quote;
}

/** A `|` block: the header (`|`, `|-`, `|+`, with `2` when the text starts with a space or break) and indented lines. */
export function writeLiteral(s: string, indent: number): string {
  const chars = [...s];
  const indentHint = chars[0] === ' ' || isBreak(chars[0] ?? '') ? '2' : '';
  let chomp = '';
  if (!s.endsWith('\n')) chomp = '-';
  else if (s.length === 1 || s.endsWith('\n\n')) chomp = '+';
  const lines = s.split('\n').map((line) => (line === '' ? '' : ' '.repeat(indent) + line));
  return `|${indentHint}${chomp}\n${lines.join('\n')}${s.endsWith('\n') ? '' : '\n'}`;
}
