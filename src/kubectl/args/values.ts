/**
 * Flag values parsed the way Go parses them, so a bad value gets the words kubectl prints:
 * strconv.ParseBool, strconv.ParseInt (base 0, as pflag calls it), time.ParseDuration,
 * and pflag's CSV reading of slice and map flags.
 */

/** A parsed value, or the Go error text kubectl puts after `invalid argument ... flag: `. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const err = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Go's `%q`/strconv.Quote for the ASCII texts flags carry: `"a\"b"`. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool. */
export function parseGoBool(s: string): Parsed<boolean> {
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return err(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/**
 * strconv.ParseInt(s, 0, bits): optional sign, 0x/0o/0b prefixes, a leading 0 for octal,
 * `_` between digits. `bits` is 64 for pflag's Int and 32 for Int32 (`--replicas`).
 */
export function parseGoInt(s: string, bits: 32 | 64): Parsed<number> {
  const syntax = err<number>(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const m = /^([+-]?)(0[xX]|0[oO]|0[bB]|0(?=[0-9_]))?([0-9a-fA-F_]+)$/.exec(s);
  if (!m) return syntax;
  const [, sign, prefix = '', digits = ''] = m;
  const base = prefix === '' ? 10 : /[xX]/.test(prefix) ? 16 : /[bB]/.test(prefix) ? 2 : 8;
  // Underscores only between digits (or right after a prefix), as Go's underscoreOK checks.
  if (digits.startsWith('_') && prefix === '') return syntax;
  if (digits.endsWith('_') || digits.includes('__')) return syntax;
  const clean = digits.replace(/_/g, '');
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  if (!valid.test(clean)) return syntax;
  const magnitude = BigInt(base === 10 ? clean : `0${'xob'[[16, 8, 2].indexOf(base)]}${clean}`);
  const value = sign === '-' ? -magnitude : magnitude;
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit) return err(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return ok(Number(value));
}

const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5
  'μs': 1e3, // U+03BC
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** time.ParseDuration, in milliseconds: `30s`, `1m30s`, `1.5h`, `-2m`, `0`. */
export function parseGoDuration(s: string): Parsed<number> {
  const invalid = err<number>(`time: invalid duration ${goQuote(s)}`);
  let rest = s;
  let negative = false;
  if (rest[0] === '-' || rest[0] === '+') {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return ok(0);
  if (rest === '') return invalid;
  let totalNs = 0;
  while (rest !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(rest)!;
    const [whole, int = '', frac] = m;
    if (int === '' && (frac === undefined || frac === '')) return invalid;
    rest = rest.slice(whole.length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') return err(`time: missing unit in duration ${goQuote(s)}`);
    const scale = UNIT_NS[unit];
    if (scale === undefined) return err(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(s)}`);
    rest = rest.slice(unit.length);
    totalNs += Number(`${int || '0'}.${frac || '0'}`) * scale;
  }
  if (totalNs > 2 ** 63) return invalid;
  const ms = totalNs / 1e6;
  return ok(negative ? -ms : ms);
}

/** time.Duration.String for a value in milliseconds: `0s`, `500ms`, `5s`, `1m0s`, `2h0m0s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${trimFloat(rest)}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = `${trimFloat(rest / 1000)}s`;
  if (h > 0) return `${sign}${h}h${m}m${s}`;
  if (m > 0) return `${sign}${m}m${s}`;
  return `${sign}${s}`;
}

function trimFloat(n: number): string {
  return String(Number(n.toFixed(9)));
}

/**
 * Reads one line of comma-separated values the way Go's encoding/csv does for pflag's
 * StringSlice and StringToString: `a,b`, `"a,b",c`, `"say ""hi"""`.
 */
export function readCsv(s: string): Parsed<string[]> {
  if (s === '') return ok([]);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) return err(`parse error on line 1, column ${s.length + 1}: extraneous or missing " in quoted-field`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += s[i++];
      }
      if (i < s.length && s[i] !== ',') return err(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
    } else {
      const end = s.indexOf(',', i);
      field = s.slice(i, end < 0 ? s.length : end);
      if (field.includes('"')) return err(`parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`);
      i = end < 0 ? s.length : end;
    }
    out.push(field);
    if (i >= s.length) return ok(out);
    i++; // the comma
    if (i >= s.length) {
      out.push('');
      return ok(out);
    }
  }
}
