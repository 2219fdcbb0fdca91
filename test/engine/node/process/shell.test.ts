import { describe, expect, it } from 'vitest';
import { exec } from '../../../../src/engine/node/process/index.js';
import { createMemoryFs, createMountedFs } from '../../../../src/engine/node/process/memory-fs.js';
import { fakeHost, image } from './fake-host.js';

const busybox = image('busybox:1.36');

/** Runs `sh -c script` on busybox and returns stdout, stderr and the exit code. */
function sh(script: string, env: Record<string, string> = {}, ref = 'busybox:1.36', shell = 'sh') {
  const img = ref === 'busybox:1.36' ? busybox : image(ref);
  const host = fakeHost({ env, image: img, hostname: 'web-0' });
  const r = exec([shell, '-c', script], host, img);
  return { out: r.stdout, err: r.stderr, code: r.exitCode, host };
}

describe('shell: output and variables', () => {
  it.each([
    ['echo hello world', 'hello world\n'],
    ['echo -n no newline', 'no newline'],
    ['echo -e "a\\tb\\nc"', 'a\tb\nc\n'],
    ['echo "a\\tb"', 'a\\tb\n'],
    ["printf '%s=%d\\n' a 1 b 2", 'a=1\nb=2\n'],
    ["printf '%5s|%-3s|%03d\\n' x y 7", '    x|y  |007\n'],
    ['echo $GREETING', 'hi\n'],
    ['echo ${GREETING}!', 'hi!\n'],
    ['echo ${MISSING:-fallback}', 'fallback\n'],
    ['echo ${GREETING:-fallback}', 'hi\n'],
    ['echo ${MISSING:+set}x', 'x\n'],
    ['X=abc; echo ${#X}', '3\n'],
    ['F=app.tar.gz; echo ${F%.gz} ${F#*.}', 'app.tar tar.gz\n'],
    ['false; echo $?', '1\n'],
    ['echo $$', '7\n'],
    ['echo $HOSTNAME', 'web-0\n'],
    ["echo 'single $GREETING' \"double $GREETING\" \\$GREETING", 'single $GREETING double hi $GREETING\n'],
    ['A="x  y"; echo $A; echo "$A"', 'x y\nx  y\n'],
    ['export NEW=1; env | grep NEW', 'NEW=1\n'],
    ['echo $((3 * (4 + 1))) $((7 / 2)) $((7 % 4))', '15 3 3\n'],
    ['i=1; i=$((i+1)); echo $i', '2\n'],
    ['echo "today is $(date +%F)"', 'today is 2024-07-01\n'],
    ['date', 'Mon Jul  1 10:00:00 UTC 2024\n'],
    ['hostname', 'web-0\n'],
    ['printenv GREETING', 'hi\n'],
  ])('%s', (script, out) => {
    expect(sh(script, { GREETING: 'hi' }).out).toBe(out);
  });
});

