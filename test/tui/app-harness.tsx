/** Renders the tutor on the TUI fixture course with throwaway progress and workspace folders. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '../../src/lessons/index.js';
import type { LessonSession } from '../../src/lessons/session.js';
import { ProgressStore } from '../../src/progress/store.js';
import { App, type AppProps } from '../../src/tui/App.js';
import { scrollbackStore } from '../../src/tui/scrollback-store.js';
import { loadSessionModule } from '../../src/tui/session-module.js';
import { renderAt } from './render-at.js';
import { settleInk, waitFor } from './wait-for.js';

export const COURSE = join(import.meta.dirname, 'fixtures', 'course');

/** Folders that outlive one render, so a second render resumes. */
export interface Home {
  readonly dir: string;
  readonly progress: ProgressStore;
}

export function freshHome(): Home {
  const dir = mkdtempSync(join(tmpdir(), 'kt-tui-'));
  return { dir, progress: new ProgressStore({ cwd: dir }) };
}

/** Renders the app; returns the ink-testing-library handle plus typing helpers and the sessions opened. */
export async function renderApp(home: Home, props: Partial<AppProps> = {}, size = { columns: 160, rows: 48 }) {
  const { lessons } = loadCourse(COURSE);
  await loadSessionModule();
  const sessions: LessonSession[] = [];
  const r = renderAt(
    <App
      lessons={lessons}
      progress={home.progress}
      workspaceRoot={join(home.dir, 'workspace')}
      scrollback={scrollbackStore(join(home.dir, 'scrollback'))}
      realTime={false}
      onSession={(s) => sessions.push(s)}
      sessionOptions={{ advanceSaveIntervalMs: 0 }}
      {...props}
    />,
    size,
  );
  await settleInk();
  // Read as a learner reads it: without colour codes (a test may turn colours on).
  // eslint-disable-next-line no-control-regex
  const frame = () => (r.lastFrame() ?? '').replace(/\u001B\[[\d;]*m/g, '');
  /** Types a line at the prompt and presses Enter once it is echoed. */
  const type = async (line: string) => {
    // Enter only once the prompt shows the whole line: TextInput submits the value it last rendered.
    const echo = `$ ${line}`;
    const count = () => frame().split(echo).length;
    const before = count();
    r.stdin.write(line);
    await waitFor(() => count() > before);
    await settleInk();
    r.stdin.write('\r');
    await settleInk();
  };
  const press = async (keys: string) => {
    r.stdin.write(keys);
    await settleInk();
  };
  // Then settles: the frame is drawn before the effects that attach the new input handlers run.
  const until = async (text: string | RegExp) => {
    await waitFor(() => (typeof text === 'string' ? frame().includes(text) : text.test(frame())));
    await settleInk();
  };
  /** What is typed at the prompt now (the last prompt line, without the pane's border). */
  const promptText = () => {
    const line = frame().split('\n').filter((l) => l.includes('controlplane $')).pop() ?? '';
    return line.slice(line.indexOf('controlplane $') + 'controlplane $'.length).split('│')[0]!.trim();
  };
  return { ...r, frame, type, press, until, sessions, promptText };
}
