/**
 * Redirections: `>`, `>>`, `<`, `2>&1`, `&>`, heredocs, and the special files containers
 * write to (/dev/null, /dev/stdout, /proc/1/fd/1 — the last reaches the container log
 * even from `kubectl exec`). Open failures use each shell's own message.
 */
import type { Node, Redirect } from './ast.js';
import { expandString } from './expand.js';
import { parseScript } from './parser.js';
import { NULL_SINK, type Io, type Run, type Sink, type Yield } from '../io.js';
import type { Shell } from './interpreter.js';

/** Applies redirections around `body`; a file that cannot be opened fails the command with status 1. */
export function* withRedirects(shell: Shell, redirs: readonly Redirect[], io: Io, body: (io: Io) => Run): Run {
  if (redirs.length === 0) return yield* body(io);
  let { stdin, out, err } = io;
  for (const r of redirs) {
    if (r.op === '<<') {
      const doc = r.heredoc!;
      stdin = doc.expand ? yield* expandHeredoc(shell, doc.body) : doc.body;
      continue;
    }
    const target = yield* expandString(shell, r.target);
    if (r.op === '>&' || r.op === '<&') {
      const dup = target === '1' ? out : target === '2' ? err : undefined;
      if (!dup) {
        io.err.write(`${shell.prefix()}${target}: bad file descriptor\n`);
        return (shell.status = 1);
      }
      if (r.fd === 1) out = dup;
      else if (r.fd === 2) err = dup;
      continue;
    }
    if (r.op === '<') {
      const content = target === '/dev/null' ? '' : shell.fs.read(shell.resolvePath(target));
      if (content === undefined) {
        io.err.write(openMessage(shell, target, 'read'));
        return (shell.status = 1);
      }
      stdin = content;
      continue;
    }
    const sink = openSink(shell, target, r.op === '>>', io);
    if (typeof sink === 'string') {
      io.err.write(sink);
      return (shell.status = 1);
    }
    if (r.both) {
      out = sink;
      err = sink;
    } else if (r.fd === 2) err = sink;
    else out = sink;
  }
  return yield* body({ stdin, out, err });
}

function* expandHeredoc(shell: Shell, body: string): Generator<Yield, string, void> {
  const escaped = body.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\\\\\$/g, '\\$');
  const tree = parseScript(`: "${escaped}"`) as Extract<Node, { t: 'list' }>;
  const simple = tree.items[0] as Extract<Node, { t: 'simple' }>;
  return yield* expandString(shell, simple.words[1]!);
}

function openSink(shell: Shell, target: string, append: boolean, io: Io): Sink | string {
  switch (target) {
    case '/dev/null': return NULL_SINK;
    case '/dev/stdout': case '/proc/1/fd/1': case '/proc/self/fd/1': return target.startsWith('/proc/1') ? shell.options.stdout : io.out;
    case '/dev/stderr': case '/proc/1/fd/2': case '/proc/self/fd/2': return target.startsWith('/proc/1') ? shell.options.stderr : io.err;
  }
  const path = shell.resolvePath(target);
  const opened = append ? shell.fs.write(path, '', { append: true }) : shell.fs.write(path, '');
  if (!opened.ok) return openMessage(shell, target, 'write', opened.error);
  const fs = shell.fs;
  return { write: (text) => void fs.write(path, text, { append: true }) };
}

function openMessage(shell: Shell, target: string, mode: 'read' | 'write', error: string = 'ENOENT'): string {
  const { flavor } = shell.options;
  const reason =
    error === 'EROFS' ? 'Read-only file system' : error === 'EISDIR' ? 'Is a directory' : error === 'ENOTDIR' ? 'Not a directory' : undefined;
  if (flavor === 'bash') return `${shell.prefix()}${target}: ${reason ?? 'No such file or directory'}\n`;
  if (flavor === 'dash') {
    return mode === 'read'
      ? `${shell.prefix()}cannot open ${target}: No such file\n`
      : `${shell.prefix()}cannot create ${target}: ${reason ?? 'Directory nonexistent'}\n`;
  }
  return mode === 'read'
    ? `${shell.prefix()}can't open '${target}': No such file or directory\n`
    : `${shell.prefix()}can't create ${target}: ${reason ?? 'nonexistent directory'}\n`;
}
