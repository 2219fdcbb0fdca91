import { cleanup, render } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalPane, type ScrollbackLine } from '../../src/tui/terminal/TerminalPane.js';
import { complete } from '../../src/tui/terminal/completion.js';
import { createCluster } from '../../src/engine/cluster.js';
import { kubectlTree } from '../../src/kubectl/index.js';

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
