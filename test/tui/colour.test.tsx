import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseTutorArgs } from '../../src/cli/tutor.js';
import { setColourless } from '../../src/tui/theme.js';
import { freshHome, renderApp } from './app-harness.js';
import { cleanupAll } from './render-at.js';

// The tests' stdout is no terminal, so chalk would draw no colour at all and "no colour"
// would prove nothing: force full colour, as a real terminal would have.
const level = chalk.level;
beforeAll(() => {
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});
afterEach(() => {
  cleanupAll();
  setColourless(false);
});

/** The SGR parameters of every escape in the text that sets a colour (fore- or background). */
function colourCodes(text: string): string[] {
  const found: string[] = [];
  // eslint-disable-next-line no-control-regex
  for (const m of text.matchAll(/\u001B\[([\d;]*)m/g)) {
    const params = m[1]!.split(';').map(Number);
    if (params.some((p) => (p >= 30 && p <= 49) || (p >= 90 && p <= 107))) found.push(m[0]);
  }
  return found;
}

/** Home, then the lesson: ✗ lines from an early `next`, the Deployment's pods Running, a pod that cannot pull its image (Warning events), checks ✓. */
async function walkThroughALesson(noColor: boolean) {
  setColourless(noColor);
  const app = await renderApp(freshHome());
  await app.until('← next');
  await app.press('\r');
  await app.until('stage 1/3');
  await app.type('next');
  await app.until('Not yet — still missing:');
  await app.type('kubectl create deployment web --image=nginx:1.25 --replicas=2');
  await app.until('deployment.apps/web created');
  await app.type('kubectl run broken --image=nginx:no-such-tag');
  await app.until('pod/broken created');
  app.sessions[0]!.advance(30_000);
  await app.until('Stage passed!');
  return { frames: app.stdout.frames.join('\n'), last: app.frame() };
}

describe('colours', () => {
  it('are drawn when nothing turns them off (so the tests below can fail)', async () => {
    const { frames } = await walkThroughALesson(false);
    expect(colourCodes(frames).length).toBeGreaterThan(0);
  });

  it.each([
    ['NO_COLOR=1', [] as string[], { NO_COLOR: '1' }],
    ['--no-color', ['--no-color'], {}],
  ])('are off with %s, and every state still reads as words and ✓/✗', async (_, flags, env) => {
    const opts = parseTutorArgs('home', flags, env);
    if (typeof opts === 'string') throw new Error(opts);
    const { frames, last } = await walkThroughALesson(opts.noColor);
    expect(colourCodes(frames)).toEqual([]);
    expect(frames).toContain('✗ ');
    expect(last).toMatch(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
    expect(last).toMatch(/controlplane\s+Ready/);
    expect(last).toContain('✓ ');
    expect(last).toContain('Stage passed!');
    expect(last).toMatch(/broken\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    expect(last).toMatch(/Warning\s+(Failed|BackOff)/);
    expect(last).toContain('Normal');
  });
});
