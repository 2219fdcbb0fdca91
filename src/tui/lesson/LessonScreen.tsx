/**
 * The lesson screen: the Workbench with the lesson pane above the terminal. Everything a
 * lesson decides — checks, hints, stages, answers, resets, saving — is the session's; this
 * screen only turns the learner's words into session calls and shows what comes back.
 */
import { useInput } from 'ink';
import { useMemo, useState } from 'react';
import { isAbsolute, resolve } from 'node:path';
import type { LessonSession } from '../../lessons/session.js';
import type { OpenEditor } from '../editor.js';
import { HELP_LINES } from '../help.js';
import type { ScrollbackStore } from '../scrollback-store.js';
import type { ShellState, TutorWord } from '../shell.js';
import type { ScrollbackLine } from '../terminal/TerminalPane.js';
import { workspaceAccess } from '../workspace.js';
import { Workbench } from '../Workbench.js';
import { LessonPane } from './LessonPane.js';
import { useEvaluation } from './use-session.js';

export interface LessonScreenProps {
  readonly session: LessonSession;
  readonly columns: number;
  readonly rows: number;
  readonly speed: number;
  readonly onSpeed: (speed: number) => void;
  readonly running: boolean;
  readonly scrollback: ScrollbackStore;
  readonly openEditor: OpenEditor;
  readonly initialShell: ShellState;
  /** The shell state as it changes (so `export KUBE_EDITOR` reaches the editor). */
  readonly onShell?: (state: ShellState) => void;
  readonly onHome: () => void;
  readonly onComplete: () => void;
  readonly onQuit: () => void;
  /** Course progress for the status bar, e.g. `✓ 4/22 stages`. */
  readonly status?: string;
}

const PROMPT = 'controlplane $ ';
const info = (text: string): ScrollbackLine => ({ kind: 'info', text });

