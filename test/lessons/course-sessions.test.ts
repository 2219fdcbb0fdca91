import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputText } from '../../src/kubectl/index.js';
import { listLessonIds, loadCourse, loadLesson } from '../../src/lessons/loader.js';
import { LessonSession, type StageOutcome } from '../../src/lessons/session.js';
import { readSolution } from '../../src/lessons/solutions.js';
import { sleepMs } from '../../src/lessons/steps.js';
import type { Lesson } from '../../src/lessons/types.js';
import { ProgressStore } from '../../src/progress/store.js';
import { parseScript } from '../../src/script/parse.js';

// Every lesson of the course, played through the session API the way the TUI plays a
// learner's input: kubectl lines (heredocs with their stdin) through runCommand, `sleep`
// as the clock ticking a second at a time, `answer TEXT` through answer(), and `next`
// until the stage passes. verifyLessons proves the same solutions on a bare harness;
// this proves the session (journal, history, files, progress) gets the same result.

const COURSE = 'lessons';
const TICK_MS = 1000;
const WALL = () => new Date('2025-01-01T00:00:00Z');

function load(id: string): Lesson {
  const r = loadLesson(COURSE, id);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.lesson;
}

// As the prompt's shell re-quotes argv into the line a lesson session journals.
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** One step of a solution as the learner would type it, with what it should exit. */
interface Typed {
  readonly kind: 'kubectl' | 'sleep' | 'answer';
  readonly line: string;
  readonly args: readonly string[];
  readonly stdin?: string;
  /** Written `! kubectl ...`: the learner is meant to see it fail. */
  readonly failing: boolean;
}

function typedLines(text: string): Typed[] {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(`line ${parsed.error.line}: ${parsed.error.message}`);
  return parsed.steps.map((step) => {
    const failing = step.argv[0] === '!';
    const [cmd, ...args] = failing ? step.argv.slice(1) : step.argv;
    const kind = cmd === 'k' ? 'kubectl' : cmd;
    if (kind !== 'kubectl' && kind !== 'sleep' && kind !== 'answer') throw new Error(`a learner cannot type \`${step.raw}\` at the prompt`);
    return { kind, line: ['kubectl', ...args].map(quote).join(' '), args, failing, ...(step.stdin !== undefined ? { stdin: step.stdin } : {}) };
  });
}

/** Plays one typed step; returns what went wrong, if anything. */
function play(session: LessonSession, step: Typed): string | undefined {
  if (step.kind === 'sleep') {
    const ms = sleepMs(step.args[0]);
    if (ms === undefined) return `bad sleep ${step.args.join(' ')}`;
    // The TUI's clock ticks in equal steps; a learner who waits 30s sees 30 ticks.
    for (let t = 0; t < ms; t += TICK_MS) session.advance(Math.min(TICK_MS, ms - t));
    return undefined;
  }
  if (step.kind === 'answer') return session.answer(step.args.join(' ')) ? undefined : `answer "${step.args.join(' ')}" was not accepted`;
  const r = session.runCommand(step.line, step.stdin);
  if (step.failing === (r.exitCode !== 0)) return undefined;
  return `\`${step.line}\` exited ${r.exitCode}${step.failing ? ', expected it to fail' : `: ${outputText(r.output).trim()}`}`;
}

/** Ticks the clock until next() moves on, within the stage's budget. */
function awaitPass(session: LessonSession, budgetSeconds: number): { outcome: StageOutcome; seconds: number } {
  for (let seconds = 0; ; seconds++) {
    const outcome = session.next();
    if (outcome !== 'pending' || seconds >= budgetSeconds) return { outcome, seconds };
    session.advance(TICK_MS);
  }
}

const timings: string[] = [];
afterAll(() => {
  if (process.env.KUBETUTOR_TIMINGS) console.log(timings.join('\n'));
});

