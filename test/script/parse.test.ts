import { describe, expect, it } from 'vitest';
import { formatScriptError, parseScript } from '../../src/script/parse.js';

/** Builds a script from lines, so tabs and trailing spaces stay visible in the test. */
const script = (...lines: string[]) => lines.join('\n') + '\n';

describe('parseScript', () => {
  it('parses the DESIGN.md example into steps with lines, argv, stdin and raw text', () => {
    const text = script(
      '# a comment',
      'kubectl create deployment web --image=nginx:1.25 --replicas=3',
      'sleep 30s                     # advance virtual time',
      'kubectl get pods -o wide',
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: app}',
      'data: {mode: dev}',
      'EOF',
      'kubectl apply -f manifests/web.yaml    # relative to the script\'s folder',
    );
    const r = parseScript(text);
    expect(r).toEqual({
      ok: true,
      env: {},
      steps: [
        { line: 2, argv: ['kubectl', 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3'], raw: 'kubectl create deployment web --image=nginx:1.25 --replicas=3' },
        { line: 3, argv: ['sleep', '30s'], raw: 'sleep 30s' },
        { line: 4, argv: ['kubectl', 'get', 'pods', '-o', 'wide'], raw: 'kubectl get pods -o wide' },
        {
          line: 5,
          argv: ['kubectl', 'apply', '-f', '-'],
          stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {mode: dev}\n',
          raw: 'kubectl apply -f - <<EOF',
        },
        { line: 11, argv: ['kubectl', 'apply', '-f', 'manifests/web.yaml'], raw: 'kubectl apply -f manifests/web.yaml' },
      ],
    });
  });

  describe('heredocs', () => {
    const env = { APP: 'web', REPLICAS: '3' };
    const body = ['name: $APP', 'size: ${REPLICAS}', 'cost: \\$5', 'path: C:\\dir', 'quote: "$APP" \'$APP\''];
    it.each([
      ['<<EOF expands like a shell', '<<EOF', 'EOF', body, 'name: web\nsize: 3\ncost: $5\npath: C:\\dir\nquote: "web" \'web\'\n'],
      ["<<'EOF' passes the text unchanged", "<<'EOF'", 'EOF', body, body.join('\n') + '\n'],
      ['<<"EOF" passes the text unchanged', '<<"EOF"', 'EOF', body, body.join('\n') + '\n'],
      ['any delimiter word', '<<YAML', 'YAML', ['a: $APP', 'EOF'], 'a: web\nEOF\n'],
      ['a space before the word', '<< END', 'END', ['a: 1'], 'a: 1\n'],
      ['<<-EOF strips leading tabs from body and end line', '<<-EOF', '\t\tEOF', ['\tkind: Pod', '\t\t  x: 1'], 'kind: Pod\n  x: 1\n'],
      ['<<EOF keeps leading tabs', '<<EOF', 'EOF', ['\tkind: Pod'], '\tkind: Pod\n'],
      ['an empty body', '<<EOF', 'EOF', [], ''],
      ['\\ newline joins lines in an unquoted body', '<<EOF', 'EOF', ['a: one \\', 'two'], 'a: one two\n'],
    ])('%s', (_name, op, end, lines, stdin) => {
      const r = parseScript(script(`kubectl apply -f - ${op}`, ...lines, end, 'kubectl get cm'), env);
      expect(r.ok && r.steps.map((s) => s.stdin)).toEqual([stdin, undefined]);
    });

    it('reads the body after the whole command line, even with a trailing comment', () => {
      const r = parseScript(script('kubectl apply -f - <<EOF # create it', 'a: 1', 'EOF'));
      expect(r.ok && r.steps[0]).toEqual({ line: 1, argv: ['kubectl', 'apply', '-f', '-'], stdin: 'a: 1\n', raw: 'kubectl apply -f - <<EOF' });
    });

    it('takes the heredoc anywhere in the command', () => {
      const r = parseScript(script('kubectl apply <<EOF -f -', 'a: 1', 'EOF'));
      expect(r.ok && r.steps[0]!.argv).toEqual(['kubectl', 'apply', '-f', '-']);
    });

    it('counts lines after a heredoc', () => {
      const r = parseScript(script('kubectl apply -f - <<EOF', 'a: 1', 'EOF', '', 'kubectl get pods'));
      expect(r.ok && r.steps.map((s) => s.line)).toEqual([1, 5]);
    });
  });

  describe('lines', () => {
    it('joins \\ continuations and reports the first line', () => {
      const r = parseScript(script('# setup', 'kubectl create deployment web \\', '  --image=nginx \\', '  --replicas=2', 'kubectl get deploy'));
      expect(r.ok && r.steps).toEqual([
        { line: 2, argv: ['kubectl', 'create', 'deployment', 'web', '--image=nginx', '--replicas=2'], raw: 'kubectl create deployment web \\\n  --image=nginx \\\n  --replicas=2' },
        { line: 5, argv: ['kubectl', 'get', 'deploy'], raw: 'kubectl get deploy' },
      ]);
    });

    it('keeps newlines inside quotes as part of the argument', () => {
      const r = parseScript(script("kubectl run x --image=busybox -- sh -c 'echo a", "echo b'", 'kubectl get pods'));
      expect(r.ok && r.steps.map((s) => [s.line, s.argv])).toEqual([
        [1, ['kubectl', 'run', 'x', '--image=busybox', '--', 'sh', '-c', 'echo a\necho b']],
        [3, ['kubectl', 'get', 'pods']],
      ]);
    });

    it('splits commands on ; into steps on the same line', () => {
      const r = parseScript(script('kubectl get pods; sleep 5s ;kubectl get svc'));
      expect(r.ok && r.steps.map((s) => [s.line, s.raw])).toEqual([
        [1, 'kubectl get pods'],
        [1, 'sleep 5s'],
        [1, 'kubectl get svc'],
      ]);
    });

    it('accepts CRLF line endings', () => {
      const r = parseScript('kubectl get pods\r\nkubectl apply -f - <<EOF\r\na: 1\r\nEOF\r\n');
      expect(r.ok && r.steps.map((s) => [s.argv, s.stdin])).toEqual([
        [['kubectl', 'get', 'pods'], undefined],
        [['kubectl', 'apply', '-f', '-'], 'a: 1\n'],
      ]);
    });

    it('ignores blank lines, indented comments and a missing final newline', () => {
      const r = parseScript('\n\n   # indented\n\t\nkubectl version');
      expect(r.ok && r.steps).toEqual([{ line: 5, argv: ['kubectl', 'version'], raw: 'kubectl version' }]);
    });
  });

  describe('variables', () => {
    it('applies VAR=value and export to later lines and returns the final env', () => {
      const r = parseScript(
        script('NS=dev', 'kubectl create ns $NS', 'export IMAGE=nginx:${TAG:-1.25}', 'kubectl create deploy web --image=$IMAGE -n "$NS"', 'unset NS', 'kubectl get pods -n "$NS"'),
      );
      expect(r.ok && r.steps.map((s) => s.argv)).toEqual([
        ['kubectl', 'create', 'ns', 'dev'],
        ['kubectl', 'create', 'deploy', 'web', '--image=nginx:1.25', '-n', 'dev'],
        ['kubectl', 'get', 'pods', '-n', ''],
      ]);
      expect(r.ok && r.env).toEqual({ IMAGE: 'nginx:1.25' });
    });

    it('starts from the given env', () => {
      const r = parseScript('kubectl get pods -n $NS\n', { NS: 'kube-system' });
      expect(r.ok && r.steps[0]!.argv).toEqual(['kubectl', 'get', 'pods', '-n', 'kube-system']);
    });

    it('expands a heredoc with the env of its own line', () => {
      const r = parseScript(script('APP=api', 'kubectl apply -f - <<EOF', 'name: $APP', 'EOF', 'APP=web'));
      expect(r.ok && r.steps[0]!.stdin).toBe('name: api\n');
    });
  });

  describe('errors', () => {
    it.each([
      ['an unterminated quote at the line it opens', script('kubectl get pods', "kubectl label pod web 'a=b", 'kubectl get pods'), 2, "unterminated quote: missing closing '"],
      ['a heredoc without its end word', script('kubectl get pods', 'kubectl apply -f - <<EOF', 'a: 1', 'EOF2'), 2, "here-document delimited by end-of-file (wanted 'EOF')"],
      ['a pipe', script('', 'kubectl get pods | grep web'), 2, "pipes ('|') are not supported: put each command on its own line"],
      ['&&', script('kubectl get pods && kubectl get svc'), 1, "'&&' is not supported: put each command on its own line"],
      ['a heredoc without a word', script('kubectl apply -f - <<'), 1, 'syntax error: a heredoc (<<) needs a delimiter word, e.g. <<EOF'],
      ['two heredocs on one command', script('cat <<A <<B', 'A', 'B'), 1, 'only one heredoc per command is supported'],
      ['a stray ;', script('kubectl get pods', '; kubectl get svc'), 2, "syntax error near unexpected token ';'"],
      ['command substitution in a heredoc body', script('kubectl apply -f - <<EOF', 'name: $(hostname)', 'EOF'), 1, 'command substitution ($(...)) is not supported'],
    ])('reports %s', (_name, text, line, message) => {
      expect(parseScript(text)).toEqual({ ok: false, error: { line, message } });
    });

    it('formats an error for a transcript', () => {
      expect(formatScriptError({ line: 4, message: "unterminated quote: missing closing '" })).toBe("line 4: unterminated quote: missing closing '");
    });
  });
});
