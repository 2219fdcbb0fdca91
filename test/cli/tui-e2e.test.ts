/**
 * The built `kubetutor` in a real terminal: tmux runs it, send-keys types, capture-pane
 * reads the screen. Through the first stage of the architecture lesson, then quit and
 * reopen to see it resume. Skipped (with a message) where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux is not installed: skipping the terminal end-to-end test (.ci/run installs it with apt-get)');

const SOCKET = `kt-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
/** The pane's text, or '' once the session has gone (it may end between two tmux calls). */
const screen = () => {
  const r = spawnSync('tmux', ['-L', SOCKET, 'capture-pane', '-p', '-t', 'kt'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : '';
};
const sessionAlive = () => spawnSync('tmux', ['-L', SOCKET, 'has-session', '-t', 'kt']).status === 0;

async function waitScreen(check: (s: string) => boolean, what: string, timeoutMs = 15000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = screen();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; screen was:\n${last}`);
}

async function typeLine(text: string): Promise<void> {
  tmux('send-keys', '-t', 'kt', '-l', text);
  await waitScreen((s) => s.includes(`$ ${text}`), `the prompt to echo "${text}"`);
  tmux('send-keys', '-t', 'kt', 'Enter');
}

describe.skipIf(!hasTmux)('kubetutor in a real terminal (tmux)', () => {
  const home = mkdtempSync(join(tmpdir(), 'kt-e2e-'));
  const env = `HOME=${home} XDG_CONFIG_HOME=${home}/.config KUBETUTOR_HOME=${home}/progress KUBETUTOR_WORKSPACE=${home}/work`;
  // Ink renders nothing until exit when it believes it runs in CI, and CI runs this test:
  // the learner's terminal is never "in CI", so the tutor starts without those variables.
  const start = (args: string) => tmux('new-session', '-d', '-s', 'kt', '-x', '160', '-y', '48', `env -u CI -u CONTINUOUS_INTEGRATION -u GITHUB_ACTIONS TERM=xterm-256color ${env} node ${join(ROOT, 'dist/cli.js')} ${args}`);

  beforeAll(() => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT });
  }, 120_000);
  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  it('goes through the first stage of 01-architecture, quits, and resumes at stage 2', async () => {
    expect(existsSync(join(ROOT, 'lessons/01-architecture/lesson.yaml'))).toBe(true);
    start('open 01-architecture');
    const first = await waitScreen((s) => s.includes('stage 1/'), 'the first stage');
    expect(first).toContain('How a cluster is built · stage 1/');
    expect(first).toContain('✗ you listed the nodes');
    expect(first).toContain('╭ Nodes');

    await typeLine('kubectl get nodes');
    const listed = await waitScreen((s) => s.includes('✓ you listed the nodes'), 'the check to pass');
    expect(listed).toMatch(/controlplane\s+Ready\s+control-plane\s+3d\s+v1\.30/);
    expect(listed).toContain('Stage passed!');

    await typeLine('next');
    await waitScreen((s) => s.includes('stage 2/'), 'stage 2');
    await typeLine('quit');
    await waitScreen(() => !sessionAlive(), 'kubetutor to exit');
    const saved = JSON.parse(readFileSync(join(home, 'progress', 'progress.json'), 'utf8'));
    expect(saved.lessons['01-architecture'].stage).toBe(1);

    start('');
    const homeScreen = await waitScreen((s) => s.includes('stages done'), 'the home screen');
    expect(homeScreen).toMatch(/01-architecture\s+How a cluster is built.*← next/);
    tmux('send-keys', '-t', 'kt', 'Enter');
    const resumed = await waitScreen((s) => s.includes('stage 2/'), 'the resumed lesson');
    expect(resumed).toContain('Resumed How a cluster is built at stage 2/');
    expect(resumed).toContain('controlplane $ kubectl get nodes');
    tmux('send-keys', '-t', 'kt', 'C-d');
    await waitScreen(() => !sessionAlive(), 'kubetutor to exit on Ctrl-D');
  }, 90_000);
});
