/**
 * Where solutions live (`solutions/<lesson>/<stage>.sh`, beside the `lessons/` folder) and
 * a stage harness the verifier and grader share: a booted lesson whose stages open with
 * their files in a scratch workspace, whose scripts run with `answer` wired to the stage,
 * and whose checks can be awaited in virtual time.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clusterNetwork } from '../engine/index.js';
import { compileCheck, type CheckContext, type CommandRecord, type NetworkProbe } from './checks/index.js';
import { networkProbe } from './checks/network.js';
import { bootLesson, type LessonRuntime } from './runtime.js';
import type { CheckLine, StageEvaluation } from './session.js';
import { runScriptText, type ScriptOutcome } from './steps.js';
import type { Lesson, Stage } from './types.js';

/** The solutions folder for a lesson: `<course>/../solutions` unless given. */
export function solutionsRootFor(lesson: Lesson, solutionsRoot?: string): string {
  return solutionsRoot ?? join(dirname(dirname(lesson.dir)), 'solutions');
}

/** A stage's solution file path. */
export function solutionPath(lesson: Lesson, stage: Stage, solutionsRoot?: string): string {
  return join(solutionsRootFor(lesson, solutionsRoot), lesson.id, `${stage.id}.sh`);
}

/** A stage's solution text, undefined when the file is missing. */
export function readSolution(lesson: Lesson, stage: Stage, solutionsRoot?: string): string | undefined {
  const path = solutionPath(lesson, stage, solutionsRoot);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** A lesson run outside the TUI: one stage at a time, in a scratch workspace. */
export class StageHarness {
  readonly runtime: LessonRuntime;
  readonly workspace: string;
  private history: CommandRecord[] = [];
  private answer: string | undefined;
  private stage: Stage | undefined;
  /** The probe `reachable` checks without `from` send through (the node, as the learner's terminal). */
  private readonly network: NetworkProbe | undefined;

  constructor(readonly lesson: Lesson, workspace?: string) {
    this.workspace = workspace ?? mkdtempSync(join(tmpdir(), `kubetutor-${lesson.id}-`));
    this.runtime = bootLesson(lesson, { cwd: this.workspace });
    const network = clusterNetwork(this.runtime.cluster);
    this.network = network ? networkProbe(network) : undefined;
  }

  /** Opens a stage: its files are written, its history and answer start empty. */
  open(stage: Stage): void {
    this.stage = stage;
    this.history = [];
    this.answer = undefined;
    for (const file of stage.files) {
      const path = join(this.workspace, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  }

  /**
   * Runs a script in the open stage; its commands count for `commandRan` as the learner
   * would have typed them (a `! ` prefix dropped, the real exit code kept), `answer X` answers.
   */
  run(text: string, stopOnError: boolean): ScriptOutcome {
    const outcome = runScriptText(text, this.runtime.env, { stopOnError, hooks: { answer: (a) => (this.answer = a) } });
    for (const s of outcome.steps) this.history.push({ line: s.command, exitCode: s.exitCode, at: this.runtime.cluster.now() });
    return outcome;
  }

  /** The open stage's checks now. */
  evaluate(): StageEvaluation {
    const stage = this.stage!;
    const api = this.runtime.cluster.client();
    const ctx: CheckContext = {
      history: this.history,
      now: this.runtime.cluster.now(),
      ...(this.answer !== undefined ? { answer: this.answer } : {}),
      ...(this.network ? { network: this.network } : {}),
    };
    const checks: CheckLine[] = stage.checks.map((spec) => {
      const c = compileCheck(spec, stage.question);
      return { type: c.type, ...c.evaluate(api, ctx) };
    });
    return { passed: checks.every((c) => c.ok), checks };
  }

  /**
   * Evaluates, then advances virtual time a second at a time (re-evaluating) until the
   * checks pass or `budgetSeconds` ran out. Returns the last evaluation and seconds waited.
   */
  await(budgetSeconds: number): { evaluation: StageEvaluation; seconds: number } {
    let evaluation = this.evaluate();
    let seconds = 0;
    while (!evaluation.passed && seconds < budgetSeconds) {
      this.runtime.cluster.advance(1000);
      seconds++;
      evaluation = this.evaluate();
    }
    return { evaluation, seconds };
  }
}
