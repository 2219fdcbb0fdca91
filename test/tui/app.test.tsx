import { afterEach, describe, expect, it } from 'vitest';
import { freshHome, renderApp } from './app-harness.js';
import { cleanupAll } from './render-at.js';

afterEach(() => cleanupAll());

describe('the tutor as a learner uses it', () => {
  it('lists the course by area with progress, the welcome, and the next lesson', async () => {
    const app = await renderApp(freshHome());
    const f = app.frame();
    expect(f).toContain('0/4 stages done');
    expect(f).toContain('Welcome to kubetutor.');
    expect(f).toMatch(/Cluster basics\n.*01-pods\s+First pods\s+░{10}\s+0\/3 stages\s+← next/);
    expect(f).toMatch(/Configuration\n.*02-config\s+Configuration\s+░{10}\s+0\/1 stages/);
  });

  it('opens a lesson at its first stage, with text, checks and the live panes', async () => {
    const app = await renderApp(freshHome());
    await app.press('\r');
    await app.until('stage 1/3');
    const f = app.frame();
    expect(f).toContain('First pods · stage 1/3: Create a Deployment');
    expect(f).toContain('Two web pods');
    expect(f).toContain('• Create one named web from nginx:1.25');
    expect(f).toContain('replicas: 2');
    expect(f).toContain('✗ ');
    expect(f).toContain('╭ Pods · default');
    expect(f).toContain('controlplane $');
  });

  it('shows two Running pods and the checks turning ✓ after creating the Deployment', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    await app.until('stage 1/3');
    await app.type('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await app.until('deployment.apps/web created');
    app.sessions[0]!.advance(30_000);
    await app.until('Stage passed!');
    const pods = app.frame().split('\n').filter((l) => /web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/.test(l));
    expect(pods).toHaveLength(2);
    expect(app.frame()).not.toMatch(/✗ /);
    expect((app.frame().match(/✓ /g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});
