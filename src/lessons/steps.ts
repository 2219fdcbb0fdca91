/**
 * Runs script-format text (lesson setup, solutions, graded submissions) step by step on a
 * session's kubectl env. Besides `kubectl`, a script may `sleep 30s` (advance virtual
 * time) and, in solutions, `answer TEXT` (answer the stage's question), the one tutor word
 * a script needs. Output is kept per step so callers decide what to show.
 */
import { parseScript, formatScriptError } from '../script/parse.js';
import { runKubectl, withStdin, outputText } from '../kubectl/index.js';
import type { KubectlEnv, KubectlResult } from '../kubectl/types.js';

/** One step's outcome. */
export interface StepOutcome {
  readonly line: number;
  readonly raw: string;
  readonly exitCode: number;
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
    const result = runStep(step.argv, step.stdin, env, opts.hooks);
    const outcome = { line: step.line, raw: step.raw, exitCode: result.exitCode, output: outputText(result.output) };
    steps.push(outcome);
    if (result.exitCode !== 0 && !failure) {
      failure = { line: step.line, message: `line ${step.line}: \`${step.raw}\` exited ${result.exitCode}${outcome.output ? `: ${outcome.output.trim()}` : ''}` };
      if (opts.stopOnError) break;
    }
  }
  return failure ? { steps, failure } : { steps };
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
