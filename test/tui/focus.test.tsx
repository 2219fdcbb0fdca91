import { afterEach, describe, expect, it, vi } from 'vitest';
import { DISABLE_FOCUS_REPORTING, ENABLE_FOCUS_REPORTING, FOCUS_IN, FOCUS_OUT, FocusReporting, filterFocusReports, stripFocusReports } from '../../src/tui/terminal/focus.js';
import { CLEAR_SCREEN, HIDE_CURSOR, SHOW_CURSOR } from '../../src/tui/terminal/suspend.js';
import { freshHome, renderApp } from './app-harness.js';
import { cleanupAll } from './render-at.js';
import { settleInk, waitFor } from './wait-for.js';

afterEach(() => {
  cleanupAll();
  vi.restoreAllMocks();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lesson open with the clock running in real time, four times fast (1 s of cluster time per 250 ms tick). */
async function openRunning() {
  const app = await renderApp(freshHome(), { open: '01-pods', realTime: true, speed: 4 });
  await app.until('stage 1/3');
  const session = app.sessions[0]!;
  const now = () => session.cluster.now();
  const start = now();
  await waitFor(() => now() > start);
  return { ...app, now };
}

// The Pods pane's rows as drawn (AGE and STATUS move with the clock).
const podRows = (frame: string) => frame.split('\n').filter((l) => /web-[a-z0-9]+-[a-z0-9]{5}\s/.test(l)).map((l) => l.replace(/^.*?(web-)/, '$1'));

describe('the clock pauses while the tutor is in the background', () => {
  it('stops on a focus-out report, says so, and runs again on focus-in', async () => {
    const app = await openRunning();
    await app.type('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await app.until(/web-[a-z0-9]+-[a-z0-9]{5}\s/);
    expect(app.frame()).toContain('▶ 4× time');

    app.stdin.write(FOCUS_OUT);
    await app.until('‖ paused: the tutor is in the background');
    expect(app.frame()).not.toContain('▶ 4× time');
    const pausedAt = app.now();
    const pods = podRows(app.frame());
    await sleep(1000); // four ticks' worth
    expect(app.now()).toBe(pausedAt);
    expect(podRows(app.frame())).toEqual(pods);

    app.stdin.write(FOCUS_IN);
    await app.until('▶ 4× time');
    await waitFor(() => app.now() > pausedAt);
    expect(app.frame()).not.toContain('paused');
  });

  it('never shows the focus reports at the prompt, even inside typed text', async () => {
    const app = await openRunning();
    await app.press('kub');
    app.stdin.write(`ec${FOCUS_OUT}tl`);
    await app.until('‖ paused');
    app.stdin.write(FOCUS_IN);
    await app.until('▶ 4× time');
    await app.press(' get deployments');
    expect(app.promptText()).toBe('kubectl get deployments');
    expect(app.frame()).not.toMatch(/\[[IO]/);
    app.stdin.write('\r');
    await app.until('No resources found in default namespace.');
  });
});

describe('Ctrl-Z', () => {
  it('gives the terminal back and stops the process, then takes it again and redraws on SIGCONT', async () => {
    const app = await openRunning();
    const raw = vi.spyOn(app.stdin, 'setRawMode');
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const written: string[] = [];
    const write = app.stdout.write;
    vi.spyOn(app.stdout, 'write').mockImplementation((d: string) => (written.push(d), write(d)));

    await app.press('ab');
    await app.press('\u001A');
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTSTP');
    expect(raw).toHaveBeenLastCalledWith(false);
    expect(written).toContain(SHOW_CURSOR);

    process.emit('SIGCONT');
    await settleInk();
    expect(raw).toHaveBeenLastCalledWith(true);
    expect(written).toContain(HIDE_CURSOR);
    // Ink's redraw: it clears the screen and draws its last frame again (the tests' debug-mode Ink keeps no last frame to draw).
    expect(written).toContain(CLEAR_SCREEN);
    await app.press('c');
    expect(app.promptText()).toBe('abc'); // Ctrl-Z was not typed as `z`; keys work again
  });
});

describe('focus reports', () => {
  it.each([
    ['abc', 'abc', []],
    [FOCUS_OUT, '', ['out']],
    [`a${FOCUS_IN}b${FOCUS_OUT}`, 'ab', ['in', 'out']],
    ['\u001B[A', '\u001B[A', []],
  ])('takes the reports out of %j', (chunk, text, events) => {
    expect(stripFocusReports(chunk)).toEqual({ text, events });
  });

  it('filters a stream read by Ink and puts it back afterwards', () => {
    const chunks = [`x${FOCUS_OUT}`, null];
    const stdin = { read: () => chunks.shift() ?? null };
    const original = stdin.read;
    const seen: string[] = [];
    const undo = filterFocusReports(stdin, (e) => seen.push(e));
    expect(stdin.read()).toBe('x');
    expect(stdin.read()).toBeNull();
    expect(seen).toEqual(['out']);
    undo();
    expect(stdin.read).toBe(original);
  });

  it('switches reporting on and off once each, off while another program has the terminal, and off at exit', () => {
    const out: string[] = [];
    const f = new FocusReporting({ write: (d) => out.push(d) });
    f.enable();
    f.enable();
    f.suspend();
    f.resume();
    expect(process.listeners('exit').length).toBeGreaterThan(0);
    process.listeners('exit').at(-1)!.call(process, 0);
    f.disable();
    f.disable();
    expect(out).toEqual([ENABLE_FOCUS_REPORTING, DISABLE_FOCUS_REPORTING, ENABLE_FOCUS_REPORTING, DISABLE_FOCUS_REPORTING, DISABLE_FOCUS_REPORTING]);
  });
});