export function LessonScreen(props: LessonScreenProps) {
  const { session } = props;
  const lesson = session.lesson;
  const { evaluation } = useEvaluation(session);
  const stage = session.stage;
  const [scroll, setScroll] = useState(0);
  const [choosing, setChoosing] = useState(true);
  const saved = useMemo(() => props.scrollback.load(lesson.id), [props.scrollback, lesson.id]);
  const initial = useMemo(() => {
    const n = session.stageIndex + 1;
    const opening = saved.length ? `Resumed ${lesson.title} at stage ${n}/${lesson.stages.length}.` : `${lesson.title}: stage ${n}/${lesson.stages.length}. Type \`help\` for what you can do here.`;
    return [...saved, info(opening)];
    // Only on mount: the scrollback is the Workbench's from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const history = useMemo(() => saved.filter((l) => l.kind === 'command' && l.text.startsWith(PROMPT)).map((l) => l.text.slice(PROMPT.length)), [saved]);
  const [feedback, setFeedback] = useState<string | undefined>(undefined);
  // A new stage starts scrolled to the top, with its choice list (if any) in hand.
  const [seenStage, setSeenStage] = useState(session.stageIndex);
  if (seenStage !== session.stageIndex) {
    setSeenStage(session.stageIndex);
    setScroll(0);
    setChoosing(true);
    setFeedback(undefined);
  }

  const question = stage?.question;
  const answered = question ? evaluation.checks.filter((c) => c.type === 'answer').every((c) => c.ok) && session.answerText !== undefined : false;
  const hasChoices = !!question?.choices?.length && !answered;

  useInput((input, key) => {
    if (key.pageDown) setScroll((s) => s + 5);
    else if (key.pageUp) setScroll((s) => Math.max(0, s - 5));
    else if (key.escape && hasChoices) setChoosing((c) => !c);
  });

  const onAnswer = (text: string): ScrollbackLine[] => {
    if (!session.stage?.question) return [info('This stage asks no question: do what its text says, then type `next`.')];
    if (text.trim() === '') return [info('usage: answer YOUR ANSWER')];
    const ok = session.answer(text);
    if (!ok) return [{ kind: 'stderr', text: `✗ "${text}" is not the answer. Read the question again, or type \`hint\`.` }];
    const explanation = session.stage?.question?.explanation;
    return [{ kind: 'success', text: `✓ Correct.${explanation ? ` ${explanation}` : ''}` }];
  };

  // The moment a stage's checks pass after a command: say so in the terminal too.
  const passedLine = (): ScrollbackLine[] => {
    if (!session.stage || !session.evaluate().passed) return [];
    const last = session.stageIndex === lesson.stages.length - 1;
    return [{ kind: 'success', text: last ? '✓ All checks pass. Type `next` to finish the lesson.' : '✓ Stage passed! Type `next` to go on.' }];
  };

  const onTutor = (word: TutorWord, args: readonly string[]): readonly ScrollbackLine[] | void => {
    switch (word) {
      case 'help':
        return HELP_LINES;
      case 'hint': {
        if (!session.stage) return [info('The lesson is complete.')];
        if (session.stage.exercise) return [info('This is the graded exercise: no hints here.')];
        const hint = session.revealHint();
        const total = session.stage.hints.length;
        return hint === undefined ? [info(total ? 'No more hints for this stage.' : 'This stage has no hints.')] : [info(`hint ${session.hints.length}/${total}: ${hint}`)];
      }
      case 'next': {
        const before = session.stage;
        const outcome = session.next();
        if (outcome === 'lesson-complete') {
          props.onComplete();
          return;
        }
        if (outcome === 'pending') {
          const missing = session.evaluate().checks.filter((c) => !c.ok);
          return [info('Not yet — still missing:'), ...missing.map((c) => ({ kind: 'stderr' as const, text: `✗ ${c.message}` }))];
        }
        const now = session.stage!;
        return [{ kind: 'success', text: `✓ Stage ${session.stageIndex}/${lesson.stages.length} passed: ${before?.title ?? ''}` }, info(`Stage ${session.stageIndex + 1}/${lesson.stages.length}: ${now.title}`)];
      }
      case 'reset':
        if (args[0] === 'lesson') {
          session.resetLesson();
          return [info(`${lesson.title} starts over: a fresh cluster and stage 1.`)];
        }
        if (args.length > 0 && args[0] !== 'stage') return [info('usage: reset [stage|lesson]')];
        session.resetStage();
        return [info('This stage starts over: the cluster and its files are as they were when it opened.')];
      case 'lessons':
        props.onHome();
        return;
      case 'answer':
        return onAnswer(args.join(' '));
      case 'edit': {
        const file = args[0];
        if (!file) return [info('usage: edit FILE (a file in your workspace, e.g. edit web.yaml)')];
        const r = props.openEditor(isAbsolute(file) ? file : resolve(session.workspace, file));
        return r.ok ? [info(`edited ${file}; apply it with kubectl apply -f ${file}`)] : [{ kind: 'stderr', text: r.message }];
      }
      default:
        return [info(`${word}: not available here`)];
    }
  };

  return (
    <Workbench
      cluster={session.cluster}
      // Lines (heredoc text included) go through the session: it journals them for resume
      // and keeps the stage's history for commandRan checks.
      kubectl={(_argv, stdin, line) => session.runCommand(line, stdin)}
      advance={(ms) => session.advance(ms)}
      namespace={() => session.env.namespace}
      workspace={workspaceAccess(session.workspace)}
      onTutor={onTutor}
      afterLine={() => {
        const wasPassed = evaluation.passed;
        return wasPassed ? [] : passedLine();
      }}
      onQuit={props.onQuit}
      columns={props.columns}
      rows={props.rows}
      speed={props.speed}
      onSpeed={props.onSpeed}
      running={props.running}
      initialScrollback={initial}
      initialHistory={history}
      initialShell={props.initialShell}
      {...(props.onShell ? { onShell: props.onShell } : {})}
      onScrollback={(lines) => props.scrollback.save(lesson.id, lines)}
      promptActive={!(hasChoices && choosing)}
      status={props.status}
      lesson={(box) =>
        stage ? (
          <LessonPane
            lessonTitle={lesson.title}
            stageNumber={session.stageIndex + 1}
            stageCount={lesson.stages.length}
            stageTitle={stage.title}
            text={stage.text}
            {...(question ? { question } : {})}
            answered={answered}
            checks={evaluation.checks}
            hints={session.hints}
            hintCount={stage.hints.length}
            passed={evaluation.passed}
            isLast={session.stageIndex === lesson.stages.length - 1}
            width={box.width}
            height={box.height}
            scroll={scroll}
            choosing={hasChoices && choosing}
            {...(feedback ? { notice: feedback } : {})}
            onChoose={(letter) => setFeedback(onAnswer(letter)[0]?.text)}
          />
        ) : null
      }
    />
  );
}
