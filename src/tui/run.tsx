/**
 * Starts the TUI on the real terminal for `kubetutor`, `kubetutor open` and `kubetutor
 * sandbox`: colours, the progress file, the workspace, SIGTERM/SIGHUP as "save and quit",
 * and KUBETUTOR_EXIT_AFTER_FIRST_FRAME=1 (start-up benchmarks: quit once the first screen
 * is drawn).
 */
import { render } from 'ink';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { inspectProgressFile, progressFolder, progressPath } from '../progress/file.js';
import type { ProgressStore } from '../progress/store.js';
import { App, type DeferredProgress, type QuitSignal } from './App.js';
import type { Course } from './home/course-state.js';
import { loadSessionModule } from './session-module.js';
import { scrollbackStore } from './scrollback-store.js';
import { setColourless } from './theme.js';

/** What the CLI decided. */
export interface RunOptions {
  readonly command: 'home' | 'open' | 'sandbox';
  readonly lesson?: string;
  /** The course (drawn from its index; validated after the first frame). */
  readonly course: Course;
  readonly speed: number;
  readonly seed: number;
  readonly noColor: boolean;
}

/** The learner's workspace: KUBETUTOR_WORKSPACE, else ~/kubetutor (a real folder they can open). */
export function workspaceRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.KUBETUTOR_WORKSPACE || join(homedir(), 'kubetutor');
}

/**
 * Home's progress: the file in `folder` read without conf, with `load` for the store, when the
 * file can be used as it is (or is not there yet). Undefined when the store must see the file
 * first: it moves a damaged or newer file aside with a notice, before anything is drawn.
 */
export function deferredProgress(folder: string, load: () => Promise<ProgressStore>): DeferredProgress | undefined {
  const file = inspectProgressFile(progressPath(folder));
  if (file.state === 'ok') return { saved: file.lessons, load };
  if (file.state === 'missing') return { saved: {}, load };
  return undefined;
}

/** Runs the TUI until the learner quits; resolves with the exit code. */
export async function runTui(opts: RunOptions): Promise<number> {
  setColourless(opts.noColor);
  if (opts.noColor) process.env.FORCE_COLOR = '0';
  const listeners = new Set<() => void>();
  const signals: QuitSignal = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const quit = () => {
    for (const l of listeners) l();
  };
  process.on('SIGTERM', quit);
  process.on('SIGHUP', quit);
  const exitAfterFirstFrame = process.env.KUBETUTOR_EXIT_AFTER_FIRST_FRAME === '1';
  const folder = progressFolder();
  const onNotice = (m: string) => process.stderr.write(`kubetutor: ${m}\n`);
  let progressStore: Promise<ProgressStore> | undefined;
  const loadProgress = () => (progressStore ??= import('../progress/store.js').then(({ ProgressStore }) => new ProgressStore({ cwd: folder, onNotice })));
  const deferred = opts.command === 'home' ? deferredProgress(folder, loadProgress) : undefined;
  const [progress] = await Promise.all([deferred || opts.command === 'sandbox' ? undefined : loadProgress(), opts.command === 'open' ? loadSessionModule() : undefined]);
  // Home is drawn without the strict lesson loader, conf and the engine; they load just after,
  // while the learner reads the list (a lesson opened sooner waits for them).
  const preload = () =>
    setTimeout(() => {
      void opts.course
        .validate()
        .then(() => deferred?.load())
        .finally(() => void loadSessionModule())
        // A failure here is met again, and reported, when a lesson is opened.
        .catch(() => undefined);
    }, 0);
  const onFirstFrame = exitAfterFirstFrame ? () => setImmediate(quit) : opts.command !== 'sandbox' ? preload : undefined;
  // Keys need a terminal; the start-up benchmark runs without one and never types.
  let stdin: NodeJS.ReadStream | undefined;
  if (!process.stdin.isTTY) {
    if (!exitAfterFirstFrame) {
      process.stderr.write('kubetutor: the tutor needs a terminal (stdin is not a TTY); `kubetutor script` runs commands without one\n');
      return 1;
    }
    stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin }) as unknown as NodeJS.ReadStream;
  }
  const root = workspaceRoot();
  mkdirSync(root, { recursive: true });

  let tree;
  if (opts.command === 'sandbox') {
    // Loaded only here: the sandbox builds a cluster at once; home must not pay for it.
    const { SandboxApp } = await import('./SandboxApp.js');
    tree = <SandboxApp seed={opts.seed} speed={opts.speed} workspace={root} signals={signals} {...(onFirstFrame ? { onFirstFrame } : {})} />;
  } else {
    tree = (
      <App
        course={opts.course}
        {...(progress ? { progress } : {})}
        {...(deferred ? { deferredProgress: deferred } : {})}
        workspaceRoot={root}
        scrollback={scrollbackStore(join(folder, 'scrollback'))}
        {...(opts.lesson ? { open: opts.lesson } : {})}
        speed={opts.speed}
        signals={signals}
        env={process.env}
        {...(onFirstFrame ? { onFirstFrame } : {})}
      />
    );
  }
  const instance = render(tree, { exitOnCtrlC: false, ...(stdin ? { stdin } : {}) });
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', quit);
    process.off('SIGHUP', quit);
  }
  return 0;
}
