import { describe, expect, it } from 'vitest';
import { exec } from '../../../../src/engine/node/process/index.js';
import { fakeHost, image, type FakeNetOptions } from './fake-host.js';

const WELCOME = image('nginx').profile.files!['/usr/share/nginx/html/index.html']!;

const net: FakeNetOptions = {
  names: {
    web: { ips: ['10.96.12.34'], fqdn: 'web.default.svc.cluster.local' },
    'web.default': { ips: ['10.96.12.34'], fqdn: 'web.default.svc.cluster.local' },
    down: { ips: ['10.96.1.2'], fqdn: 'down.default.svc.cluster.local' },
    slow: { ips: ['10.96.7.7'], fqdn: 'slow.default.svc.cluster.local' },
  },
  ptr: { '10.96.0.10': 'kube-dns.kube-system.svc.cluster.local', '10.96.12.34': 'web.default.svc.cluster.local' },
  urls: {
    'http://web': { ok: true, status: 200, body: WELCOME },
    'http://web/': { ok: true, status: 200, body: WELCOME },
    'http://web/missing': { ok: true, status: 404, body: 'not here' },
    'http://down': { ok: false, error: 'refused' },
    'http://down:80': { ok: false, error: 'refused' },
    'http://slow': { ok: false, error: 'timeout' },
  },
};

function run(ref: string, argv: string[]) {
  const img = image(ref);
  return exec(argv, fakeHost({ image: img, net }), img, { budgetMs: 3_600_000 });
}

describe('nslookup', () => {
  it('busybox 1.36 format', () => {
    expect(run('busybox:1.36', ['nslookup', 'web'])).toMatchObject({
      stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n',
      exitCode: 0,
    });
  });

  it('busybox 1.36 NXDOMAIN', () => {
    expect(run('busybox:1.36', ['nslookup', 'foo'])).toMatchObject({
      stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find foo.default.svc.cluster.local: NXDOMAIN\n\n",
      exitCode: 1,
    });
  });

  it('busybox 1.28 format, as the DNS docs show it', () => {
    expect(run('busybox:1.28', ['nslookup', 'web'])).toMatchObject({
      stdout:
        'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      web\nAddress 1: 10.96.12.34 web.default.svc.cluster.local\n',
      exitCode: 0,
    });
    expect(run('busybox:1.28', ['nslookup', 'foo'])).toMatchObject({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'foo'\n",
      exitCode: 1,
    });
  });

  it('BIND format in dnsutils-style images', () => {
    expect(run('registry.k8s.io/e2e-test-images/agnhost:2.39', ['nslookup', 'web'])).toMatchObject({
      stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n',
    });
  });

  it('is not in Debian images', () => {
    expect(run('debian', ['sh', '-c', 'nslookup web'])).toMatchObject({ stderr: 'sh: 1: nslookup: not found\n', exitCode: 127 });
  });
});

describe('wget (busybox)', () => {
  it.each([
    [['wget', '-qO-', 'http://web'], { stdout: WELCOME, stderr: '', exitCode: 0 }],
    [['wget', '-q', '-O', '-', 'web'], { stdout: WELCOME, stderr: '', exitCode: 0 }],
    [['wget', '-O-', 'http://web'], {
      stdout: WELCOME,
      stderr: `Connecting to web (10.96.12.34:80)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n`,
      exitCode: 0,
    }],
    [['wget', '-qO-', 'http://down'], { stderr: "wget: can't connect to remote host (10.96.1.2): Connection refused\n", exitCode: 1 }],
    [['wget', '-qO-', 'http://foo'], { stderr: "wget: bad address 'foo'\n", exitCode: 1 }],
    [['wget', '-qO-', 'http://web/missing'], { stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 }],
    [['wget', '--spider', '-q', 'http://web'], { stdout: '', stderr: '', exitCode: 0 }],
  ])('%j', (argv, expected) => {
    expect(run('busybox:1.36', argv)).toMatchObject(expected);
  });

  it('times out after -T seconds of virtual time', () => {
    expect(run('busybox:1.36', ['wget', '-q', '-T', '5', '-O-', 'http://slow'])).toMatchObject({
      stderr: 'wget: download timed out\n',
      exitCode: 1,
      elapsedMs: 5000,
    });
  });

  it('saves to a file like the init-containers example', () => {
    const img = image('busybox:1.28');
    const host = fakeHost({ image: img, net });
    host.fs.mkdir('/work-dir');
    const r = exec(['wget', '-O', '/work-dir/index.html', 'http://web'], host, img);
    expect(r).toMatchObject({ exitCode: 0, stderr: 'Connecting to web (10.96.12.34:80)\nindex.html           100% |********************************|   615  0:00:00 ETA\n' });
    expect(host.fs.read('/work-dir/index.html')).toBe(WELCOME);
  });
});

