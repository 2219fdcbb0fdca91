/**
 * Helpers shared by the utilities: messages that differ between busybox and GNU
 * coreutils, path resolution, option splitting, reading inputs.
 */
import { normalizePath } from '../memory-fs.js';
import type { CommandContext, Io, Run } from '../io.js';
import type { FsError } from '../types.js';

/** strerror(3) for the errnos the filesystem reports. */
export function strerror(error: FsError | 'ENOENT'): string {
  switch (error) {
    case 'ENOENT': return 'No such file or directory';
    case 'EEXIST': return 'File exists';
    case 'ENOTDIR': return 'Not a directory';
    case 'EISDIR': return 'Is a directory';
    case 'EROFS': return 'Read-only file system';
    case 'ENOTEMPTY': return 'Directory not empty';
  }
}

/** Resolves a path against the container's working directory (commands run from `/` or WORKDIR). */
export function resolve(ctx: CommandContext, path: string): string {
  if (path.startsWith('/')) return normalizePath(path);
  return normalizePath(`${ctx.env['PWD'] ?? ctx.profile.workingDir ?? '/'}/${path}`);
}

/** Splits `-abc` style flags from operands; `--` ends options. Flags with values are listed in `withValue`. */
export function parseFlags(
  argv: readonly string[],
  withValue: readonly string[] = [],
): { flags: Map<string, string>; operands: string[] } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      if (eq !== -1) flags.set(name, a.slice(eq + 1));
      else if (withValue.includes(name)) flags.set(name, argv[++i] ?? '');
      else flags.set(name, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (withValue.includes(f)) {
          flags.set(f, j + 1 < a.length ? a.slice(j + 1) : (argv[++i] ?? ''));
          break;
        }
        flags.set(f, '');
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, operands };
}

/** Writes a message to stderr and returns the status, for one-line failures. */
export function* failWith(io: Io, message: string, status = 1): Run {
  io.err.write(message.endsWith('\n') ? message : message + '\n');
  return status;
}

/** Reads each input (files or stdin) for text filters; reports missing files in the tool's words. */
export function readInputs(ctx: CommandContext, tool: string, files: readonly string[], io: Io): { texts: string[]; failed: boolean } {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) return { texts: [io.stdin ?? ''], failed: false };
  const texts: string[] = [];
  let failed = false;
  for (const f of files) {
    if (f === '/dev/null') {
      texts.push('');
      continue;
    }
    const path = resolve(ctx, f);
    const content = ctx.host.fs.read(path);
    if (content === undefined) {
      failed = true;
      const isDir = ctx.host.fs.stat(path) === 'dir';
      const reason = isDir ? 'Is a directory' : 'No such file or directory';
      io.err.write(ctx.gnu || isDir ? `${tool}: ${f}: ${reason}\n` : `${tool}: can't open '${f}': ${reason}\n`);
      continue;
    }
    texts.push(content);
  }
  return { texts, failed };
}

/** Splits text into lines without the final empty one. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
