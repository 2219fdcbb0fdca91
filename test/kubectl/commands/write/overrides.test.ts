import { describe, expect, it } from 'vitest';
import { session } from './transcript.js';

const run = (flags: string) => session().run(`kubectl run web --image=nginx --dry-run=client -o jsonpath={.spec.containers[0].env} ${flags}`);

describe('kubectl run / expose --overrides and --override-type', () => {
  it.each([
    ['merge (the default) replaces lists', `--env=A=1 --overrides='{"spec":{"containers":[{"name":"web","image":"nginx","env":[{"name":"B","value":"2"}]}]}}'`, '[{"name":"B","value":"2"}]'],
    ['strategic merges lists by key', `--env=A=1 --override-type=strategic --overrides='{"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"2"}]}]}}'`, '[{"name":"A","value":"2"}]'],
    ['json applies RFC 6902 operations', `--env=A=1 --override-type=json --overrides='[{"op":"add","path":"/spec/containers/0/env/-","value":{"name":"C","value":"3"}}]'`, '[{"name":"A","value":"1"},{"name":"C","value":"3"}]'],
  ])('%s', (_name, flags, env) => {
    expect(run(flags)).toMatchObject({ stdout: env, code: 0 });
  });

  it('keeps what a strategic patch does not name (merge would replace the container)', () => {
    const line = (type: string) =>
      session().run(`kubectl run web --image=nginx --dry-run=client -o jsonpath={.spec.containers[0].image} --override-type=${type} --overrides='{"spec":{"containers":[{"name":"web","tty":true}]}}'`).stdout;
    expect(line('strategic')).toBe('nginx');
    expect(line('merge')).toBe('');
  });

  it.each([
    [`--override-type=replace --overrides='{}'`, 'error: invalid override type: replace\n'],
    [`--overrides='{bad'`, 'error: Invalid JSON Patch\n'],
    [`--override-type=strategic --overrides='{bad'`, 'error: invalid JSON document\n'],
  ])('%s fails', (flags, err) => {
    expect(run(flags)).toMatchObject({ text: err, code: 1 });
  });

  it('overrides the Service expose generates', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx --port=80');
    expect(s.run(`kubectl expose deploy web --port=80 --overrides='{"spec":{"type":"NodePort"}}' --dry-run=client -o jsonpath={.spec.type}`)).toMatchObject({ stdout: 'NodePort', code: 0 });
  });
});
