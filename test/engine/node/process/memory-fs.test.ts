import { describe, expect, it } from 'vitest';
import { createMemoryFs, createMountedFs } from '../../../../src/engine/node/process/memory-fs.js';

describe('createMemoryFs', () => {
  it('creates parents of seeded files and lists directories sorted', () => {
    const fs = createMemoryFs({ '/usr/share/nginx/html/index.html': 'hi', '/usr/share/nginx/html/50x.html': 'err' });
    expect(fs.stat('/usr/share/nginx')).toBe('dir');
    expect(fs.list('/usr/share/nginx/html')).toEqual(['50x.html', 'index.html']);
  });

  it.each([
    ['write into a missing directory', (fs: ReturnType<typeof createMemoryFs>) => fs.write('/nope/x', ''), 'ENOENT'],
    ['mkdir an existing directory', (fs: ReturnType<typeof createMemoryFs>) => fs.mkdir('/tmp'), 'EEXIST'],
    ['remove a non-empty directory', (fs: ReturnType<typeof createMemoryFs>) => fs.remove('/tmp'), 'ENOTEMPTY'],
    ['write over a directory', (fs: ReturnType<typeof createMemoryFs>) => fs.write('/tmp', 'x'), 'EISDIR'],
  ])('fails to %s', (_name, op, error) => {
    const fs = createMemoryFs({ '/tmp/a': '1' });
    expect(op(fs)).toEqual({ ok: false, error });
  });

  it('appends and removes recursively', () => {
    const fs = createMemoryFs({}, ['/var/log']);
    fs.write('/var/log/app.log', 'a\n');
    fs.write('/var/log/app.log', 'b\n', { append: true });
    expect(fs.read('/var/log/app.log')).toBe('a\nb\n');
    expect(fs.remove('/var', { recursive: true })).toEqual({ ok: true });
    expect(fs.exists('/var/log/app.log')).toBe(false);
  });
});

describe('createMountedFs', () => {
  it('shares one volume between two containers and hides what the image had under the mount', () => {
    const volume = createMemoryFs();
    const a = createMountedFs(createMemoryFs({ '/data/from-image': 'x' }), [{ path: '/data', fs: volume }]);
    const b = createMountedFs(createMemoryFs(), [{ path: '/shared', fs: volume }]);
    expect(a.exists('/data/from-image')).toBe(false);
    a.write('/data/note', 'hello');
    expect(b.read('/shared/note')).toBe('hello');
    expect(b.list('/')).toEqual(['shared']);
  });

  it('refuses writes to a read-only mount', () => {
    const fs = createMountedFs(createMemoryFs(), [{ path: '/etc/config', fs: createMemoryFs({ '/mode': 'dev' }), readOnly: true }]);
    expect(fs.read('/etc/config/mode')).toBe('dev');
    expect(fs.write('/etc/config/mode', 'prod')).toEqual({ ok: false, error: 'EROFS' });
    expect(fs.remove('/etc/config/mode')).toEqual({ ok: false, error: 'EROFS' });
  });

  it('mounts a subPath of a volume', () => {
    const volume = createMemoryFs({ '/site-a/index.html': 'A', '/site-b/index.html': 'B' });
    const fs = createMountedFs(createMemoryFs(), [{ path: '/usr/share/nginx/html', fs: volume, subPath: 'site-b' }]);
    expect(fs.read('/usr/share/nginx/html/index.html')).toBe('B');
  });
});
