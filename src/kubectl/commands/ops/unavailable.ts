/**
 * Verbs that make no sense inside the tutor: `completion` (the prompt completes by
 * itself), and `proxy`, `attach`, `cp`, which need a local port, a live terminal stream
 * or the learner's file system. Each keeps kubectl's flags and help and answers in one
 * clear line.
 */
import type { CommandSpec } from '../../args/command.js';
import { printError } from '../../errors.js';
import type { CommandModule } from '../../types.js';
import { COMPLETION_SPEC, PROXY_SPEC } from './specs/cluster.js';
import { ATTACH_SPEC, CP_SPEC } from './specs/pods.js';
import { usageError } from './support.js';

/** `kubectl completion bash`: nothing to install; Tab already completes at the prompt. */
export const completion: CommandModule = {
  path: ['completion'],
  spec: COMPLETION_SPEC,
  run(flags, _env, io) {
    if (flags.args.length === 0) return printError(io, usageError('kubectl completion', 'Shell not specified.'));
    if (flags.args.length > 1) return printError(io, usageError('kubectl completion', 'Too many arguments. Expected only the shell type.'));
    const shell = flags.args[0]!;
    if (!['bash', 'zsh', 'fish', 'powershell'].includes(shell)) return printError(io, usageError('kubectl completion', `Unsupported shell type "${shell}".`));
    io.out(`# kubetutor: completion is built into the tutor's prompt (press Tab); there is no ${shell} script to load.\n`);
    return 0;
  },
};

function unavailable(spec: CommandSpec, why: string): CommandModule {
  return {
    path: [spec.name],
    spec,
    run(_flags, _env, io) {
      return printError(io, `"kubectl ${spec.name}" is not available in kubetutor: ${why}`);
    },
  };
}

/** `kubectl proxy`. */
export const proxy = unavailable(PROXY_SPEC, 'the embedded API server has no local port to proxy');
/** `kubectl attach`. */
export const attach = unavailable(ATTACH_SPEC, 'use `kubectl logs -f` to watch a container, or `kubectl exec` to run a command in it');
/** `kubectl cp`. */
export const cp = unavailable(CP_SPEC, "containers' files are not shared with your workspace; use `kubectl exec POD -- cat FILE` to read one");
