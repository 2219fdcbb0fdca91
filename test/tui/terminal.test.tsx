import { cleanup, render } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalPane, type ScrollbackLine } from '../../src/tui/terminal/TerminalPane.js';
import { complete } from '../../src/tui/terminal/completion.js';
import { createCluster } from '../../src/engine/cluster.js';
import { kubectlTree } from '../../src/kubectl/index.js';
import { promptReducer, INITIAL_PROMPT, type PromptAction } from '../../src/tui/terminal/use-prompt-state.js';

afterEach(() => cleanup());

const tick = () => new Promise((r) => setTimeout(r, 60));

function Harness({ onLine }: { onLine: (l: string) => void }) {
  const [lines, setLines] = useState<ScrollbackLine[]>([]);
  return (
    <TerminalPane
      lines={lines}
      width={80}
      height={10}
      prompt="controlplane $ "
      onSubmit={(l) => {
        onLine(l);
        setLines((prev) => [...prev, { kind: 'command', text: `controlplane $ ${l}` }, { kind: 'stdout', text: `echo: ${l}` }]);
      }}
    />
  );
}

describe('the terminal pane', () => {
  it('echoes typed characters and submits on Enter', async () => {
    const seen: string[] = [];
    const { stdin, lastFrame } = render(<Harness onLine={(l) => seen.push(l)} />);
    await new Promise((r) => setTimeout(r, 100));
    stdin.write('kubectl get pods');
    await tick();
    expect(lastFrame()).toContain('controlplane $ kubectl get pods');
    stdin.write('\r');
    await tick();
    expect(seen).toEqual(['kubectl get pods']);
    expect(lastFrame()).toContain('echo: kubectl get pods');
  });

  it('walks history with Up and clears the line with Ctrl-C', async () => {
    const seen: string[] = [];
    const { stdin, lastFrame } = render(<Harness onLine={(l) => seen.push(l)} />);
    await tick();
    stdin.write('first');
    await tick();
    stdin.write('\r');
    await tick();
    stdin.write('\u001B[A');
    await tick();
    expect(lastFrame()).toMatch(/controlplane \$ first\s*│?\s*$/m);
    stdin.write('\u0003');
    await tick();
    expect(lastFrame()!.split('\n').filter((l) => l.includes('controlplane $')).pop()).toMatch(/controlplane \$\s+│$/);
  });

  it('enters every line of a multi-line paste', async () => {
    const seen: string[] = [];
    const { stdin } = render(<Harness onLine={(l) => seen.push(l)} />);
    await tick();
    stdin.write('kubectl get ns\rkubectl get nodes\r');
    await tick();
    expect(seen).toEqual(['kubectl get ns', 'kubectl get nodes']);
  });
});

describe('editing the line', () => {
  const promptOf = (frame: string | undefined) => (frame ?? '').split('\n').filter((l) => l.includes('controlplane $')).pop()!.replace(/^.*controlplane \$ /, '').replace(/\s*│?\s*$/, '');

  it('keeps every key when keys come faster than the screen redraws', async () => {
    const seen: string[] = [];
    const { stdin, lastFrame } = render(<Harness onLine={(l) => seen.push(l)} />);
    await tick();
    // One key per write, with no pause for React between them: each must see the one before.
    for (const ch of 'kubectl get pods') stdin.write(ch);
    stdin.write('\r');
    await tick();
    expect(seen).toEqual(['kubectl get pods']);
    expect(lastFrame()).toContain('echo: kubectl get pods');
  });

  it.each([
    ['Ctrl-T', '\u0014'],
    ['Ctrl-F', '\u0006'],
    ['Ctrl-Z', '\u001A'],
    ['Alt-b', '\u001Bb'],
    ['Escape', '\u001B'],
  ])('does not type %s as a letter', async (_, keys) => {
    const { stdin, lastFrame } = render(<Harness onLine={() => {}} />);
    await tick();
    stdin.write('get');
    stdin.write(keys);
    await tick();
    stdin.write('x');
    await tick();
    expect(promptOf(lastFrame())).toBe('getx');
  });

  it('moves the cursor with the arrows and inserts and deletes there', async () => {
    const seen: string[] = [];
    const { stdin } = render(<Harness onLine={(l) => seen.push(l)} />);
    await tick();
    stdin.write('kubectl get pod');
    stdin.write('\u001B[D'); // ←
    stdin.write('\u001B[D');
    stdin.write('\u001B[D');
    stdin.write('s ');
    stdin.write('\u001B[F'); // End
    stdin.write('\u007F'); // Backspace
    stdin.write('ds');
    stdin.write('\r');
    await tick();
    expect(seen).toEqual(['kubectl get s pods']);
  });

  it.each<[string, string, number, PromptAction, string, number]>([
    ['Ctrl-A then typing', 'get pods', 8, { type: 'move', to: 'home' }, 'get pods', 0],
    ['Ctrl-U', 'kubectl get pods', 11, { type: 'kill', what: 'before' }, ' pods', 0],
    ['Ctrl-K', 'kubectl get pods', 11, { type: 'kill', what: 'after' }, 'kubectl get', 11],
    ['Ctrl-W', 'kubectl get pods', 16, { type: 'kill', what: 'word' }, 'kubectl get ', 12],
    ['Ctrl-W after a space', 'kubectl get ', 12, { type: 'kill', what: 'word' }, 'kubectl ', 8],
    ['Backspace at the start', 'pods', 0, { type: 'backspace' }, 'pods', 0],
    ['→ at the end', 'pods', 4, { type: 'move', to: 'right' }, 'pods', 4],
  ])('%s', (_, value, cursor, action, wantValue, wantCursor) => {
    const next = promptReducer({ ...INITIAL_PROMPT, value, cursor }, action);
    expect([next.value, next.cursor]).toEqual([wantValue, wantCursor]);
  });
});

describe('tab completion', () => {
  const cluster = createCluster();
  const root = kubectlTree().root;
  it.each([
    ['kubectl ge', 'kubectl get '],
    ['kubectl get deploy', 'kubectl get deploy'],
    ['kubectl get nod', 'kubectl get node'],
    ['kubectl describe node/node0', 'kubectl describe node/node0'],
    ['kubectl get pods -n kube-system etcd', 'kubectl get pods -n kube-system etcd-controlplane '],
  ])('completes %j to %j', (line, expected) => {
    expect(complete(line, root, cluster.snapshot(), 'default').line).toBe(expected);
  });

  it('offers node names after a type', () => {
    expect(complete('kubectl describe nodes node', root, cluster.snapshot(), 'default').candidates).toEqual(['node01', 'node02']);
  });
});
