/**
 * The stress tools of the resource docs: polinux/stress's `stress --vm N --vm-bytes S`
 * (holds that much memory, which is what gets a container OOMKilled) and vish/stress's
 * `-cpus N` (burns N cores up to its CPU limit). They report their use through the
 * process runtime so the kubelet can compare it with the limits.
 */
import type { Command, CommandContext, Io, Run } from '../io.js';

/** stress's size suffixes: B, K, M, G (powers of 1024). */
function parseBytes(text: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  return Number(m[1]) * mult[m[2]!.toLowerCase()]!;
}

function* stress(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const args = argv.slice(1);
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const vm = Number(value('--vm') ?? value('-m') ?? 0);
  const cpu = Number(value('--cpu') ?? value('-c') ?? 0);
  const bytes = parseBytes(value('--vm-bytes') ?? '256M') ?? 256 * 1024 ** 2;
  const timeout = value('--timeout') ?? value('-t');
  io.out.write(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`);
  ctx.runtime?.use({ memoryMiB: (vm * bytes) / 1024 ** 2 + 0.5, cpuMilli: cpu * 1000 + (vm > 0 ? 1000 : 0) });
  if (timeout) {
    const secs = Number.parseInt(timeout, 10);
    yield { kind: 'sleep', ms: secs * 1000 };
    io.out.write(`stress: info: [1] successful run completed in ${secs}s\n`);
    ctx.runtime?.use({ memoryMiB: 0.5, cpuMilli: 0 });
    return 0;
  }
  yield { kind: 'forever' };
  return 0;
}

/** vish/stress: `-cpus N` and `-mem-total S` in Go flag syntax, klog lines on stderr. */
function* vishStress(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const args = argv.slice(1);
  const flag = (name: string): string | undefined => {
    const i = args.findIndex((a) => a === `-${name}` || a.startsWith(`-${name}=`));
    if (i === -1) return undefined;
    return args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  };
  const cpus = Number(flag('cpus') ?? 0);
  const mem = flag('mem-total') ?? '0';
  const stamp = (): string => {
    const d = new Date(ctx.host.now());
    const p = (n: number): string => String(n).padStart(2, '0');
    return `I${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.000000       1`;
  };
  io.err.write(`${stamp()} main.go:26] Allocating "${mem}" memory, in "4Ki" chunks, with a 1ms sleep between allocations\n`);
  io.err.write(`${stamp()} main.go:29] Allocated "${mem}" memory\n`);
  if (cpus > 0) io.err.write(`${stamp()} main.go:39] Spawning a thread to consume CPU\n`);
  ctx.runtime?.use({ memoryMiB: 2, cpuMilli: cpus * 1000 });
  yield { kind: 'forever' };
  return 0;
}

/** The stress tools, by name (vish/stress's binary is `/stress`, registered as `vish-stress`). */
export const STRESS_COMMANDS: Readonly<Record<string, Command>> = { stress, 'vish-stress': vishStress };
