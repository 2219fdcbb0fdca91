/**
 * System utilities: sleep (on virtual time), date (busybox/GNU default format and +FORMAT),
 * env, printenv, hostname, uname, id, whoami, basename, dirname.
 */
import { sleep as sleepFor, type Command, type CommandContext, type Io, type Run } from '../io.js';
import { failWith, parseFlags } from './util.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2, c = '0'): string => String(n).padStart(w, c);

/** strftime for the conversions scripts use; containers run in UTC. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  return format.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'a': return DAYS[d.getUTCDay()]!;
      case 'A': return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]!;
      case 'b': case 'h': return MONTHS[d.getUTCMonth()]!;
      case 'B': return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.getUTCMonth()]!;
      case 'd': return pad(d.getUTCDate());
      case 'e': return pad(d.getUTCDate(), 2, ' ');
      case 'H': return pad(d.getUTCHours());
      case 'I': return pad(((d.getUTCHours() + 11) % 12) + 1);
      case 'M': return pad(d.getUTCMinutes());
      case 'S': return pad(d.getUTCSeconds());
      case 'N': return pad(d.getUTCMilliseconds() * 1_000_000, 9);
      case 'm': return pad(d.getUTCMonth() + 1);
      case 'y': return pad(d.getUTCFullYear() % 100);
      case 'Y': return String(d.getUTCFullYear());
      case 'j': return pad(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3);
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 's': return String(Math.floor(ms / 1000));
      case 'T': return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case 'R': return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      case 'D': return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`;
      case 'F': return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case 'u': return String(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
      case 'w': return String(d.getUTCDay());
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

/** `date` without arguments, identical in busybox and GNU coreutils: `Mon Jul  1 10:00:00 UTC 2024`. */
export const DATE_DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

function* date(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const format = argv.slice(1).find((a) => a.startsWith('+'));
  const iso = argv.slice(1).find((a) => a.startsWith('-I') || a.startsWith('--iso-8601'));
  let text: string;
  if (format) text = strftime(format.slice(1), ctx.host.now());
  else if (iso) text = strftime(iso.includes('s') ? '%Y-%m-%dT%H:%M:%S+00:00' : '%Y-%m-%d', ctx.host.now());
  else text = strftime(DATE_DEFAULT_FORMAT, ctx.host.now());
  io.out.write(text + '\n');
  return 0;
}

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses sleep's operands (`30`, `0.5`, `1m`, `2h`, several summed); undefined for a bad one. */
export function parseSleep(args: readonly string[], gnu: boolean): { ms: number } | { forever: true } | { bad: string } {
  let ms = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) return { forever: true };
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return { bad: a };
    ms += Number(m[1]) * UNITS[m[2]!]!;
  }
  void gnu;
  return { ms: Math.round(ms) };
}

function* sleep(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const args = argv.slice(1);
  if (args.length === 0) {
    return yield* failWith(io, ctx.gnu ? "sleep: missing operand\nTry 'sleep --help' for more information." : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...', 1);
  }
  const parsed = parseSleep(args, ctx.gnu);
  // busybox 1.28 is built without float sleep, so `sleep infinity` is an invalid number there.
  const oldBusybox = !ctx.gnu && ctx.profile.nslookup === 'busybox-1.28';
  if ('bad' in parsed || ('forever' in parsed && oldBusybox)) {
    const bad = 'bad' in parsed ? parsed.bad : args[0]!;
    return yield* failWith(io, ctx.gnu ? `sleep: invalid time interval '${bad}'\nTry 'sleep --help' for more information.` : `sleep: invalid number '${bad}'`, 1);
  }
  if ('forever' in parsed) {
    yield { kind: 'forever' };
    return 0;
  }
  return yield* sleepFor(parsed.ms);
}

function* env(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  if (argv.length > 1 && !argv[1]!.startsWith('-')) {
    // env NAME=VALUE … is rarely used in containers; print with the assignments applied.
    const extra = Object.fromEntries(argv.slice(1).filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    io.out.write(Object.entries({ ...ctx.env, ...extra }).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  io.out.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}

function* printenv(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const names = argv.slice(1);
  if (names.length === 0) return yield* env(ctx, ['env'], io);
  let status = 0;
  for (const n of names) {
    const v = ctx.env[n];
    if (v === undefined) status = 1;
    else io.out.write(v + '\n');
  }
  return status;
}

function* hostname(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags } = parseFlags(argv.slice(1));
  io.out.write((flags.has('i') ? (ctx.host.podIP ?? '127.0.0.1') : ctx.host.hostname) + '\n');
  return 0;
}

function* uname(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags } = parseFlags(argv.slice(1));
  const all = ['Linux', ctx.host.hostname, '5.15.0-113-generic', '#123-Ubuntu SMP Mon Jun 10 08:16:17 UTC 2024', 'x86_64'];
  if (flags.has('a')) io.out.write(`${all.join(' ')}${ctx.gnu ? ' x86_64 x86_64 GNU/Linux' : ' GNU/Linux'}\n`);
  else {
    const picks = [['s', 0], ['n', 1], ['r', 2], ['v', 3], ['m', 4]].filter(([f]) => flags.has(f as string)).map(([, i]) => all[i as number]!);
    io.out.write((picks.length ? picks : [all[0]!]).join(' ') + '\n');
  }
  return 0;
}

/** The system utilities, by name. */
export const SYSTEM_COMMANDS: Readonly<Record<string, Command>> = {
  date,
  sleep,
  env,
  printenv,
  hostname,
  uname,
  *id(ctx, _argv, io) {
    io.out.write(ctx.gnu ? 'uid=0(root) gid=0(root) groups=0(root)\n' : 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    return 0;
  },
  *whoami(_ctx, _argv, io) {
    io.out.write('root\n');
    return 0;
  },
  *basename(_ctx, argv, io) {
    const name = (argv[1] ?? '').replace(/\/+$/, '').split('/').pop() ?? '';
    io.out.write((argv[2] && name.endsWith(argv[2]) ? name.slice(0, -argv[2].length) : name) + '\n');
    return 0;
  },
  *dirname(_ctx, argv, io) {
    const p = (argv[1] ?? '').replace(/\/+$/, '');
    const i = p.lastIndexOf('/');
    io.out.write((i === -1 ? '.' : i === 0 ? '/' : p.slice(0, i)) + '\n');
    return 0;
  },
};
