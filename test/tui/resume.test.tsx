import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshHome, renderApp } from './app-harness.js';
import { cleanupAll } from './render-at.js';

afterEach(() => cleanupAll());

describe('quitting and coming back', () => {
  it.each([
    ['quit at the prompt', async (app: Awaited<ReturnType<typeof renderApp>>) => app.type('quit')],
    ['Ctrl-D on an empty line', async (app: Awaited<ReturnType<typeof renderApp>>) => app.press('\u0004')],
    ['Ctrl-C twice', async (app: Awaited<ReturnType<typeof renderApp>>) => {
      await app.press('\u0003');
      await app.until('press Ctrl-C again');
      await app.press('\u0003');
    }],
  ])('resumes the stage, its cluster and the scrollback after %s', async (_how, quit) => {
    const home = freshHome();
    let exited = 0;
    const first = await renderApp(home, { open: '01-pods', onExit: () => exited++ });
    await first.type('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    first.sessions[0]!.advance(30_000);
    await first.until('Stage passed!');
    await first.type('next');
    await first.until('stage 2/3');
    await first.press('\u001B');
    await first.until('answer with `answer LETTER`');
    await quit(first);
    await first.waitUntilExit();
    expect(exited).toBe(1);

    const again = await renderApp(home);
    expect(again.frame()).toMatch(/01-pods\s+First pods\s+█{3}░{7}\s+1\/3 stages\s+← next/);
    await again.press('\r');
    await again.until('First pods · stage 2/3: Count them');
    expect(again.frame()).toContain('Resumed First pods at stage 2/3.');
    expect(again.frame()).toContain('controlplane $ kubectl create deployment web --image=nginx:1.25 --replicas=2');
    // The same cluster: two web pods running, replayed from the journal.
    expect(again.frame().split('\n').filter((l) => /web-\S+\s+1\/1\s+Running/.test(l))).toHaveLength(2);
    // The history came back too.
    await again.press('\u001B');
    await again.press('\u001B[A');
    await again.until(/controlplane \$ next/);
  });

  it('saves and quits on a SIGTERM', async () => {
    const home = freshHome();
    const listeners = new Set<() => void>();
    const signals = { subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)) };
    const app = await renderApp(home, { open: '01-pods', signals });
    await app.type('hint');
    for (const l of listeners) l();
    await app.waitUntilExit();
    expect(home.progress.get('01-pods')?.stages.create?.hintsUsed).toBe(1);
  });

  it('resets a lesson from home after a confirmation', async () => {
    const home = freshHome();
    const first = await renderApp(home, { open: '01-pods' });
    await first.type('hint');
    await first.type('quit');
    await first.waitUntilExit();
    const app = await renderApp(home);
    await app.press('r');
    await app.until('Reset "First pods"? Its progress and cluster start over. (y/n)');
    await app.press('n');
    expect(home.progress.get('01-pods')).toBeDefined();
    await app.press('r');
    await app.press('y');
    await app.until('First pods: progress reset.');
    expect(home.progress.get('01-pods')).toBeUndefined();
  });

  it('quits from home with q', async () => {
    const app = await renderApp(freshHome());
    await app.press('q');
    await app.waitUntilExit();
  });

  it('ignores a damaged scrollback file', async () => {
    const home = freshHome();
    const first = await renderApp(home, { open: '02-config' });
    await first.type('hint');
    await first.type('quit');
    await first.waitUntilExit();
    writeFileSync(join(home.dir, 'scrollback', '02-config.json'), '{not json');
    const again = await renderApp(home, { open: '02-config' });
    await again.until('stage 1/1');
  });
});
