import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, runScript, runStep } from '../../src/script/run.js';
import { parseScript } from '../../src/script/parse.js';
import { parseSleep } from '../../src/script/builtins.js';

const transcriptOf = (text: string, opts = {}) => {
  const r = runScript(text, opts);
  if (!r.ok) throw new Error(r.error);
  return r.transcript;
};

describe('runScript', () => {
  it('prints each command after `$ ` with its output, stderr in order, no text for exit codes', () => {
    expect(transcriptOf('# comment\nkubectl version --client\nkubectl get foo\necho done\n')).toBe(`$ kubectl version --client
Client Version: v1.30.2
Kustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3
$ kubectl get foo
error: the server doesn't have a resource type "foo"
$ echo done
done
`);
  });

  it('passes a heredoc to kubectl as stdin and keeps the command as written', () => {
    const t = transcriptOf(`kubectl get -f - -o name <<'EOF'
apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
EOF
`);
    expect(t).toBe("$ kubectl get -f - -o name <<'EOF'\nnamespace/kube-system\n");
  });

  it('reads -f paths relative to the script folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'script-'));
    writeFileSync(join(dir, 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n');
    expect(transcriptOf('k get -f ns.yaml -o name\ncat ns.yaml\ncat nope.yaml\n', { cwd: dir })).toBe(
      '$ k get -f ns.yaml -o name\nnamespace/default\n$ cat ns.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n$ cat nope.yaml\ncat: nope.yaml: No such file or directory\n',
    );
  });

  it('moves virtual time with sleep, and only then', () => {
    const session = createSession();
    const start = session.cluster.now();
    const parsed = parseScript('kubectl get pods -A\nsleep 2m 30s\nkubectl get nodes\n');
    const times = (parsed.ok ? parsed.steps : []).map((step) => {
      runStep(step, session);
      return session.cluster.now() - start;
    });
    expect(times).toEqual([0, 150_000, 150_000]);
  });

  it('answers unknown commands as bash does when reading a script', () => {
    expect(transcriptOf('kubectl version --client\nhelm install x\n')).toContain('$ helm install x\nbash: line 2: helm: command not found\n');
  });

  it('expands variables set earlier in the script', () => {
    expect(transcriptOf('NS=kube-system\nkubectl get deploy -n $NS -o name\n')).toBe('$ kubectl get deploy -n $NS -o name\ndeployment.apps/coredns\n');
  });

  it('ends output without a newline so the next command starts a line', () => {
    expect(transcriptOf("kubectl get ns default -o jsonpath='{.metadata.name}'\necho x\n")).toBe(
      "$ kubectl get ns default -o jsonpath='{.metadata.name}'\ndefault\n$ echo x\nx\n",
    );
  });

  it('gives the same bytes for the same script and seed', () => {
    const script = 'kubectl create deployment web --image=nginx:1.25 --replicas=3\nsleep 20s\nkubectl get pods -o wide\nkubectl get events\n';
    const a = transcriptOf(script, { seed: 7 });
    expect(transcriptOf(script, { seed: 7 })).toBe(a);
    expect(a).toContain('$ kubectl get pods -o wide\n');
  });

  it('reports a script it cannot parse with its line', () => {
    expect(runScript("kubectl get pods\nkubectl get 'pods\n")).toEqual({ ok: false, error: expect.stringMatching(/^line 2: /) });
  });
});

describe('builtins', () => {
  it.each([
    ['30', 30_000],
    ['30s', 30_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['.5', 500],
  ])('sleep %s', (arg, ms) => {
    expect(parseSleep(arg)).toBe(ms);
  });

  it.each([
    ['sleep x', "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n"],
    ['sleep', "sleep: missing operand\nTry 'sleep --help' for more information.\n"],
    ['echo -n a b', 'a b'],
  ])('%s', (line, text) => {
    expect(transcriptOf(`${line}\n`)).toBe(`$ ${line}\n${text.endsWith('\n') ? text : `${text}\n`}`);
  });
});
