/**
 * The kubectl emulator's public surface: run a command line against a KubectlEnv, and
 * build that env over an embedded cluster.
 */
import { tokenizeLine } from '../script/tokenize.js';
import { runKubectl } from './runner.js';
import type { KubectlEnv, KubectlResult } from './types.js';

export { runKubectl } from './runner.js';
export { createKubectlEnv, withStdin, type KubectlEnvOptions } from './env.js';
export { buildCommandTree, kubectlTree, type CommandTree } from './registry.js';
export { outputText, streamText, OutputCollector } from './output.js';
export type { CommandModule, KubectlEnv, KubectlResult, Output, OutputChunk } from './types.js';

/**
 * Runs a typed line, e.g. `kubectl get pods -n dev` (the leading `kubectl` or `k` is
 * optional). Shell syntax errors print as `error: ...` with exit code 1; an empty line
 * prints nothing.
 */
export function runKubectlLine(line: string, env: KubectlEnv): KubectlResult {
  const tokens = tokenizeLine(line, env.env);
  if (!tokens.ok) return { output: [{ stream: 'stderr', text: `error: ${tokens.error}\n` }], exitCode: 1 };
  const argv = [...tokens.argv];
  if (argv[0] === 'kubectl' || argv[0] === 'k') argv.shift();
  else if (argv.length === 0) return { output: [], exitCode: 0 };
  return runKubectl(argv, env);
}
