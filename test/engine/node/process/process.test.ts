import { describe, expect, it } from 'vitest';
import { exec, startProcess, type Process, type ProcessStep } from '../../../../src/engine/node/process/index.js';
import { createMemoryFs, createMountedFs } from '../../../../src/engine/node/process/memory-fs.js';
import { createRootFs } from '../../../../src/engine/node/process/rootfs.js';
import type { ContainerCommand } from '../../../../src/engine/node/process/types.js';
import { EPOCH, fakeHost, image, type FakeHost } from './fake-host.js';

function start(ref: string, container: ContainerCommand = {}, env: Record<string, string> = {}, host?: FakeHost) {
  const img = image(ref);
  const h = host ?? fakeHost({ env, image: img });
  const r = startProcess(container, h, img);
  if (!r.ok) throw new Error(r.message);
  return { p: r.process, host: h, img };
}

/** Steps a process the way a kubelet does: advance the clock by each sleep and call next() again. */
function runUntil(p: Process, host: FakeHost, untilMs: number): ProcessStep {
  let step = p.next();
  while (step.kind === 'sleep' && host.time + step.ms <= untilMs) {
    host.time += step.ms;
    step = p.next();
  }
  return step;
}

describe('the docs exec-liveness pod on virtual time', () => {
  const command = { args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] };

  it('has /tmp/healthy for 30 s, then not, then exits after 600 s more', () => {
    const { p, host, img } = start('registry.k8s.io/busybox:1.27.2', command);
    const probe = () => exec(['cat', '/tmp/healthy'], host, img).exitCode;
    expect(p.next()).toEqual({ kind: 'sleep', ms: 30_000 });
    expect(probe()).toBe(0);
    host.time += 30_000;
    expect(p.next()).toEqual({ kind: 'sleep', ms: 600_000 });
    expect(exec(['cat', '/tmp/healthy'], host, img)).toMatchObject({
      exitCode: 1,
      stderr: "cat: can't open '/tmp/healthy': No such file or directory\n",
    });
    host.time += 600_000;
    expect(p.next()).toEqual({ kind: 'exit', code: 0 });
    expect(p.next()).toEqual({ kind: 'exit', code: 0 });
  });

  it('ignores SIGTERM as PID 1 and dies of SIGKILL with 137', () => {
    const { p } = start('registry.k8s.io/busybox:1.27.2', command);
    p.next();
    expect(p.signal('SIGTERM')).toBeUndefined();
    expect(p.signal('SIGKILL')).toEqual({ kind: 'exit', code: 137 });
  });
});

