import { describe, expect, it } from 'vitest';
import { exec, startProcess } from '../../../../src/engine/node/process/index.js';
import type { ProcessEntry } from '../../../../src/engine/node/process/types.js';
import { EPOCH, fakeHost, image } from './fake-host.js';

/** A host whose PID namespace holds `entries`, handing out pids from 20. */
function hostWith(ref: string, entries: ProcessEntry[]) {
  let next = 20;
  return Object.assign(fakeHost({ image: image(ref) }), { processes: () => entries, nextPid: () => next++ });
}

const NGINX: ProcessEntry = { pid: 1, user: 'root', command: 'nginx -g daemon off;', startedAt: EPOCH };

describe('ps', () => {
  it.each([
    ['busybox:1.36', ['ps'], ['PID   USER     TIME  COMMAND', '    1 root      0:00 nginx -g daemon off;', '   20 root      0:00 ps']],
    ['busybox:1.36', ['ps', 'aux'], ['PID   USER     TIME  COMMAND', '    1 root      0:00 nginx -g daemon off;', '   20 root      0:00 ps aux']],
    ['ubuntu:22.04', ['ps'], ['    PID TTY          TIME CMD', '      1 ?        00:00:00 nginx', '     20 ?        00:00:00 ps']],
    ['ubuntu:22.04', ['ps', '-ef'], ['UID          PID    PPID  C STIME TTY          TIME CMD', 'root           1       0  0 10:00 ?        00:00:00 nginx -g daemon off;', 'root          20       0  0 10:00 ?        00:00:00 ps -ef']],
    [
      'ubuntu:22.04',
      ['ps', 'aux'],
      ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND', 'root           1  0.0  0.0   2576  1536 ?        Ss   10:00   0:00 nginx -g daemon off;', 'root          20  0.0  0.0   2576  1536 ?        S    10:00   0:00 ps aux'],
    ],
  ])('on %s, %j lists the namespace in its format', (ref, argv, lines) => {
    const r = exec(argv, hostWith(ref, [NGINX]), image(ref));
    expect(r.stdout).toBe(lines.join('\n') + '\n');
  });

  it('lists the exec\'d shell and then itself when a shell runs it', () => {
    const r = exec(['sh', '-c', 'ps'], hostWith('busybox:1.36', [NGINX]), image('busybox:1.36'));
    expect(r.stdout.split('\n').slice(2, 4)).toEqual(['   20 root      0:00 sh -c ps', '   21 root      0:00 ps']);
  });
});

describe('a shell whose stdin stays open', () => {
  it('waits for input instead of exiting, and SIGKILL ends it', () => {
    const img = image('busybox:1.36');
    const r = startProcess({ stdinOpen: true }, fakeHost({ image: img }), img);
    if (!r.ok) throw new Error(r.message);
    expect(r.process.next()).toEqual({ kind: 'wait-forever' });
    expect(r.process.signal('SIGTERM')).toBeUndefined();
    expect(r.process.next()).toEqual({ kind: 'wait-forever' });
    expect(r.process.signal('SIGKILL')).toEqual({ kind: 'exit', code: 137 });
  });

  it('exits at once without stdin, as busybox sh does', () => {
    const img = image('busybox:1.36');
    const r = startProcess({}, fakeHost({ image: img }), img);
    if (!r.ok) throw new Error(r.message);
    expect(r.process.next()).toEqual({ kind: 'exit', code: 0 });
  });
});