describe('shell: control flow', () => {
  it.each([
    ['true && echo yes || echo no', 'yes\n'],
    ['false && echo yes || echo no', 'no\n'],
    ['echo a; echo b', 'a\nb\n'],
    ['if [ 1 -eq 2 ]; then echo one; elif [ 2 -gt 1 ]; then echo two; else echo three; fi', 'two\n'],
    ['if test -z ""; then echo empty; fi', 'empty\n'],
    ['[ "a" != "b" ] && echo differ', 'differ\n'],
    ['n=0; while [ $n -lt 3 ]; do echo $n; n=$((n+1)); done', '0\n1\n2\n'],
    ['n=3; until [ $n -eq 0 ]; do echo $n; n=$((n-1)); done', '3\n2\n1\n'],
    ['for x in a b c; do echo -n $x; done; echo', 'abc\n'],
    ['for i in 1 2 3 4; do [ $i -eq 3 ] && break; echo $i; done', '1\n2\n'],
    ['for i in 1 2 3; do [ $i -eq 2 ] && continue; echo $i; done', '1\n3\n'],
    ['case web-1 in web-*) echo web;; *) echo other;; esac', 'web\n'],
    ['greet() { echo "hello $1"; }; greet bob', 'hello bob\n'],
    ['trap "echo bye" EXIT; echo hi', 'hi\nbye\n'],
    ['(X=inner; echo $X); echo ${X:-outer}', 'inner\nouter\n'],
    ['{ echo a; echo b; } | wc -l', '2\n'],
    ['printf "a\\nb\\nc\\n" | head -n 2', 'a\nb\n'],
    ['printf "a\\nb\\nc\\n" | tail -1', 'c\n'],
    ['printf "apple\\nbanana\\n" | grep an', 'banana\n'],
    ['printf "apple\\nbanana\\n" | grep -v an', 'apple\n'],
    ['echo one two three | wc -w', '3\n'],
    ['seq 3', '1\n2\n3\n'],
    ['printf "a 1\nb 2\n" | while read k v; do echo "$v=$k"; done', '1=a\n2=b\n'],
    ['printf "x\ny\n" > /tmp/in; while read l; do echo "<$l>"; done < /tmp/in', '<x>\n<y>\n'],
    ['cat <<EOF\nhello $GREETING\nEOF', 'hello \n'],
  ])('%s', (script, out) => {
    expect(sh(script).out).toBe(out);
  });

  it('exits with the status of `exit`, after printing what came before', () => {
    expect(sh('echo starting; exit 1')).toMatchObject({ out: 'starting\n', code: 1 });
  });

  it('returns the status of the last command', () => {
    expect(sh('true; false').code).toBe(1);
    expect(sh('grep -q nothing /etc/missing').code).toBe(2);
  });

  it('runs the EXIT trap on exit and keeps the exit code', () => {
    expect(sh('trap "echo cleanup" EXIT; exit 3')).toMatchObject({ out: 'cleanup\n', code: 3 });
  });
});

describe('shell: files', () => {
  it('redirects into files and reads them back', () => {
    const r = sh('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; ls /tmp');
    expect(r.out).toBe('one\ntwo\nf\n');
    expect(r.host.fs.read('/tmp/f')).toBe('one\ntwo\n');
  });

  it('creates, tests and removes files and directories', () => {
    const r = sh('mkdir -p /data/a/b; touch /data/a/b/x; [ -f /data/a/b/x ] && echo file; [ -d /data/a ] && echo dir; rm -rf /data/a; [ -e /data/a ] || echo gone');
    expect(r.out).toBe('file\ndir\ngone\n');
  });

  it('sends 2>&1 and >/dev/null where asked', () => {
    expect(sh('cat /nope 2>&1').out).toBe("cat: can't open '/nope': No such file or directory\n");
    expect(sh('echo hidden >/dev/null; echo shown').out).toBe('shown\n');
  });

  it('expands globs against the filesystem', () => {
    expect(sh('touch /tmp/a.log /tmp/b.log /tmp/c.txt; echo /tmp/*.log').out).toBe('/tmp/a.log /tmp/b.log\n');
  });

  it('fails to write into a read-only mount with the shell message', () => {
    const img = busybox;
    const host = fakeHost({ image: img });
    const fs = createMountedFs(host.fs, [{ path: '/etc/config', fs: createMemoryFs({ '/mode': 'dev' }), readOnly: true }]);
    const r = exec(['sh', '-c', 'cat /etc/config/mode; echo x > /etc/config/mode'], { ...host, fs }, img);
    expect(r).toMatchObject({ stdout: 'dev', stderr: "sh: can't create /etc/config/mode: Read-only file system\n", exitCode: 1 });
  });
});

describe('shell: errors in each flavour', () => {
  it.each([
    ['busybox:1.36', 'sh', 'sh: foo: not found\n'],
    ['debian', 'sh', 'sh: 1: foo: not found\n'],
    ['debian', 'bash', 'bash: line 1: foo: command not found\n'],
  ])('%s %s reports an unknown command', (ref, shell, err) => {
    expect(sh('foo', {}, ref, shell)).toMatchObject({ err, code: 127 });
  });

  it.each([
    ['busybox:1.36', "cat: can't open '/x': No such file or directory\n"],
    ['debian', 'cat: /x: No such file or directory\n'],
  ])('%s cat of a missing file', (ref, err) => {
    expect(sh('cat /x', {}, ref)).toMatchObject({ err, code: 1 });
  });

  it('reports a syntax error', () => {
    expect(sh('if true; then echo x')).toMatchObject({ code: 2 });
  });

  it('dash interprets echo escapes without -e', () => {
    expect(sh('echo "a\\tb"', {}, 'debian').out).toBe('a\tb\n');
  });
});
