import { cleanup, render } from 'ink-testing-library';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster.js';
import { SandboxApp } from '../../src/tui/SandboxApp.js';
import { settleInk, waitFor } from './wait-for.js';

afterEach(() => cleanup());
const tick = (ms = 80) => new Promise((r) => setTimeout(r, ms));

describe('the sandbox', () => {
  it('runs kubectl at the prompt and shows the new pods in the Pods pane', async () => {
    const cluster = createCluster(undefined, { seed: 3 });
    const { stdin, lastFrame } = render(<SandboxApp cluster={cluster} workspace={mkdtempSync(join(tmpdir(), 'kt-'))} columns={150} rows={40} realTime={false} />);
    await settleInk();
    stdin.write('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await waitFor(() => lastFrame()!.includes('--replicas=2'));
    await settleInk();
    stdin.write('\r');
    await waitFor(() => lastFrame()!.includes('deployment.apps/web created'));
    cluster.advance(30_000);
    await waitFor(() => (lastFrame()!.match(/Running/g) ?? []).length >= 2);
    const podLines = lastFrame()!.split('\n').filter((l) => /web-[a-z0-9]+-\S+\s+[01]\/1\s/.test(l));
    expect(podLines).toHaveLength(2);
    expect(podLines.every((l) => /1\/1\s+Running/.test(l))).toBe(true);
  });

  it('lays the panes out as a tab strip on a medium terminal', async () => {
    const { lastFrame } = render(<SandboxApp cluster={createCluster()} workspace={tmpdir()} columns={100} rows={30} realTime={false} />);
    await tick(150);
    expect(lastFrame()).toContain('[pods]');
    expect(lastFrame()).not.toContain('╭ Nodes');
  });

  it('shows all three panes side by side on a wide terminal', async () => {
    const { lastFrame } = render(<SandboxApp cluster={createCluster()} workspace={tmpdir()} columns={160} rows={40} realTime={false} />);
    await tick(150);
    expect(lastFrame()).toContain('╭ Nodes');
    expect(lastFrame()).toContain('╭ Events');
    expect(lastFrame()).toContain('╭ Pods · default');
  });
});
