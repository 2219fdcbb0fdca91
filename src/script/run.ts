/**
 * Runs a script on a fresh cluster and writes its transcript: `kubectl`/`k` lines go to
 * the kubectl emulator (stdin from their heredoc), `sleep` moves virtual time, `echo`
 * and `cat` print. After each command the cluster settles at the same instant
 * (`advance(0)`): controllers react before the next line, and virtual time moves only
 * when the script says so — a real kubectl call takes ~100 ms, which no lesson needs.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { createCluster, type Cluster } from '../engine/cluster.js';
import type { ClusterSpec } from '../engine/spec.js';
import { createKubectlEnv, runKubectl, withStdin } from '../kubectl/index.js';
import type { ImpersonatingEnv } from '../kubectl/common.js';
import type { OutputChunk } from '../kubectl/types.js';
import { runBuiltin } from './builtins.js';
import type { Env } from './expand.js';
import { formatScriptError, parseScript, type ScriptStep } from './parse.js';
import { formatTranscript } from './transcript.js';

/** How to run a script. */
export interface RunScriptOptions {
  /** The cluster's seed (generated names, IPs). Default 1. */
  readonly seed?: number;
  /** The cluster's shape; default controlplane, node01, node02. */
  readonly cluster?: ClusterSpec;
  /** Folder relative paths (`-f manifests/web.yaml`) start from. */
  readonly cwd?: string;
  /** Variables visible to `$VAR` and to kubectl (KUBE_EDITOR...). */
  readonly env?: Env;
}

/** A cluster and a kubectl session on it, kept across the steps of a script. */
export interface ScriptSession {
  readonly cluster: Cluster;
  readonly kubectl: ImpersonatingEnv;
}

/** One step's outcome. */
export interface StepResult {
  readonly step: ScriptStep;
  readonly output: readonly OutputChunk[];
  readonly exitCode: number;
}

/** A script's run: its transcript and step results, or why it could not run (one line). */
export type ScriptRun =
  | { readonly ok: true; readonly transcript: string; readonly results: readonly StepResult[] }
  | { readonly ok: false; readonly error: string };

/** A fresh cluster and session for a script. */
export function createSession(opts: RunScriptOptions = {}): ScriptSession {
  const cluster = createCluster(opts.cluster, { seed: opts.seed ?? 1 });
  const kubectl = createKubectlEnv(cluster, { cwd: opts.cwd ?? process.cwd(), env: opts.env ?? {} });
  return { cluster, kubectl };
}

/** Runs one parsed step in a session, then lets the cluster settle. */
export function runStep(step: ScriptStep, session: ScriptSession): StepResult {
  const [command, ...args] = step.argv;
  let result: { output: readonly OutputChunk[]; exitCode: number };
  if (command === 'kubectl' || command === 'k') {
    result = runKubectl(args, withStdin(session.kubectl, step.stdin));
  } else {
    const cwd = session.kubectl.cwd;
    result = runBuiltin(step.argv, {
      line: step.line,
      advance: (ms) => session.cluster.advance(ms),
      readFile: (path) => session.kubectl.readFile(isAbsolute(path) ? path : resolve(cwd, path)),
    });
  }
  session.cluster.advance(0);
  return { step, output: result.output, exitCode: result.exitCode };
}

/** Parses and runs a script on a fresh cluster; the same text and seed give the same bytes. */
export function runScript(text: string, opts: RunScriptOptions = {}): ScriptRun {
  const parsed = parseScript(text, opts.env ?? {});
  if (!parsed.ok) return { ok: false, error: formatScriptError(parsed.error) };
  const session = createSession(opts);
  const results = parsed.steps.map((step) => runStep(step, session));
  return { ok: true, transcript: formatTranscript(results.map((r) => ({ command: r.step.raw, output: r.output }))), results };
}

/** The folder a script file's relative paths start from. */
export function scriptFolder(path: string): string {
  return dirname(resolve(path));
}
