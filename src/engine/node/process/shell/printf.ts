/**
 * printf and `echo -e` formatting: backslash escapes and `%s %d %i %x %o %c %b %%` with
 * flags, width and precision; the format is reused while arguments remain, as printf(1) does.
 */

/** Interprets backslash escapes; `\c` stops output (`stop` tells the caller to drop the newline). */
export function interpretEscapes(text: string, echoStyle: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i]!;
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case 'c': return { text: out, stop: true };
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        // echo uses \0NNN, printf \NNN.
        let digits = echoStyle && n === '0' ? '' : n;
        while (digits.length < 3 && /[0-7]/.test(text[i + 1] ?? '')) digits += text[++i];
        out += String.fromCharCode(Number.parseInt(digits || '0', 8));
        break;
      }
      default: out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

const SPEC = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sdiouxXcbfeEgG%])/g;

/** Formats like printf(1). */
export function formatPrintf(format: string, args: readonly string[]): string {
  let out = '';
  let argIndex = 0;
  const next = (): string | undefined => args[argIndex++];
  const fmt = interpretEscapes(format, false).text;
  do {
    const startIndex = argIndex;
    let stopped = false;
    const body = fmt.replace(SPEC, (_m, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (stopped) return '';
      if (conv === '%') return '%';
      const w = width === '*' ? Number(next() ?? 0) : width ? Number(width) : 0;
      const p = precision === '*' ? Number(next() ?? 0) : precision !== undefined ? Number(precision) : undefined;
      const arg = next();
      let text: string;
      switch (conv) {
        case 's': text = arg ?? ''; if (p !== undefined) text = text.slice(0, p); break;
        case 'b': {
          const r = interpretEscapes(arg ?? '', true);
          text = r.text;
          if (r.stop) stopped = true;
          break;
        }
        case 'c': text = (arg ?? '').slice(0, 1); break;
        case 'd': case 'i': case 'u': text = String(Math.trunc(Number(arg ?? 0) || 0)); break;
        case 'o': text = (Math.trunc(Number(arg ?? 0)) >>> 0).toString(8); break;
        case 'x': text = (Math.trunc(Number(arg ?? 0)) >>> 0).toString(16); break;
        case 'X': text = (Math.trunc(Number(arg ?? 0)) >>> 0).toString(16).toUpperCase(); break;
        default: text = (Number(arg ?? 0) || 0).toFixed(p ?? 6);
      }
      if (flags.includes('+') && /[di]/.test(conv) && !text.startsWith('-')) text = '+' + text;
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w);
        else if (flags.includes('0') && /[diouxXf]/.test(conv)) text = text.startsWith('-') ? '-' + text.slice(1).padStart(w - 1, '0') : text.padStart(w, '0');
        else text = text.padStart(w);
      }
      return text;
    });
    out += body;
    if (stopped || argIndex === startIndex) break;
  } while (argIndex < args.length);
  return out;
}
