/**
 * Runs script-format text (lesson setup, solutions, graded submissions) step by step on a
 * session's kubectl env. Besides `kubectl`, a script may `sleep 30s` (advance virtual
 * time) and, in solutions, `answer TEXT` (answer the stage's question), the one tutor word
 * a script needs. A leading `! ` marks a command meant to fail, as the shell's `!` inverts
 * an exit status: its non-zero exit is the expected outcome and a zero exit is the error.
 * Output is kept per step so callers decide what to show.
 */
import { parseScript, formatScriptError } from '../script/parse.js';
import { runKubectl, withStdin, outputText } from '../kubectl/index.js';
import type { KubectlEnv, KubectlResult } from '../kubectl/types.js';

/** One step's outcome. */
export interface StepOutcome {
  readonly line: number;
  readonly raw: string;
  /** The command as the learner would type it: `raw` without a leading `! `. */
  readonly command: string;
  /** The command's own exit code (before a `!` inverts it). */
  readonly exitCode: number;
  /** Written with a leading `!`: the command is expected to fail. */
  readonly negated: boolean;
  /** stdout and stderr in the order written. */
  readonly output: string;
}

/** What running a script did: every step, and the first failure (syntax or non-zero exit). */
export interface ScriptOutcome {
  readonly steps: readonly StepOutcome[];
  readonly failure?: { readonly line: number; readonly message: string };
}

/** Hooks for the tutor words a script may use. */
export interface StepHooks {
  answer?(text: string): void;
}

const SLEEP = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of `sleep 30s` / `sleep 2m` / `sleep 5` (seconds, as sh), or undefined. */
export function sleepMs(arg: string | undefined): number | undefined {
  const m = arg === undefined ? null : SLEEP.exec(arg);
  return m ? Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 's']!) : undefined;
}

/**
 * Runs a script. With `stopOnError`, the first non-zero exit ends it (setup and solutions
 * must run clean); otherwise every step runs (a submission is graded on what it leaves).
 */
export function runScriptText(text: string, env: KubectlEnv, opts: { stopOnError: boolean; hooks?: StepHooks }): ScriptOutcome {
  const parsed = parseScript(text);
  if (!parsed.ok) return { steps: [], failure: { line: parsed.error.line, message: formatScriptError(parsed.error) } };
  const steps: StepOutcome[] = [];
  let failure: ScriptOutcome['failure'];
  for (const step of parsed.steps) {
    const negated = step.argv[0] === '!' && step.argv.length > 1;
    const result = runStep(negated ? step.argv.slice(1) : step.argv, step.stdin, env, opts.hooks);
    const command = negated ? step.raw.replace(/^!\s+/, '') : step.raw;
    const outcome: StepOutcome = { line: step.line, raw: step.raw, command, exitCode: result.exitCode, negated, output: outputText(result.output) };
    steps.push(outcome);
    if (stepFailed(outcome) && !failure) {
      failure = { line: step.line, message: failureMessage(outcome) };
      if (opts.stopOnError) break;
    }
  }
  return failure ? { steps, failure } : { steps };
}

/** Whether a step went wrong: a non-zero exit, or for a `!` step a zero one. */
export function stepFailed(step: Pick<StepOutcome, 'exitCode' | 'negated'>): boolean {
  return step.negated ? step.exitCode === 0 : step.exitCode !== 0;
}

function failureMessage(step: StepOutcome): string {
  const output = step.output ? `: ${step.output.trim()}` : '';
  if (step.negated) return `line ${step.line}: \`${step.raw}\` was expected to fail but exited 0${output}`;
  return `line ${step.line}: \`${step.raw}\` exited ${step.exitCode}${output}`;
}

function runStep(argv: readonly string[], stdin: string | undefined, env: KubectlEnv, hooks: StepHooks | undefined): KubectlResult {
  const [command, ...args] = argv;
  if (command === 'kubectl' || command === 'k') return runKubectl(args, withStdin(env, stdin));
  if (command === 'sleep') {
    const ms = sleepMs(args[0]);
    if (ms === undefined || args.length !== 1) return err(`sleep: invalid time interval '${args.join(' ')}'`);
    env.advance(ms);
    return { output: [], exitCode: 0 };
  }
  if (command === 'answer' && hooks?.answer) {
    hooks.answer(args.join(' '));
    return { output: [], exitCode: 0 };
  }
  return err(`${command}: command not found`);
}

function err(text: string): KubectlResult {
  return { output: [{ stream: 'stderr', text: `${text}\n` }], exitCode: 127 };
}
