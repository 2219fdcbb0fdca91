/**
 * Runs an image's own program as the catalog describes it: a server that logs its start-up
 * lines and listens after its start delay, a program that needs an env var or exits with
 * the image's real error, one that exits at once (busybox's `sh` with no input), or pause.
 */
import type { ImageProfile, LogTemplate, ProgramSpec } from '../../images/types.js';
import { sleep, type CommandContext, type Io, type Run } from './io.js';
import { fillTemplate } from './templates.js';

/** Writes catalog log lines: a leading `!` sends a line to stderr. */
export function writeLogLines(ctx: CommandContext, io: Io, lines: readonly LogTemplate[]): void {
  const vars = { now: ctx.host.now(), hostname: ctx.host.hostname, ip: ctx.host.podIP, env: ctx.env };
  for (const line of lines) {
    const toErr = line.startsWith('!');
    const text = fillTemplate(toErr ? line.slice(1) : line, vars) + '\n';
    (toErr ? io.err : io.out).write(text);
  }
}

/** Whether the env satisfies a program's required variables. */
function hasRequiredEnv(spec: Extract<ProgramSpec, { kind: 'server' }>, env: Readonly<Record<string, string>>): boolean {
  const req = spec.requiredEnv;
  if (!req) return true;
  if (req.anyOf.some((name) => (env[name] ?? '') !== '')) return true;
  return Object.entries(req.unless ?? {}).some(([k, v]) => env[k] === v);
}

/** Runs a program spec in `ctx`; returns its exit status (servers run until signalled). */
export function* runProgram(spec: ProgramSpec, profile: ImageProfile, ctx: CommandContext, io: Io): Run {
  switch (spec.kind) {
    case 'exit':
      if (spec.runMs) yield* sleep(spec.runMs);
      writeLogLines(ctx, io, spec.logs);
      return spec.code;
    case 'pause':
      ctx.runtime?.use({ memoryMiB: profile.memoryMiB, cpuMilli: 0 });
      ctx.runtime?.onTerm(spec.handlesTerm ? () => 0 : undefined);
      yield { kind: 'forever' };
      return 0;
    case 'server': {
      if (!hasRequiredEnv(spec, ctx.env)) {
        writeLogLines(ctx, io, spec.requiredEnv!.logs);
        return spec.requiredEnv!.exitCode;
      }
      const startedAt = ctx.host.now();
      // Servers install their signal handlers first thing: SIGTERM during start-up stops them too.
      ctx.runtime?.onTerm(spec.handlesTerm ? () => spec.stopExitCode ?? 0 : undefined);
      yield* sleep(profile.startDelayMs);
      writeLogLines(ctx, io, spec.logs);
      ctx.runtime?.use({ memoryMiB: profile.memoryMiB, cpuMilli: profile.cpuMilli ?? 1 });
      ctx.runtime?.listen(spec.ports, startedAt);
      ctx.runtime?.onTerm(
        spec.handlesTerm
          ? () => {
              writeLogLines(ctx, io, spec.stopLogs ?? []);
              return spec.stopExitCode ?? 0;
            }
          : undefined,
      );
      yield { kind: 'forever' };
      return 0;
    }
  }
}

/** Entrypoint scripts that end with `exec "$@"`, handing over to their arguments. */
export const WRAPPERS: ReadonlySet<string> = new Set(['docker-entrypoint.sh', 'entrypoint.sh', 'docker-php-entrypoint']);
