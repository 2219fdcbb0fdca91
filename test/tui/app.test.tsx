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

describe('stages, hints and questions', () => {
  it('reveals hints one at a time with `hint`', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    await app.until('stage 1/3');
    await app.type('hint');
    await app.until('hint 1/2: Try kubectl create deployment --help.');
    await app.type('hint');
    await app.until('hint 2/2: kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await app.type('hint');
    await app.until('No more hints for this stage.');
  });

  it('refuses `next` while checks fail, then opens the next stage once they pass', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    await app.until('stage 1/3');
    await app.type('next');
    await app.until('Not yet — still missing:');
    expect(app.frame()).toContain('stage 1/3');
    await app.type('k create deployment web --image=nginx:1.25 --replicas=2');
    app.sessions[0]!.advance(30_000);
    await app.until('Stage passed!');
    await app.type('next');
    await app.until('First pods · stage 2/3: Count them');
    expect(app.frame()).toContain('✓ Stage 1/3 passed: Create a Deployment');
    expect(app.frame()).toContain('How many web pods run now?');
  });

  it('answers a multiple-choice question from the select list', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    const session = () => app.sessions[0]!;
    await app.type('k create deployment web --image=nginx:1.25 --replicas=2');
    session().advance(30_000);
    await app.until('Stage passed!');
    await app.type('next');
    await app.until('❯ a) 1');
    await app.press('\u001B[B');
    await app.until('❯ b) 2');
    await app.press('\r');
    await app.until('✓ Correct. The Deployment asked for two replicas.');
    await app.until('Stage passed!');
    // The list is gone once answered; the prompt has the keyboard again.
    await app.type('next');
    await app.until('stage 3/3: Look at them');
  });

  it('takes a wrong answer at the prompt and says so', async () => {
    const home = freshHome();
    const app = await renderApp(home, { open: '01-pods' });
    await app.type('k create deployment web --image=nginx:1.25 --replicas=2');
    app.sessions[0]!.advance(30_000);
    await app.until('Stage passed!');
    await app.type('next');
    await app.until('❯ a) 1');
    await app.press('\u001B'); // Esc: back to the prompt
    await app.until('answer with `answer LETTER`');
    await app.type('answer c');
    await app.until('✗ "c" is not the answer.');
    await app.type('answer b');
    await app.until('✓ Correct.');
  });

  it('finishes the lesson with a summary and goes home with Enter', async () => {
    const app = await renderApp(freshHome(), { open: '01-pods' });
    await app.type('k create deployment web --image=nginx:1.25 --replicas=2');
    app.sessions[0]!.advance(30_000);
    await app.until('Stage passed!');
    await app.type('hint');
    await app.type('next');
    await app.until('stage 2/3');
    await app.press('\u001B');
    await app.type('answer b');
    await app.type('next');
    await app.until('stage 3/3');
    await app.type('kubectl get pods');
    await app.until('All checks pass');
    await app.type('next');
    await app.until('✓ Lesson complete: First pods');
    expect(app.frame()).toMatch(/time \S+ · 1 hint · \d+ commands/);
    expect(app.frame()).toMatch(/✓ 1\. Create a Deployment/);
    await app.press('\r');
    await app.until('3/4 stages done');
    expect(app.frame()).toMatch(/✓ 01-pods\s+First pods\s+█{10}\s+3\/3 stages/);
    expect(app.frame()).toMatch(/02-config.*← next/);
  });
});
