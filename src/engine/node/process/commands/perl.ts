/**
 * The little perl the docs use: the pi Job (`perl -Mbignum=bpi -wle 'print bpi(2000)'`)
 * and one-line `print`s. Pi is computed exactly (Machin's formula on BigInt) and rounded
 * to the requested significant digits as Math::BigFloat does.
 */
import { sleep, type Command, type CommandContext, type Io, type Run } from '../io.js';

/** arctan(1/x) scaled by 10^digits, on BigInt. */
function arctanInv(x: bigint, scale: bigint): bigint {
  let term = scale / x;
  let sum = term;
  const x2 = x * x;
  for (let n = 3n, sign = -1n; term !== 0n; n += 2n, sign = -sign) {
    term /= x2;
    sum += (sign * term) / n;
  }
  return sum;
}

/** Pi to `digits` significant digits (`3.14159…`), rounded half up on the next digit. */
export function piDigits(digits: number): string {
  const guard = 10;
  const scale = 10n ** BigInt(digits - 1 + guard);
  const pi = 4n * (4n * arctanInv(5n, scale) - arctanInv(239n, scale));
  let text = pi.toString();
  const kept = BigInt(text.slice(0, digits));
  const next = Number(text[digits]);
  text = (next >= 5 ? kept + 1n : kept).toString();
  return digits === 1 ? text : `${text[0]}.${text.slice(1)}`;
}

function* perl(_ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const args = argv.slice(1);
  const scriptIndex = args.findIndex((a) => /^-[a-zA-Z]*e$/.test(a));
  const script = scriptIndex === -1 ? undefined : args[scriptIndex + 1];
  const lineMode = args.some((a) => /^-[a-zA-Z]*l/.test(a) && !a.startsWith('-M'));
  if (script === undefined) return 0;
  const bpi = /print\s+bpi\((\d+)\)/.exec(script);
  if (bpi) {
    const n = Number(bpi[1]);
    // Math::BigFloat takes a moment for thousands of digits; the docs' Job runs ~10 s.
    yield* sleep(Math.round(n * 2.5));
    io.out.write(piDigits(n) + (lineMode ? '\n' : ''));
    return 0;
  }
  const print = /^\s*print\s+(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*;?\s*$/.exec(script);
  if (print) {
    const text = print[1] !== undefined ? print[1].replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1') : print[2]!;
    io.out.write(text + (lineMode ? '\n' : ''));
    return 0;
  }
  const exit = /^\s*exit\s*\(?\s*(\d+)\s*\)?\s*;?\s*$/.exec(script);
  if (exit) return Number(exit[1]);
  return 0;
}

/** perl, by name. */
export const PERL_COMMANDS: Readonly<Record<string, Command>> = { perl };
