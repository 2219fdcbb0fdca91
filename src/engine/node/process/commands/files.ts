/**
 * File utilities over the container filesystem: cat, ls, touch, mkdir, rm, cp, mv. Their
 * failure messages follow busybox or GNU coreutils depending on the image.
 */
import type { Command, CommandContext, Io, Run } from '../io.js';
import { parseFlags, readInputs, resolve, strerror } from './util.js';

function* cat(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { operands } = parseFlags(argv.slice(1));
  const { texts, failed } = readInputs(ctx, 'cat', operands, io);
  for (const t of texts) io.out.write(t);
  return failed ? 1 : 0;
}

function* ls(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1));
  const all = flags.has('a');
  const long = flags.has('l');
  const targets = operands.length > 0 ? operands : ['.'];
  let status = 0;
  const sections: string[] = [];
  const fs = ctx.host.fs;
  const entry = (name: string, path: string): string => {
    if (!long) return name;
    const dir = fs.stat(path) === 'dir';
    const size = dir ? 4096 : (fs.read(path) ?? '').length;
    return `${dir ? 'drwxr-xr-x' : '-rw-r--r--'}    ${dir ? 2 : 1} root     root     ${String(size).padStart(8)} Jul  1 10:00 ${name}`;
  };
  for (const t of targets) {
    const path = resolve(ctx, t);
    const kind = fs.stat(path);
    if (!kind) {
      io.err.write(ctx.gnu ? `ls: cannot access '${t}': No such file or directory\n` : `ls: ${t}: No such file or directory\n`);
      status = ctx.gnu ? 2 : 1;
      continue;
    }
    if (kind === 'file') {
      sections.push(entry(t, path) + '\n');
      continue;
    }
    const names = (fs.list(path) ?? []).filter((n) => all || !n.startsWith('.'));
    const shown = all ? ['.', '..', ...names] : names;
    const body = shown.map((n) => entry(n, `${path}/${n}`)).join('\n');
    const header = targets.length > 1 ? `${t}:\n` : '';
    const total = long ? `total ${names.length * 4}\n` : '';
    sections.push(header + total + (body ? body + '\n' : ''));
  }
  io.out.write(sections.join('\n'));
  return status;
}

function* touch(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { operands } = parseFlags(argv.slice(1));
  let status = 0;
  for (const f of operands) {
    const path = resolve(ctx, f);
    if (ctx.host.fs.exists(path)) continue;
    const r = ctx.host.fs.write(path, '');
    if (!r.ok) {
      io.err.write(ctx.gnu ? `touch: cannot touch '${f}': ${strerror(r.error)}\n` : `touch: ${f}: ${strerror(r.error)}\n`);
      status = 1;
    }
  }
  return status;
}

function* mkdir(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1), ['m']);
  let status = 0;
  for (const d of operands) {
    const r = ctx.host.fs.mkdir(resolve(ctx, d), { parents: flags.has('p') || flags.has('parents') });
    if (!r.ok) {
      io.err.write(`mkdir: ${ctx.gnu ? 'cannot' : "can't"} create directory '${d}': ${strerror(r.error)}\n`);
      status = 1;
    }
  }
  return status;
}

function* rm(ctx: CommandContext, argv: readonly string[], io: Io): Run {
  const { flags, operands } = parseFlags(argv.slice(1));
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  let status = 0;
  for (const f of operands) {
    const path = resolve(ctx, f);
    const kind = ctx.host.fs.stat(path);
    if (!kind) {
      if (!force) {
        io.err.write(`rm: ${ctx.gnu ? 'cannot' : "can't"} remove '${f}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (kind === 'dir' && !recursive) {
      io.err.write(ctx.gnu ? `rm: cannot remove '${f}': Is a directory\n` : `rm: '${f}' is a directory\n`);
      status = 1;
      continue;
    }
    const r = ctx.host.fs.remove(path, { recursive });
    if (!r.ok) {
      io.err.write(`rm: ${ctx.gnu ? 'cannot' : "can't"} remove '${f}': ${strerror(r.error)}\n`);
      status = 1;
    }
  }
  return status;
}

function copy(ctx: CommandContext, tool: 'cp' | 'mv', argv: readonly string[], io: Io): number {
  const { operands } = parseFlags(argv.slice(1));
  const fs = ctx.host.fs;
  if (operands.length < 2) {
    io.err.write(`${tool}: missing destination file operand after '${operands[0] ?? ''}'\n`);
    return 1;
  }
  const dest = operands[operands.length - 1]!;
  const destPath = resolve(ctx, dest);
  const destIsDir = fs.stat(destPath) === 'dir';
  let status = 0;
  for (const src of operands.slice(0, -1)) {
    const srcPath = resolve(ctx, src);
    const content = fs.read(srcPath);
    if (content === undefined) {
      const reason = fs.stat(srcPath) === 'dir' ? "-r not specified; omitting directory" : 'No such file or directory';
      io.err.write(ctx.gnu ? `${tool}: cannot stat '${src}': ${reason}\n` : `${tool}: can't stat '${src}': ${reason}\n`);
      status = 1;
      continue;
    }
    const target = destIsDir ? `${destPath}/${srcPath.split('/').pop()}` : destPath;
    const r = fs.write(target, content);
    if (!r.ok) {
      io.err.write(`${tool}: can't create '${target}': ${strerror(r.error)}\n`);
      status = 1;
      continue;
    }
    if (tool === 'mv') fs.remove(srcPath);
  }
  return status;
}

/** The file utilities, by name. */
export const FILE_COMMANDS: Readonly<Record<string, Command>> = {
  cat,
  ls,
  touch,
  mkdir,
  rm,
  *cp(ctx, argv, io) {
    return copy(ctx, 'cp', argv, io);
  },
  *mv(ctx, argv, io) {
    return copy(ctx, 'mv', argv, io);
  },
};
