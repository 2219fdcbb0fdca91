/**
 * The tutor: home (the course and its progress), a lesson (the Workbench with its lesson
 * pane) and a lesson's summary. It holds no lesson logic: sessions come from the lesson
 * engine and save themselves through the progress module; the app decides only which
 * screen is up, keeps opened sessions for the life of the process, and saves everything
 * when it quits (q, quit, Ctrl-D, Ctrl-C twice, or a SIGTERM passed in as `signals`).
 * Home is drawn before the lessons are loaded strictly and before conf is (see
 * home/course-state.ts and `deferredProgress`); a lesson found broken then shows as such.
 */
import { useApp } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LessonSession, SessionOptions } from '../lessons/session.js';
import type { Lesson } from '../lessons/types.js';
import type { ProgressStore } from '../progress/store.js';
import type { LessonProgress } from '../progress/types.js';
import { kubectlEditorHook, processHandover, spawnEditor, type OpenEditor } from './editor.js';
import { courseView } from './home/course-rows.js';
import { Course, describeProblems } from './home/course-state.js';
import { HomeScreen } from './home/HomeScreen.js';
import { LessonSummary } from './lesson/LessonSummary.js';
import { loadSessionModule, sessionModule } from './session-module.js';
import { NO_SCROLLBACK, type ScrollbackStore } from './scrollback-store.js';
import { INITIAL_SHELL, type ShellState } from './shell.js';
import { useTerminalSize } from './use-terminal-size.js';

/** Something that can ask the app to save and quit (SIGTERM). */
export interface QuitSignal {
  subscribe(listener: () => void): () => void;
}

/**
 * Progress for a home screen that must not wait for conf: the saved lessons read straight
 * from the file (src/progress/file.ts) for the first frame, and the store itself, loaded
 * after it (or when a lesson opens or is reset).
 */
export interface DeferredProgress {
  readonly saved: Readonly<Record<string, LessonProgress>>;
  load(): Promise<ProgressStore>;
}

