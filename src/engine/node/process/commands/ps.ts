/**
 * `ps`: the processes of the container's PID namespace (the host's `processes()`), in
 * busybox's one table or procps' default, `-f` and BSD `u` formats. A container sees its
 * own main process as PID 1; a pod with shareProcessNamespace sees the pause process and
 * every container; an ephemeral container with a target sees the target's processes.
 * CPU time, memory and terminals are not modelled: they read as an idle process's.
 */
import type { Command, CommandContext, Io, Run } from '../io.js';
import type { ProcessEntry } from '../types.js';
import { strftime } from './system.js';

/** The namespace's processes and `ps` itself, unless ps is what was exec'd (already listed). */
function entries(ctx: CommandContext, argv: readonly string[]): ProcessEntry[] {
  const listed = [...(ctx.host.processes?.() ?? [])];
  const command = argv.join(' ');
  if (listed[listed.length - 1]?.command !== command) {
    const pid = ctx.host.nextPid?.() ?? Math.max(0, ...listed.map((p) => p.pid)) + 1;
    listed.push({ pid, user: 'root', command, startedAt: ctx.host.now() });
  }
  return listed.sort((a, b) => a.pid - b.pid);
}

/** busybox ps (CONFIG_DESKTOP): `PID USER TIME COMMAND`; BSD-style operands (`aux`) are ignored. */
function busybox(list: readonly ProcessEntry[]): string {
  const rows = list.map((p) => `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${'0:00'.padStart(5)} ${p.command}`);
  return ['PID   USER     TIME  COMMAND', ...rows].join('\n') + '\n';
}

const comm = (command: string): string => (command.split(' ')[0] ?? '').split('/').pop()!.slice(0, 15);

/** procps-ng ps: the default columns, `-f` (full) or BSD `u` (user-oriented). */
function procps(list: readonly ProcessEntry[], argv: readonly string[]): string {
  const opts = argv.slice(1);
  const bsd = opts.filter((a) => !a.startsWith('-')).join('');
  const dashed = opts.filter((a) => a.startsWith('-')).join('');
  if (bsd.includes('u')) {
    const rows = list.map((p) => {
      const start = strftime('%H:%M', p.startedAt);
      return `${p.user.slice(0, 8).padEnd(8)} ${String(p.pid).padStart(7)} ${'0.0'.padStart(4)} ${'0.0'.padStart(4)} ${'2576'.padStart(6)} ${'1536'.padStart(5)} ${'?'.padEnd(8)} ${(p.pid === 1 ? 'Ss' : 'S').padEnd(4)} ${start.padStart(5)} ${'0:00'.padStart(6)} ${p.command}`;
    });
    return ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND', ...rows].join('\n') + '\n';
  }
  if (dashed.includes('f')) {
    const rows = list.map(
      (p) => `${p.user.slice(0, 8).padEnd(8)} ${String(p.pid).padStart(7)} ${'0'.padStart(7)} ${'0'.padStart(2)} ${strftime('%H:%M', p.startedAt).padStart(5)} ${'?'.padEnd(8)} ${'00:00:00'.padStart(8)} ${p.command}`,
    );
    return ['UID          PID    PPID  C STIME TTY          TIME CMD', ...rows].join('\n') + '\n';
  }
  const rows = list.map((p) => `${String(p.pid).padStart(7)} ${'?'.padEnd(8)} ${'00:00:00'.padStart(8)} ${comm(p.command)}`);
  return ['    PID TTY          TIME CMD', ...rows].join('\n') + '\n';
}

function* ps(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const list = entries(ctx, argv);
  io.out.write(ctx.gnu ? procps(list, argv) : busybox(list));
  return 0;
}

/** `ps`, by name. */
export const PS_COMMANDS: Readonly<Record<string, Command>> = { ps };
