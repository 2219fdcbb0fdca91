import { describe, expect, it } from 'vitest';
import { exec, startProcess } from '../../../../src/engine/node/process/index.js';
import { createRootFs } from '../../../../src/engine/node/process/rootfs.js';
import { fakeHost, image } from './fake-host.js';

const run = (ref: string, argv: string[]) => {
  const img = image(ref);
  const { stdout, stderr, exitCode, timedOut } = exec(argv, fakeHost({ image: img }), img);
  return { stdout, stderr, exitCode, timedOut };
};

describe("an image's server binary asked for its version", () => {
  it.each([
    ['nginx', ['nginx', '-v'], '', 'nginx version: nginx/1.27.0\n'],
    ['nginx:1.25-alpine', ['nginx', '-v'], '', 'nginx version: nginx/1.25.5\n'],
    ['nginx:1.14.2', ['/usr/sbin/nginx', '-v'], '', 'nginx version: nginx/1.14.2\n'],
    ['httpd:2.4', ['httpd', '-v'], 'Server version: Apache/2.4.62 (Unix)\nServer built:   Jul 17 2024 21:34:21\n', ''],
    ['redis:7.2', ['redis-server', '--version'], 'Redis server v=7.2.5 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=bd81cd1340e80580\n', ''],
    ['redis:6.2', ['redis-cli', '-v'], 'redis-cli 6.2.14\n', ''],
    ['postgres:16', ['postgres', '--version'], 'postgres (PostgreSQL) 16.3 (Debian 16.3-1.pgdg120+1)\n', ''],
    ['postgres:15', ['psql', '-V'], 'psql (PostgreSQL) 15.7 (Debian 15.7-1.pgdg120+1)\n', ''],
    ['node:20', ['node', '--version'], 'v20.15.0\n', ''],
    ['node:22', ['node', '-v'], 'v22.4.0\n', ''],
    ['python:3.12', ['python', '--version'], 'Python 3.12.4\n', ''],
    ['python:3.11-slim', ['python3', '-V'], 'Python 3.11.9\n', ''],
  ])('%s: %j', (ref, argv, stdout, stderr) => {
    expect(run(ref, argv)).toEqual({ stdout, stderr, exitCode: 0, timedOut: false });
  });

  it('runs as a container command too: prints and exits 0 instead of serving', () => {
    const img = image('nginx:1.27');
    const host = fakeHost({ image: img });
    const r = startProcess({ command: ['nginx', '-v'] }, host, img);
    if (!r.ok) throw new Error(r.message);
    let step = r.process.next();
    while (step.kind === 'sleep') step = r.process.next();
    expect(step).toMatchObject({ kind: 'exit', code: 0 });
    expect(host.lines).toEqual([{ stream: 'stderr', text: 'nginx version: nginx/1.27.0\n' }]);
  });

  it('still starts the server for other arguments', () => {
    expect(run('nginx', ['nginx', '-g', 'daemon off;']).timedOut).toBe(true);
  });
});

describe('/etc/hostname', () => {
  it("holds the pod's hostname", () => {
    const fs = createRootFs(image('nginx').profile, 'web-7d4b9c8f5-x2k4p');
    expect(fs.read('/etc/hostname')).toBe('web-7d4b9c8f5-x2k4p\n');
  });
});
