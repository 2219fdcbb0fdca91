/**
 * What an argv runs on a given image, decided as the runtime and the image's entrypoint
 * would: a shell, the image's own program, a utility the image ships, or nothing (the
 * `executable file not found in $PATH` start error). Commands look binaries up by their
 * basename in the image's list, since images are data, not real layers.
 */
import type { ImageProfile, ProgramSpec } from '../../../images/types.js';
import type { Command } from '../io.js';
import { WRAPPERS } from '../programs.js';
import { FILE_COMMANDS } from './files.js';
import { HTTP_CLIENT_COMMANDS } from './http-clients.js';
import { NSLOOKUP_COMMANDS } from './nslookup.js';
import { PERL_COMMANDS } from './perl.js';
import { PS_COMMANDS } from './ps.js';
import { STRESS_COMMANDS } from './stress.js';
import { SYSTEM_COMMANDS } from './system.js';
import { TEXT_COMMANDS } from './text.js';

/** Every utility implemented, by binary name. */
export const UTILITIES: Readonly<Record<string, Command>> = {
  ...FILE_COMMANDS,
  ...TEXT_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...NSLOOKUP_COMMANDS,
  ...HTTP_CLIENT_COMMANDS,
  ...PERL_COMMANDS,
  ...PS_COMMANDS,
  ...STRESS_COMMANDS,
  // Builtins of every shell that images also ship as binaries, for direct exec.
  *echo(_ctx, argv, io) {
    io.out.write(argv.slice(1).join(' ') + '\n');
    return 0;
  },
  *true() {
    return 0;
  },
  *false() {
    return 1;
  },
};

/** Utilities that are separate programs, not busybox applets: an image must list them. */
const NOT_BUSYBOX_APPLETS: ReadonlySet<string> = new Set(['curl', 'perl', 'stress', 'vish-stress']);

/** Names that start the shell interpreter. */
export const SHELL_NAMES: ReadonlySet<string> = new Set(['sh', 'ash', 'bash', 'dash', 'zsh']);

const basename = (s: string): string => s.split('/').pop() ?? s;

/** What an argv resolves to on an image. */
export type Executable =
  | { readonly kind: 'shell'; readonly argv: readonly string[] }
  | { readonly kind: 'program'; readonly spec: ProgramSpec; readonly argv: readonly string[] }
  | { readonly kind: 'utility'; readonly command: Command; readonly argv: readonly string[] }
  /** A binary the image has but kubetutor does not model (python app.py): it runs quietly until stopped. */
  | { readonly kind: 'idle'; readonly argv: readonly string[] }
  | { readonly kind: 'missing'; readonly name: string };

/** Whether the image can run a shell named `name` (busybox images have sh/ash, Debian sh/dash/bash). */
export function hasShell(name: string, profile: ImageProfile): boolean {
  const base = basename(name);
  if (!profile.shell || !SHELL_NAMES.has(base)) return false;
  if (base === 'sh' || profile.binaries.includes(base)) return true;
  if (profile.shell === 'busybox') return base === 'ash';
  return base === 'dash' || profile.binaries.includes(base) || (base === 'bash' && profile.shell === 'bash');
}

/** Resolves an argv on an image, following docker-entrypoint.sh-style wrappers. */
export function resolveExecutable(argv: readonly string[], profile: ImageProfile): Executable {
  const name = argv[0];
  if (name === undefined) return { kind: 'missing', name: '' };
  const base = basename(name);
  const has = (b: string): boolean => profile.binaries.includes(b) || (profile.shell === 'busybox' && b in UTILITIES && !NOT_BUSYBOX_APPLETS.has(b));
  if (WRAPPERS.has(base) && argv.length > 1) {
    const next = argv[1]!;
    const handsOver = !next.startsWith('-') && !next.endsWith('.conf') && (has(basename(next)) || hasShell(next, profile));
    if (handsOver && !profile.cmd.map(basename).includes(basename(next))) return resolveExecutable(argv.slice(1), profile);
  }
  if (SHELL_NAMES.has(base)) return hasShell(name, profile) ? { kind: 'shell', argv } : { kind: 'missing', name };
  const defaultArgv = [...profile.entrypoint, ...profile.cmd];
  if (argv.length === defaultArgv.length && argv.every((a, i) => a === defaultArgv[i])) {
    return { kind: 'program', spec: profile.program, argv };
  }
  // `nginx -v`, `redis-server --version`: the binary prints its version and exits.
  const version = profile.versionOutput?.[base];
  if (version && argv.length === 2 && version.flags.includes(argv[1]!) && has(base)) {
    return { kind: 'program', spec: { kind: 'exit', logs: version.lines, code: 0 }, argv };
  }
  const own = new Set([...profile.entrypoint, ...profile.cmd.slice(0, 1)].map(basename));
  if (own.has(base) && profile.subcommands) {
    const first = argv.slice(1).find((a) => !a.startsWith('-'));
    const sub = first === undefined ? profile.program : profile.subcommands[first];
    if (sub) return { kind: 'program', spec: sub, argv };
  }
  // vish/stress ships its Go binary as /stress; polinux/stress has the C tool.
  if (base === 'stress' && profile.shell === null && has('stress')) return { kind: 'utility', command: UTILITIES['vish-stress']!, argv };
  const utility = UTILITIES[base];
  if (utility && has(base)) return { kind: 'utility', command: utility, argv };
  if (own.has(base) && profile.program.kind !== 'exit') return { kind: 'program', spec: profile.program, argv };
  if (own.has(base) || has(base)) return { kind: 'idle', argv };
  return { kind: 'missing', name };
}
