import { describe, expect, it } from 'vitest';
import { INITIAL_SHELL, runShellInput, type ShellContext } from '../../src/tui/shell.js';

function ctx(calls: { argv: readonly string[]; stdin?: string }[] = []): ShellContext {
  return {
    kubectl: (argv, stdin) => {
      calls.push({ argv, stdin });
      return { output: [{ stream: 'stdout', text: `ran ${argv.join(' ')}\n` }], exitCode: 0 };
    },
    list: (p) => (p === '.' ? ['web.yaml'] : undefined),
    read: (p) => (p === 'web.yaml' ? 'kind: Pod\n' : undefined),
  };
}

describe('the prompt shell', () => {
  it('sends kubectl and the k alias to the emulator', () => {
    const calls: { argv: readonly string[] }[] = [];
    const r = runShellInput('k get pods -n kube-system', INITIAL_SHELL, ctx(calls));
    expect(r.kind).toBe('done');
    expect(calls[0]!.argv).toEqual(['get', 'pods', '-n', 'kube-system']);
  });

  it('waits for the end of a heredoc, then passes its body as stdin', () => {
    const calls: { argv: readonly string[]; stdin?: string }[] = [];
    expect(runShellInput('kubectl apply -f - <<EOF\nkind: Pod', INITIAL_SHELL, ctx(calls)).kind).toBe('incomplete');
    const r = runShellInput('kubectl apply -f - <<EOF\nkind: Pod\nEOF', INITIAL_SHELL, ctx(calls));
    expect(r.kind).toBe('done');
    expect(calls[0]).toEqual({ argv: ['apply', '-f', '-'], stdin: 'kind: Pod\n' });
  });

  it('hands tutor words back to the app', () => {
    const r = runShellInput('answer the scheduler', INITIAL_SHELL, ctx());
    expect(r.kind === 'done' && r.effects[0]).toEqual({ kind: 'tutor', word: 'answer', args: ['the', 'scheduler'] });
  });

  it('answers unknown commands as bash does', () => {
    const r = runShellInput('kubeclt get pods', INITIAL_SHELL, ctx());
    expect(r.kind === 'done' && r.effects[0]).toEqual({ kind: 'output', chunks: [{ stream: 'stderr', text: 'bash: kubeclt: command not found\n' }], exitCode: 127 });
  });

  it('keeps aliases and exported variables between lines', () => {
    const calls: { argv: readonly string[] }[] = [];
    const first = runShellInput('alias kg="kubectl get"', INITIAL_SHELL, ctx(calls));
    if (first.kind !== 'done') throw new Error('incomplete');
    const second = runShellInput('export NS=dev', first.state, ctx(calls));
    if (second.kind !== 'done') throw new Error('incomplete');
    runShellInput('kg pods -n $NS', second.state, ctx(calls));
    expect(calls[0]!.argv).toEqual(['get', 'pods', '-n', 'dev']);
  });

  it('lists and shows workspace files', () => {
    const r = runShellInput('cat web.yaml', INITIAL_SHELL, ctx());
    expect(r.kind === 'done' && r.effects[0]).toEqual({ kind: 'output', chunks: [{ stream: 'stdout', text: 'kind: Pod\n' }], exitCode: 0 });
    const missing = runShellInput('cat nope.yaml', INITIAL_SHELL, ctx());
    expect(missing.kind === 'done' && missing.effects[0]).toMatchObject({ chunks: [{ stream: 'stderr', text: 'cat: nope.yaml: No such file or directory\n' }] });
  });
});