describe('curl', () => {
  it.each([
    [['curl', '-s', 'http://web'], { stdout: WELCOME, stderr: '', exitCode: 0 }],
    [['curl', '-s', 'http://foo'], { stdout: '', stderr: '', exitCode: 6 }],
    [['curl', '-sS', 'http://foo'], { stderr: 'curl: (6) Could not resolve host: foo\n', exitCode: 6 }],
    [['curl', '-sS', 'http://down'], { stderr: "curl: (7) Failed to connect to down port 80 after 0 ms: Couldn't connect to server\n", exitCode: 7 }],
    [['curl', '-sS', '-m', '5', 'http://slow'], { stderr: 'curl: (28) Connection timed out after 5001 milliseconds\n', exitCode: 28, elapsedMs: 5000 }],
    [['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://web/missing'], { stdout: '404', exitCode: 0 }],
    [['curl', '-sf', 'http://web/missing'], { stdout: '', exitCode: 22 }],
    [['curl', '-sI', 'http://web'], { stdout: 'HTTP/1.1 200 OK\r\nContent-Length: 615\r\n\r\n', exitCode: 0 }],
  ])('%j', (argv, expected) => {
    expect(run('curlimages/curl', argv)).toMatchObject(expected);
  });

  it('shows the progress meter on stderr when not silent', () => {
    expect(run('curlimages/curl', ['curl', 'http://web']).stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n',
    );
  });

  it('is missing from busybox', () => {
    expect(run('busybox', ['sh', '-c', 'curl http://web'])).toMatchObject({ stderr: 'sh: curl: not found\n', exitCode: 127 });
  });
});

describe('nc -z', () => {
  it.each([
    [['nc', '-z', 'web', '80'], 0, ''],
    [['nc', '-zv', 'web', '80'], 0, 'web (10.96.12.34:80) open\n'],
    [['nc', '-zv', 'down', '80'], 1, 'nc: down (10.96.1.2:80): Connection refused\n'],
  ])('%j', (argv, code, stderr) => {
    const img = image('busybox');
    const host = fakeHost({
      image: img,
      net: { ...net, urls: { 'http://web:80/': { ok: true, status: 200, body: '' } } },
    });
    expect(exec(argv, host, img)).toMatchObject({ exitCode: code, stderr });
  });
});

describe('an init container waiting for a Service', () => {
  it('loops until the name resolves', () => {
    const img = image('busybox:1.28');
    const names: Record<string, { ips: string[]; fqdn: string }> = {};
    const host = fakeHost({ image: img, net: { names } });
    const script = 'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done';
    host.fs.mkdir('/var/run/secrets/kubernetes.io/serviceaccount', { parents: true });
    host.fs.write('/var/run/secrets/kubernetes.io/serviceaccount/namespace', 'default');
    const r = exec(['sh', '-c', script], host, img, { budgetMs: 4000 });
    expect(r.timedOut).toBe(true);
    expect(r.stdout).toContain('waiting for myservice\n');
    names['myservice.default.svc.cluster.local'] = { ips: ['10.96.3.3'], fqdn: 'myservice.default.svc.cluster.local' };
    expect(exec(['sh', '-c', script], host, img)).toMatchObject({ exitCode: 0, timedOut: false });
  });
});
