import { afterEach, describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/tui/layout.js';
import { freshHome, renderApp } from './app-harness.js';
import { cleanupAll } from './render-at.js';
import { waitFor } from './wait-for.js';

afterEach(() => cleanupAll());

describe('layouts', () => {
  it.each([
    [160, 'wide', ['pods', 'nodes', 'events'], false],
    [100, 'medium', ['pods'], true],
    [70, 'narrow', ['pods'], true],
  ])('at %i columns the layout is %s', (columns, mode, panes, tabs) => {
    const l = computeLayout(columns, 40, { withLesson: true, selected: 'pods' });
    expect(l.mode).toBe(mode);
    expect(l.panes.map((p) => p.name)).toEqual(panes);
    expect(l.tabs).toBe(tabs);
  });

  it('shows the lesson, terminal and all three panes side by side on a wide terminal', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' }, { columns: 160, rows: 48 });
    await app.until('stage 1/3');
    const top = app.frame().split('\n')[0]!;
    expect(top).toMatch(/^╭ First pods · stage 1\/3: Create a Deployment ─+╮╭ Pods · default ─+╮$/);
    expect(app.frame()).toContain('╭ Nodes');
    expect(app.frame()).toContain('╭ Events');
    expect(app.frame().split('\n').every((l) => [...l].length <= 160)).toBe(true);
  });

  it('shows one pane at a time on a narrow terminal, and Ctrl-O moves to the next', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' }, { columns: 72, rows: 40 });
    await app.until('stage 1/3');
    expect(app.frame()).toContain('[pods]');
    expect(app.frame()).toContain('╭ Pods · default');
    expect(app.frame()).not.toContain('╭ Nodes');
    expect(app.frame().split('\n').every((l) => [...l].length <= 72)).toBe(true);
    await app.press('\u000F');
    await app.until('[nodes]');
    expect(app.frame()).toContain('╭ Nodes');
    expect(app.frame()).not.toContain('╭ Pods');
  });

  it('follows a resize of the terminal live', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods', columns: undefined, rows: undefined }, { columns: 160, rows: 48 });
    await app.until('╭ Nodes');
    app.resize(90, 40);
    await app.until('[pods]');
    expect(app.frame()).not.toContain('╭ Nodes');
    app.resize(150, 40);
    await app.until('╭ Nodes');
  });
});

describe('the prompt in a lesson', () => {
  it('walks history with Up and completes names from the live cluster with Tab', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    await app.until('stage 1/3');
    await app.type('kubectl get nodes');
    await app.until('node01');
    await app.press('\u001B[A');
    await waitFor(() => app.promptText() === 'kubectl get nodes');
    await app.press('\u0003');
    await waitFor(() => app.promptText() === '');
    await app.press('kubectl describe nod');
    await app.press('\t');
    await waitFor(() => app.promptText() === 'kubectl describe node');
    await app.press('s node0');
    await app.press('\t');
    await waitFor(() => app.promptText() === 'kubectl describe nodes node0');
    await app.press('1');
    await app.press('\t');
    await waitFor(() => app.promptText() === 'kubectl describe nodes node01');
    await app.press('\r');
    await app.until('Non-terminated Pods:');
    expect(app.sessions[0]!.commands.map((c) => c.line)).toEqual(['kubectl get nodes', 'kubectl describe nodes node01']);
  });

  it('searches history with Ctrl-R', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    await app.type('kubectl get ns');
    await app.type('kubectl version --client');
    await app.press('\u0012');
    await app.press('get n');
    await app.until("(reverse-i-search)'get n': kubectl get ns");
    await app.press('\r');
    await waitFor(() => app.promptText() === 'kubectl get ns');
  });

  it('runs a heredoc pasted in one piece', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    await app.until('stage 1/3');
    await app.press('kubectl apply -f - <<EOF\rapiVersion: v1\rkind: ConfigMap\rmetadata: {name: pasted}\rEOF\r');
    await app.until('configmap/pasted created');
  });

  it('opens a workspace file in the editor with `edit`', async () => {
    const opened: string[] = [];
    const app = await renderApp(freshHome(), { open: '01-pods', openEditor: (path) => (opened.push(path), { ok: true }) });
    await app.type('edit web.yaml');
    await app.until('edited web.yaml; apply it with kubectl apply -f web.yaml');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/workspace\/01-pods\/web\.yaml$/);
  });
});
