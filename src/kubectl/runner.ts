/**
 * Runs one kubectl command line: find the command, parse its flags, answer `--help`,
 * run the verb module, and collect what it printed in order.
 */
import { readCommandLine } from './args/dispatch.js';
import { renderHelp } from './args/help.js';
import { OutputCollector } from './output.js';
import { kubectlTree, pathKey, type CommandTree } from './registry.js';
import type { KubectlEnv, KubectlResult } from './types.js';

/**
 * Runs `kubectl <argv>` (argv without the leading `kubectl`). Usage errors print as
 * kubectl prints them (exit 1); `kubectl` alone prints the root help. A verb that throws
 * is a bug in the emulator: it is reported on stderr (exit 1) instead of crashing the tutor.
 */
export function runKubectl(argv: readonly string[], env: KubectlEnv, tree: CommandTree = kubectlTree()): KubectlResult {
  const io = new OutputCollector();
  const invocation = readCommandLine(tree.root, argv);
  if (invocation.kind === 'error') {
    io.err(invocation.stderr);
    return { output: io.output, exitCode: invocation.exitCode };
  }
  if (invocation.kind === 'help') {
    io.out(invocation.stdout);
    return { output: io.output, exitCode: 0 };
  }
  const words = invocation.path.slice(1).map((c) => c.name);
  // The root runs cobra's default: help on stdout.
  if (words.length === 0) {
    io.out(renderHelp(invocation.path));
    return { output: io.output, exitCode: 0 };
  }
  const module = tree.modules.get(pathKey(words));
  if (!module) {
    io.out(renderHelp(invocation.path));
    return { output: io.output, exitCode: 0 };
  }
  let exitCode: number;
  try {
    exitCode = module.run(invocation.flags, env, io);
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.err(`error: internal error in kubetutor's kubectl ${words.join(' ')}: ${detail}\n`);
    exitCode = 1;
  }
  return { output: io.output, exitCode };
}
