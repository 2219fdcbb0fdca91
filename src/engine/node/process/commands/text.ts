/**
 * Text filters: head, tail (with -f/-F following a file on virtual time, like a log
 * sidecar), grep, wc, sort, seq.
 */
import { sleep, type Command, type CommandContext, type Io, type Run } from '../io.js';
import { failWith, lines, parseFlags, readInputs, resolve } from './util.js';

/** `-n N`, `-N` or `-n +N` as head/tail take them. */
function countArg(argv: readonly string[]): { count: number; fromStart: boolean; rest: string[] } {
  let count = 10;
  let fromStart = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const n = /^-n(.*)$/.exec(a);
    const value = n ? (n[1] || argv[++i] || '') : /^-\d+$/.test(a) ? a.slice(1) : undefined;
    if (value !== undefined) {
      fromStart = value.startsWith('+');
      count = Number.parseInt(value.replace(/^[+-]/, ''), 10);
      continue;
    }
    rest.push(a);
  }
  return { count, fromStart, rest };
}

function* head(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { count, rest } = countArg(argv.slice(1));
  const { texts, failed } = readInputs(ctx, 'head', parseFlags(rest).operands, io);
  for (const t of texts) io.out.write(lines(t).slice(0, count).map((l) => l + '\n').join(''));
  return failed ? 1 : 0;
}

function pick(text: string, count: number, fromStart: boolean): string[] {
  const all = lines(text);
  return fromStart ? all.slice(Math.max(0, count - 1)) : count === 0 ? [] : all.slice(-count);
}

/** busybox tail -f polls once a second. */
const FOLLOW_POLL_MS = 1000;

function* tail(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { count, fromStart, rest } = countArg(argv.slice(1));
  const { flags, operands } = parseFlags(rest);
  const follow = flags.has('f') || flags.has('F') || flags.has('follow');
  const retry = flags.has('F') || flags.has('retry');
  if (!follow || operands.length === 0) {
    const { texts, failed } = readInputs(ctx, 'tail', operands, io);
    for (const t of texts) io.out.write(pick(t, count, fromStart).map((l) => l + '\n').join(''));
    return failed ? 1 : 0;
  }
  const file = operands[0]!;
  if (file === '/dev/null') {
    yield { kind: 'forever' };
    return 0;
  }
  const path = resolve(ctx, file);
  let content = ctx.host.fs.read(path);
  if (content === undefined) {
    io.err.write(ctx.gnu ? `tail: cannot open '${file}' for reading: No such file or directory\n` : `tail: can't open '${file}': No such file or directory\n`);
    if (!retry) return 1;
  } else {
    io.out.write(pick(content, count, fromStart).map((l) => l + '\n').join(''));
  }
  let seen = content ?? '';
  for (;;) {
    yield* sleep(FOLLOW_POLL_MS);
    content = ctx.host.fs.read(path);
    if (content === undefined) continue;
    if (content.length < seen.length) {
      io.err.write(`tail: ${file}: file truncated\n`);
      seen = '';
    }
    if (content.length > seen.length) io.out.write(content.slice(seen.length));
    seen = content;
  }
}

function* grep(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1), ['e', 'm']);
  const pattern = flags.get('e') ?? operands.shift();
  if (pattern === undefined) return yield* failWith(io, ctx.gnu ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information." : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...', 2);
  const insensitive = flags.has('i');
  const source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : toJsRegex(pattern, flags.has('E'));
  const re = new RegExp(flags.has('x') ? `^(?:${source})$` : flags.has('w') ? `\\b(?:${source})\\b` : source, insensitive ? 'i' : '');
  const { texts, failed } = readInputs(ctx, 'grep', operands, io);
  let matched = 0;
  const output: string[] = [];
  texts.forEach((t, idx) => {
    for (const line of lines(t)) {
      const hit = re.test(line) !== flags.has('v');
      if (!hit) continue;
      matched++;
      const prefix = operands.length > 1 ? `${operands[idx]}:` : '';
      if (flags.has('o') && !flags.has('v')) {
        for (const m of line.match(new RegExp(re.source, re.flags + 'g')) ?? []) output.push(prefix + m);
      } else output.push(prefix + line);
    }
  });
  if (!flags.has('q')) {
    if (flags.has('c')) io.out.write(`${matched}\n`);
    else io.out.write(output.map((l) => l + '\n').join(''));
  }
  if (failed && !flags.has('s')) return 2;
  return matched > 0 ? 0 : 1;
}

/** Basic regular expressions use \( \) \| \+ for grouping; extended ones use them bare. */
function toJsRegex(pattern: string, extended: boolean): string {
  if (extended) return pattern;
  return pattern.replace(/\\([(){}|+?])|([(){}|+?])/g, (_m, escaped: string | undefined, bare: string | undefined) =>
    escaped ? escaped : `\\${bare}`,
  );
}

function* wc(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1));
  const { texts, failed } = readInputs(ctx, 'wc', operands, io);
  const only = ['l', 'w', 'c'].filter((f) => flags.has(f));
  const fields = only.length > 0 ? only : ['l', 'w', 'c'];
  const rows = texts.map((t, idx) => {
    const counts: Record<string, number> = { l: (t.match(/\n/g) ?? []).length, w: t.split(/\s+/).filter(Boolean).length, c: t.length };
    const values = fields.map((f) => counts[f]!);
    // A single count from stdin is printed bare; busybox and GNU pad otherwise.
    const text = values.length === 1 && operands.length === 0 ? String(values[0]) : values.map((v) => String(v).padStart(ctx.gnu ? 1 : 7)).join(' ');
    return operands.length > 0 ? `${text} ${operands[idx]}` : text;
  });
  io.out.write(rows.map((r) => r + '\n').join(''));
  return failed ? 1 : 0;
}

function* sort(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1));
  const { texts } = readInputs(ctx, 'sort', operands, io);
  let all = texts.flatMap(lines);
  all = flags.has('n') ? all.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b)) : all.sort();
  if (flags.has('r')) all.reverse();
  if (flags.has('u')) all = [...new Set(all)];
  io.out.write(all.map((l) => l + '\n').join(''));
  return 0;
}

function* seq(_ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const nums = argv.slice(1).map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  let out = '';
  for (let n = first; step > 0 ? n <= last : n >= last; n += step) out += `${n}\n`;
  io.out.write(out);
  return 0;
}

/** The text filters, by name. */
export const TEXT_COMMANDS: Readonly<Record<string, Command>> = { head, tail, grep, wc, sort, seq };
