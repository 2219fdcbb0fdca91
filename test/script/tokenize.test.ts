import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../../src/script/tokenize.js';

const env = { NAME: 'web', NS: 'dev', TWO: 'a b', EMPTY: '' };

describe('tokenizeLine', () => {
  it.each([
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    ['  kubectl   get\tpods  ', ['kubectl', 'get', 'pods']],
    ["kubectl exec web -- sh -c 'echo $HOME && ls'", ['kubectl', 'exec', 'web', '--', 'sh', '-c', 'echo $HOME && ls']],
    ['kubectl run x --image=busybox -- sh -c "echo hi; sleep 1"', ['kubectl', 'run', 'x', '--image=busybox', '--', 'sh', '-c', 'echo hi; sleep 1']],
    ["kubectl get pods -o jsonpath='{.items[*].metadata.name}'", ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']],
    ['kubectl get pods -o jsonpath={.items[*].metadata.name}', ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']],
    ['kubectl get pods # list them', ['kubectl', 'get', 'pods']],
    ['kubectl label pod web note=a#b', ['kubectl', 'label', 'pod', 'web', 'note=a#b']],
    ["kubectl annotate pod web 'note=# not a comment'", ['kubectl', 'annotate', 'pod', 'web', 'note=# not a comment']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo "a\\"b" \'c\\\'', ['echo', 'a"b', 'c\\']],
    ['echo "keep \\n as is"', ['echo', 'keep \\n as is']],
    ['echo "" \'\'', ['echo', '', '']],
    ['kubectl get deploy $NAME -n $NS', ['kubectl', 'get', 'deploy', 'web', '-n', 'dev']],
    ['kubectl get deploy ${NAME}-v2', ['kubectl', 'get', 'deploy', 'web-v2']],
    ["echo '$NAME' \"$NAME\" \\$NAME", ['echo', '$NAME', 'web', '$NAME']],
    ['echo $TWO "$TWO"', ['echo', 'a', 'b', 'a b']],
    ['echo $EMPTY x "$EMPTY"', ['echo', 'x', '']],
    ['echo $UNSET ${UNSET:-fallback}', ['echo', 'fallback']],
    ['echo $ 5$ a$', ['echo', '$', '5$', 'a$']],
    ['kubectl create cm x --from-literal=user=$NAME', ['kubectl', 'create', 'cm', 'x', '--from-literal=user=web']],
    ['', []],
    ['# only a comment', []],
  ])('%s', (line, argv) => {
    expect(tokenizeLine(line, env)).toEqual({ ok: true, argv, env });
  });

  it('applies assignments and export to the returned env', () => {
    expect(tokenizeLine('NS=prod', env)).toEqual({ ok: true, argv: [], env: { ...env, NS: 'prod' } });
    expect(tokenizeLine('export X=$NS Y', { NS: 'prod' })).toEqual({ ok: true, argv: [], env: { NS: 'prod', X: 'prod', Y: '' } });
    expect(tokenizeLine('A=1 B=$A', {})).toEqual({ ok: true, argv: [], env: { A: '1', B: '1' } });
    expect(tokenizeLine('unset NS', env)).toEqual({ ok: true, argv: [], env: { NAME: 'web', TWO: 'a b', EMPTY: '' } });
  });

  it('drops a one-command prefix assignment, as the shell scopes it to that command', () => {
    expect(tokenizeLine('NS=prod kubectl get pods', env)).toEqual({ ok: true, argv: ['kubectl', 'get', 'pods'], env });
  });

  it.each([
    ["echo 'open", "unterminated quote: missing closing '", true],
    ['echo "open', 'unterminated quote: missing closing "', true],
    ['kubectl get \\', 'unexpected end of input after \\', true],
    ['kubectl get pods | grep web', "pipes ('|') are not supported: put each command on its own line", false],
    ['kubectl get pods && echo ok', "'&&' is not supported: put each command on its own line", false],
    ['kubectl get pods || true', "'||' is not supported: put each command on its own line", false],
    ['kubectl get pods > out.txt', "redirections ('>') are not supported", false],
    ['kubectl apply -f - < x.yaml', "redirections ('<') are not supported; use a heredoc (<<EOF) for stdin", false],
    ['kubectl get pods &', "background jobs ('&') are not supported", false],
    ['kubectl get pod $(cat name)', 'command substitution ($(...)) is not supported', false],
    ['kubectl get pod `cat name`', 'command substitution (`...`) is not supported', false],
    ['echo ${A', 'unterminated ${: missing closing }', true],
    ['echo ${A B}', 'bad substitution: ${A B}', false],
    ['kubectl apply -f - <<EOF', 'heredocs (<<) need a script or a file: use kubectl apply -f FILE', false],
    ['kubectl get pods; kubectl get svc', "';' is not supported at the prompt: run one command at a time", false],
    ['export 1A=x', "export: '1A=x': not a valid identifier", false],
  ])('rejects %s', (line, error, incomplete) => {
    expect(tokenizeLine(line, env)).toEqual({ ok: false, error, incomplete });
  });
});