describe('the course', () => {
  it('loads, and every prerequisite names an earlier lesson', () => {
    const course = loadCourse(COURSE);
    expect(course.errors).toEqual([]);
    const order = course.lessons.map((l) => l.id);
    for (const lesson of course.lessons) {
      for (const p of lesson.prerequisites) expect(order.indexOf(p), `${lesson.id} needs ${p}`).toBeLessThan(order.indexOf(lesson.id));
    }
    expect(course.lessons.slice(1).filter((l) => l.prerequisites.length === 0).map((l) => l.id)).toEqual([]);
  });
});

describe.each(listLessonIds(COURSE))('lesson %s played in a session', (id) => {
  it('passes each stage in order after its solution, and completes', () => {
    const started = performance.now();
    const lesson = load(id);
    const home = mkdtempSync(join(tmpdir(), 'kubetutor-course-'));
    const store = new ProgressStore({ cwd: join(home, 'progress') });
    const session = LessonSession.open(lesson, { workspaceRoot: join(home, 'work'), progress: store, wallClock: WALL });
    const problems: string[] = [];
    lesson.stages.forEach((stage, index) => {
      const at = `${id}/${stage.id}`;
      expect(session.stage?.id, at).toBe(stage.id);
      const before = session.evaluate();
      expect(before.passed, `${at} passes before its solution`).toBe(false);
      expect(session.next(), at).toBe('pending');
      const solution = readSolution(lesson, stage);
      expect(solution, `${at} has a solution`).toBeDefined();
      for (const step of typedLines(solution!)) {
        const problem = play(session, step);
        if (problem) problems.push(`${at}: ${problem}`);
      }
      const { outcome, seconds } = awaitPass(session, stage.budget);
      const last = index === lesson.stages.length - 1;
      // Once next() moved on, evaluate() reads the next stage: only a stuck stage has failures to show.
      const failing = outcome === 'pending' ? session.evaluate().checks.filter((c) => !c.ok).map((c) => c.message) : [];
      expect({ at, outcome, failing, problems }).toEqual({ at, outcome: last ? 'lesson-complete' : 'stage-passed', failing: [], problems: [] });
      expect(seconds).toBeLessThanOrEqual(stage.budget);
    });
    expect(session.complete).toBe(true);
    const saved = store.get(id)!;
    expect(saved).toMatchObject({ lessonId: id, complete: true, stage: lesson.stages.length });
    expect(Object.keys(saved.stages).filter((s) => saved.stages[s]!.passed)).toEqual(lesson.stages.map((s) => s.id));
    timings.push(`${id}: ${Math.round(performance.now() - started)} ms`);
  });
});

describe('a session resumed from its progress', () => {
  it('replays heredoc input and refused commands to the same cluster', () => {
    const lesson = load('01-architecture');
    const home = mkdtempSync(join(tmpdir(), 'kubetutor-course-'));
    const store = new ProgressStore({ cwd: home });
    const opts = { workspaceRoot: join(home, 'work'), progress: store, wallClock: WALL };
    const first = LessonSession.open(lesson, opts);
    const exercise = lesson.stages.findIndex((s) => s.id === 'exercise');
    for (const stage of lesson.stages.slice(0, exercise)) {
      for (const step of typedLines(readSolution(lesson, stage)!)) expect(play(first, step)).toBeUndefined();
      expect(awaitPass(first, stage.budget).outcome).toBe('stage-passed');
    }
    // The exercise's pod comes through `kubectl apply -f - <<EOF`: only the journal's stdin can replay it.
    for (const step of typedLines(readSolution(lesson, lesson.stages[exercise]!)!)) expect(play(first, step)).toBeUndefined();
    first.advance(TICK_MS);
    first.flush();
    const pod = (s: LessonSession) => {
      const r = s.cluster.client().get('pods', 'lab', 'probe');
      return r.ok ? { name: r.value.metadata.name, node: r.value.spec?.nodeName, ip: r.value.status?.podIP } : r.error.message;
    };
    expect(pod(first)).toMatchObject({ name: 'probe' });

    const resumed = LessonSession.open(lesson, opts);
    expect(resumed.stage?.id).toBe('exercise');
    expect(pod(resumed)).toEqual(pod(first));
    expect(resumed.cluster.now()).toBe(first.cluster.now());
  });
});