export interface AppProps {
  /** The course, loaded strictly up front (tests); or give `course`. */
  readonly lessons?: readonly Lesson[];
  /** The course drawn from its index and validated later (the CLI). */
  readonly course?: Course;
  /** Where progress is saved; without it (or `deferredProgress`) nothing is. */
  readonly progress?: ProgressStore;
  /** The CLI's home: progress whose store loads after the first frame. */
  readonly deferredProgress?: DeferredProgress;
  /** Folder of the learners' workspaces (one folder per lesson inside). */
  readonly workspaceRoot: string;
  readonly scrollback?: ScrollbackStore;
  /** Open this lesson at once (`kubetutor open LESSON`). */
  readonly open?: string;
  readonly speed?: number;
  /** Fixed size (tests); otherwise the terminal's, live. */
  readonly columns?: number;
  readonly rows?: number;
  /** Whether the clock runs in real time (tests drive time themselves). */
  readonly realTime?: boolean;
  /** How `edit FILE` and `kubectl edit` run the editor (tests pass a fake). */
  readonly openEditor?: OpenEditor;
  readonly signals?: QuitSignal;
  /** Called once the first screen has been drawn (start-up benchmarks). */
  readonly onFirstFrame?: (screen: Screen['kind']) => void;
  /** Called with each session as it opens (tests drive its time). */
  readonly onSession?: (session: LessonSession) => void;
  /** Called after everything was saved, as the app exits. */
  readonly onExit?: () => void;
  /** Extra session options (tests pin the wall clock). */
  readonly sessionOptions?: Partial<SessionOptions>;
  /** The process environment the shell starts from (KUBE_EDITOR, EDITOR). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export type Screen = { readonly kind: 'home'; readonly notice?: string } | { readonly kind: 'lesson'; readonly id: string } | { readonly kind: 'summary'; readonly id: string };

export function App(props: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize({ ...(props.columns ? { columns: props.columns } : {}), ...(props.rows ? { rows: props.rows } : {}) });
  const scrollback = props.scrollback ?? NO_SCROLLBACK;
  const sessions = useRef(new Map<string, LessonSession>());
  const env = props.env ?? {};
  const shell = useRef<ShellState>({ ...INITIAL_SHELL, env: { ...INITIAL_SHELL.env, KUBE_EDITOR: env.KUBE_EDITOR || env.EDITOR || 'vi' } });
  const openEditor = useMemo(() => props.openEditor ?? spawnEditor(() => ({ ...env, ...shell.current.env }), processHandover()), [props.openEditor]);
  const [speed, setSpeed] = useState(props.speed ?? 1);
  const [homeVersion, setHomeVersion] = useState(0);
  const progress = useRef<ProgressStore | undefined>(props.progress);
  const withProgress = useCallback((): Promise<ProgressStore | undefined> => {
    if (progress.current || !props.deferredProgress) return Promise.resolve(progress.current);
    return props.deferredProgress.load().then((store) => (progress.current = store));
  }, [props.deferredProgress]);
  const progressReady = () => progress.current !== undefined || props.deferredProgress === undefined;
  const course = useMemo(() => props.course ?? Course.loaded(props.lessons ?? []), [props.course, props.lessons]);
  // Redraws home once the course has been validated (broken lessons are marked then).
  const [courseVersion, setCourseVersion] = useState(0);
  useEffect(() => course.subscribe(() => setCourseVersion((v) => v + 1)), [course]);

  const sessionFor = useCallback(
    (id: string): LessonSession | undefined => {
      const cached = sessions.current.get(id);
      if (cached) return cached;
      const lesson = course.lesson(id);
      const mod = sessionModule();
      if (!lesson || !mod) return undefined;
      const session = mod.LessonSession.open(lesson, {
        workspaceRoot: props.workspaceRoot,
        ...(progress.current ? { progress: progress.current } : {}),
        editor: kubectlEditorHook(openEditor),
        interactive: true,
        ...props.sessionOptions,
      });
      sessions.current.set(id, session);
      props.onSession?.(session);
      return session;
    },
    [course, props.workspaceRoot, openEditor, props.sessionOptions],
  );

  const screenFor = (id: string): Screen => (sessionFor(id)?.complete ? { kind: 'summary', id } : { kind: 'lesson', id });
  const [screen, setScreen] = useState<Screen>(() => (props.open ? screenFor(props.open) : { kind: 'home' }));

  const quitting = useRef(false);
  const quit = useCallback(() => {
    if (quitting.current) return;
    quitting.current = true;
    for (const s of sessions.current.values()) s.flush();
    props.onExit?.();
    exit();
  }, [exit, props.onExit]);

  useEffect(() => props.signals?.subscribe(quit), [props.signals, quit]);
  useEffect(() => {
    props.onFirstFrame?.(screen.kind);
    // Once: the first screen drawn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const home = (notice?: string) => {
    for (const s of sessions.current.values()) s.flush();
    setHomeVersion((v) => v + 1);
    setScreen(notice ? { kind: 'home', notice } : { kind: 'home' });
  };

  // Before the store has loaded, home shows what the file said as the app started.
  const saved = useMemo(() => progress.current?.all() ?? props.deferredProgress?.saved ?? {}, [props.deferredProgress, homeVersion, screen.kind]);
  const view = useMemo(() => {
    const broken = (id: string) => {
      const problems = course.problemsOf(id);
      return problems ? describeProblems(problems) : undefined;
    };
    return courseView(course.headers(), saved, broken);
  }, [course, courseVersion, saved]);
  const status = `✓ ${view.stagesDone}/${view.stagesTotal} stages`;

  if (screen.kind === 'home') {
    return (
      <HomeScreen
        key={homeVersion}
        view={view}
        columns={size.columns}
        rows={size.rows}
        {...(screen.notice ? { notice: screen.notice } : {})}
        onOpen={(id) => {
          // The engine and the strict lesson are loaded on demand (home starts without them);
          // usually they are here already. A lesson found broken meanwhile stays on home, marked.
          const open = () => {
            if (course.lesson(id)) setScreen(screenFor(id));
            else setCourseVersion((v) => v + 1);
          };
          if (sessionModule() && course.lesson(id) && progressReady()) open();
          else void Promise.all([course.validate(), loadSessionModule(), withProgress()]).then(open);
        }}
        onReset={(id) => {
          void withProgress().then((store) => {
            sessions.current.delete(id);
            store?.remove(id);
            scrollback.remove(id);
            home(`${course.headers().find((l) => l.id === id)?.title ?? id}: progress reset.`);
          });
        }}
        onQuit={quit}
      />
    );
  }
  const session = sessionFor(screen.id);
  if (!session) {
    // Opened straight into a lesson before the session module loaded: draw once it has.
    void loadSessionModule().then(() => setHomeVersion((v) => v + 1));
    return null;
  }
  if (screen.kind === 'summary') {
    return (
      <LessonSummary
        lesson={session.lesson}
        records={session.stageRecords}
        columns={size.columns}
        onHome={() => home()}
        onRestart={() => {
          session.resetLesson();
          scrollback.remove(session.lesson.id);
          setScreen({ kind: 'lesson', id: screen.id });
        }}
        onQuit={quit}
      />
    );
  }
  const { LessonScreen } = sessionModule()!;
  return (
    <LessonScreen
      key={screen.id}
      session={session}
      columns={size.columns}
      rows={size.rows}
      speed={speed}
      onSpeed={setSpeed}
      running={props.realTime ?? true}
      scrollback={scrollback}
      openEditor={openEditor}
      initialShell={shell.current}
      onShell={(s) => (shell.current = s)}
      onHome={() => home()}
      onComplete={() => setScreen({ kind: 'summary', id: screen.id })}
      onQuit={quit}
      status={status}
    />
  );
}
