/**
 * A lesson's cluster and terminal: a fresh cluster from the lesson's spec and seed, a
 * kubectl env whose working directory is the learner's workspace, and the setup applied
 * unseen (manifests through `kubectl apply -f -`, then the setup script).
 */
import { createCluster, type Cluster } from '../engine/cluster.js';
import { DEFAULT_CLUSTER } from '../engine/spec.js';
import { createKubectlEnv, runKubectl, withStdin, outputText } from '../kubectl/index.js';
import type { EditorHook, KubectlEnv } from '../kubectl/types.js';
import { runScriptText, type StepHooks } from './steps.js';
import type { Lesson } from './types.js';

/** A booted lesson: its cluster, the env commands run in, and whether setup went through. */
export interface LessonRuntime {
  readonly cluster: Cluster;
  readonly env: KubectlEnv;
  /** Why setup failed (an author's bug: verify reports it), if it did. */
  readonly setupError?: string;
}

/** How to boot. */
export interface BootOptions {
  /** The workspace folder (relative `-f` paths start here). */
  readonly cwd: string;
  readonly editor?: EditorHook;
  readonly interactive?: boolean;
  /** Replaces the disk for kubectl's reads (replay supplies recorded file contents). */
  readonly readFile?: (path: string, fallback: (path: string) => string | undefined) => string | undefined;
}

/** Boots a lesson: cluster + setup. */
export function bootLesson(lesson: Lesson, opts: BootOptions): LessonRuntime {
  // Lesson images (lesson.images) reach the kubelets once createCluster accepts a catalog extension.
  const cluster = createCluster(lesson.cluster ?? DEFAULT_CLUSTER, { seed: lesson.seed });
  const base = createKubectlEnv(cluster, { cwd: opts.cwd, ...(opts.editor ? { editor: opts.editor } : {}), ...(opts.interactive ? { interactive: true } : {}) });
  const read = opts.readFile;
  const env: KubectlEnv = read ? new Proxy(base, { get: (t, k) => (k === 'readFile' ? (p: string) => read(p, (q) => t.readFile(q)) : Reflect.get(t, k)) }) : base;
  const setupError = applySetup(lesson, env);
  return setupError === undefined ? { cluster, env } : { cluster, env, setupError };
}

/** Applies a lesson's setup manifests and script; returns the first failure's text. */
export function applySetup(lesson: Lesson, env: KubectlEnv): string | undefined {
  for (const manifest of lesson.setup.manifests) {
    const r = runKubectl(['apply', '-f', '-'], withStdin(env, manifest.content));
    if (r.exitCode !== 0) return `setup manifest ${manifest.path}: ${outputText(r.output).trim()}`;
  }
  if (lesson.setup.script.trim() === '') return undefined;
  const run = runScriptText(lesson.setup.script, env, { stopOnError: true });
  return run.failure ? `setup script ${run.failure.message}` : undefined;
}

/** Runs a stage's solution (or a submission) on a runtime. */
export function runSolution(text: string, env: KubectlEnv, hooks: StepHooks, stopOnError = true): ReturnType<typeof runScriptText> {
  return runScriptText(text, env, { stopOnError, hooks });
}