describe('shell containers', () => {
  it('logs a loop for virtual hours cheaply', () => {
    const { p, host } = start('busybox:1.28', { command: ['sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] });
    runUntil(p, host, EPOCH + 3 * 3600 * 1000);
    expect(host.lines).toHaveLength(3 * 3600 + 1);
    expect(host.lines[0]).toEqual({ stream: 'stdout', text: '0: Mon Jul  1 10:00:00 UTC 2024\n' });
    expect(host.lines.at(-1)!.text).toBe('10800: Mon Jul  1 13:00:00 UTC 2024\n');
  });

  it('treats a loop that never sleeps as running forever and burning a core', () => {
    const { p, host } = start('busybox', { command: ['sh', '-c', 'echo spinning; while true; do :; done'] });
    expect(p.next()).toEqual({ kind: 'wait-forever' });
    expect(host.logText()).toBe('spinning\n');
    expect(p.usage().cpuMilli).toBe(1000);
  });

  it('runs a TERM trap when the current sleep ends', () => {
    const { p, host } = start('busybox', { command: ['sh', '-c', "trap 'echo got TERM; exit 0' TERM; while true; do sleep 5; done"] });
    expect(p.next()).toEqual({ kind: 'sleep', ms: 5000 });
    expect(p.signal('SIGTERM')).toBeUndefined();
    host.time += 5000;
    expect(p.next()).toEqual({ kind: 'exit', code: 0 });
    expect(host.logText()).toBe('got TERM\n');
  });

  it('exits 0 at once for the busybox default command (sh with no input)', () => {
    const { p } = start('busybox:1.36');
    expect(p.next()).toEqual({ kind: 'exit', code: 0 });
  });

  it('runs printenv from the docs commands example', () => {
    const { p, host } = start('debian', { command: ['printenv'], args: ['HOSTNAME', 'KUBERNETES_PORT'] }, { KUBERNETES_PORT: 'tcp://10.96.0.1:443' });
    expect(p.next()).toEqual({ kind: 'exit', code: 0 });
    expect(host.logText()).toBe('demo\ntcp://10.96.0.1:443\n');
  });

  it('follows a file with tail -F like a logging sidecar', () => {
    const img = image('alpine:latest');
    const shared = createMemoryFs();
    const host = fakeHost({ image: img });
    const fs = createMountedFs(createRootFs(img.profile), [{ path: '/opt', fs: shared }]);
    const writer = startProcess({ command: ['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done'] }, { ...host, fs, log: () => undefined }, img);
    const reader = startProcess({ command: ['sh', '-c', 'tail -F /opt/logs.txt'] }, { ...host, fs }, img);
    if (!writer.ok || !reader.ok) throw new Error('start failed');
    writer.process.next();
    reader.process.next();
    host.time += 1000;
    writer.process.next();
    reader.process.next();
    expect(host.logText()).toBe('logging\nlogging\n');
  });
});

describe('image programs', () => {
  it('nginx prints its entrypoint lines, then listens and serves the welcome page', () => {
    const { p, host } = start('nginx:1.27');
    expect(p.listening()).toEqual([]);
    expect(p.next()).toEqual({ kind: 'sleep', ms: 300 });
    host.time += 300;
    expect(p.next()).toEqual({ kind: 'wait-forever' });
    const log = host.logText().split('\n');
    expect(log[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(log[8]).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(log[10]).toBe('2024/07/01 10:00:00 [notice] 1#1: nginx/1.27.0');
    const answer = p.http({ port: 80, method: 'GET', path: '/', host: 'web', clientIp: '10.244.2.3', userAgent: 'curl/8.8.0' });
    expect(answer).toMatchObject({ status: 200 });
    expect(answer !== 'refused' && answer !== 'not-http' && answer.body).toContain('<h1>Welcome to nginx!</h1>');
    expect(host.lines.at(-1)!.text).toBe('10.244.2.3 - - [01/Jul/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.8.0" "-"\n');
    expect(p.http({ port: 8080, method: 'GET', path: '/', host: 'web', clientIp: '10.244.2.3', userAgent: 'x' })).toBe('refused');
  });

  it('nginx stops gracefully on SIGTERM', () => {
    const { p, host } = start('nginx:1.25');
    runUntil(p, host, EPOCH + 1000);
    expect(p.signal('SIGTERM')).toEqual({ kind: 'exit', code: 0 });
    expect(host.logText()).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down');
    expect(p.listening()).toEqual([]);
  });

  it('nginx serves what an init container wrote into the shared docroot, and 403 when empty', () => {
    const img = image('nginx');
    const workdir = createMemoryFs();
    const host = fakeHost({ image: img });
    const fs = createMountedFs(createRootFs(img.profile), [{ path: '/usr/share/nginx/html', fs: workdir }]);
    const nginx = startProcess({}, { ...host, fs }, img);
    if (!nginx.ok) throw new Error(nginx.message);
    runUntil(nginx.process, host, EPOCH + 1000);
    const get = () => nginx.process.http({ port: 80, method: 'GET', path: '/', host: 'x', clientIp: '10.0.0.1', userAgent: 'x' });
    expect(get()).toMatchObject({ status: 403 });
    workdir.write('/index.html', '<html>CERN</html>\n');
    expect(get()).toMatchObject({ status: 200, body: '<html>CERN</html>\n' });
  });

  it('postgres without POSTGRES_PASSWORD prints its real error and exits 1', () => {
    const { p, host } = start('postgres:16');
    expect(p.next()).toEqual({ kind: 'exit', code: 1 });
    expect(host.lines.every((l) => l.stream === 'stderr')).toBe(true);
    expect(host.logText()).toBe(
      'Error: Database is uninitialized and superuser password is not specified.\n' +
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the\n' +
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n' +
        '\n' +
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n' +
        '       connections without a password. This is *not* recommended.\n' +
        '\n' +
        '       See PostgreSQL documentation about "trust":\n' +
        '       https://www.postgresql.org/docs/current/auth-trust.html\n',
    );
  });

  it('postgres with a password initialises and accepts connections on 5432', () => {
    const { p, host } = start('postgres:16', {}, { POSTGRES_PASSWORD: 'secret' });
    runUntil(p, host, EPOCH + 10_000);
    expect(host.logText()).toContain('LOG:  database system is ready to accept connections\n');
    expect(p.listening().map((x) => x.port)).toEqual([5432]);
    expect(p.http({ port: 5432, method: 'GET', path: '/', host: 'db', clientIp: '10.0.0.1', userAgent: 'x' })).toBe('not-http');
  });

  it('mysql without a root password option prints the entrypoint error and exits 1', () => {
    const { p, host } = start('mysql:8');
    expect(p.next()).toEqual({ kind: 'exit', code: 1 });
    expect(host.logText()).toBe(
      "2024-07-01 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.38 started.\n" +
        "2024-07-01 10:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n" +
        '2024-07-01 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.38 started.\n' +
        '2024-07-01 10:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n' +
        '    You need to specify one of the following as an environment variable:\n' +
        '    - MYSQL_ROOT_PASSWORD\n' +
        '    - MYSQL_ALLOW_EMPTY_PASSWORD\n' +
        '    - MYSQL_RANDOM_ROOT_PASSWORD\n',
    );
  });

  it('redis started with a config file argument still runs redis-server', () => {
    const { p, host } = start('redis:5', { args: ['/usr/local/etc/redis/redis.conf'] });
    runUntil(p, host, EPOCH + 1000);
    expect(p.listening().map((x) => x.port)).toEqual([6379]);
  });

  it('the liveness server answers /healthz 200 for 10 s, then 500', () => {
    const { p, host } = start('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] });
    runUntil(p, host, EPOCH);
    const healthz = () => p.http({ port: 8080, method: 'GET', path: '/healthz', host: 'x', clientIp: '10.0.0.1', userAgent: 'kube-probe/1.30' });
    expect(healthz()).toMatchObject({ status: 200, body: 'ok' });
    host.time = EPOCH + 12_000;
    expect(healthz()).toMatchObject({ status: 500, body: 'error: 12' });
  });

  it('echoserver echoes the request', () => {
    const { p, host } = start('registry.k8s.io/echoserver:1.4');
    runUntil(p, host, EPOCH + 1000);
    const a = p.http({ port: 8080, method: 'GET', path: '/hello', host: '10.96.5.5:8080', clientIp: '10.244.0.1', userAgent: 'curl/8.8.0' });
    expect(a !== 'refused' && a !== 'not-http' && a.body).toBe(
      'CLIENT VALUES:\nclient_address=10.244.0.1\ncommand=GET\nreal path=/hello\nquery=nil\nrequest_version=1.1\n' +
        'request_uri=http://10.96.5.5:8080/hello\n\nSERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\n' +
        'HEADERS RECEIVED:\naccept=*/*\nhost=10.96.5.5:8080\nuser-agent=curl/8.8.0\nBODY:\n-no body in request-',
    );
  });

  it('the pi Job prints 2000 digits of pi and exits 0', () => {
    const { p, host } = start('perl:5.34.0', { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] });
    const step = runUntil(p, host, EPOCH + 60_000);
    expect(step).toEqual({ kind: 'exit', code: 0 });
    const out = host.logText();
    expect(out.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(out).toHaveLength(2001 + 1);
  });

  it('stress holds the memory it was asked for', () => {
    const { p, host } = start('polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] });
    expect(p.next()).toEqual({ kind: 'wait-forever' });
    expect(host.logText()).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n');
    expect(p.usage().memoryMiB).toBeGreaterThanOrEqual(150);
  });

  it('vish/stress burns the CPUs it was asked for', () => {
    const { p } = start('vish/stress', { args: ['-cpus', '2'] });
    expect(p.next()).toEqual({ kind: 'wait-forever' });
    expect(p.usage().cpuMilli).toBe(2000);
  });
});

describe('start errors', () => {
  it.each([
    ['registry.k8s.io/pause:3.9', { command: ['sh', '-c', 'echo hi'] }, 'exec: "sh": executable file not found in $PATH'],
    ['busybox', { command: ['foo'] }, 'exec: "foo": executable file not found in $PATH'],
    ['busybox', { command: ['/app/run'] }, 'exec: "/app/run": stat /app/run: no such file or directory'],
    ['busybox', { command: ['bash', '-c', 'true'] }, 'exec: "bash": executable file not found in $PATH'],
  ])('%s %j', (ref, container, detail) => {
    const img = image(ref);
    expect(startProcess(container, fakeHost({ image: img }), img)).toEqual({
      ok: false,
      reason: 'StartError',
      exitCode: 128,
      message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${detail}: unknown`,
    });
  });
});

describe('exec', () => {
  it('reports a missing shell in a distroless container as kubectl shows it', () => {
    const img = image('registry.k8s.io/kube-apiserver:v1.30.2');
    expect(exec(['sh'], fakeHost({ image: img }), img)).toEqual({
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown\n',
      exitCode: 126,
      elapsedMs: 0,
      timedOut: false,
    });
  });

  it('lets sleeps pass within the budget and stops at it', () => {
    const img = image('busybox');
    const host = fakeHost({ image: img });
    expect(exec(['sh', '-c', 'sleep 2; date'], host, img)).toMatchObject({ stdout: 'Mon Jul  1 10:00:02 UTC 2024\n', elapsedMs: 2000, timedOut: false });
    expect(exec(['sleep', '3600'], host, img, { budgetMs: 5000 })).toMatchObject({ timedOut: true, elapsedMs: 5000 });
  });
});
