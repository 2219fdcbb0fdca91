/**
 * A port of github.com/mitchellh/go-wordwrap v1.0.1 WrapString, which kubectl v1.30's
 * explain templates use (through term.NewWordWrapWriter) to wrap descriptions. Its quirks
 * are kept on purpose: existing newlines stay, words longer than the limit are never
 * broken, and spaces before a newline in the text are kept.
 */

const NBSP = '\u00a0';
const isSpace = (c: string): boolean => c !== NBSP && /\s/u.test(c);

/** Wraps `s` at whitespace so lines stay within `lim` characters where words allow. */
export function wrapString(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= lim) out += space;
      } else {
        out += space + word;
      }
      space = word = '';
      spaceLen = wordLen = 0;
      out += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = word = '';
        spaceLen = wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** The explain templates' `indent`: pads the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replace(/\n/g, `\n${pad}`);
}
