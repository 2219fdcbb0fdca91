/**
 * `kubectl exec POD [-c C] -- COMMAND...`: runs the command in the container through
 * pods/exec and relays its output; a non-zero exit prints kubectl's
 * `command terminated with exit code N` and exits with N. An interactive shell (`-it ...
 * sh`) needs a terminal: the TUI provides `openShell`; a transcript says so plainly.
 * `-i` with a heredoc feeds it to the command as stdin.
 */
import { printError } from '../../errors.js';
import type { ParsedFlags } from '../../args/flags.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { defaultContainer, hasContainer, resolvePod } from './pods.js';
import { EXEC_SPEC } from './specs/pods.js';
import { openSession, usageError } from './support.js';

/** The pod shell a TUI opens for `kubectl exec -it POD -- sh`. */
export interface ShellRequest {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly command: readonly string[];
}

/** A KubectlEnv that can hand an interactive shell to the terminal (the TUI's). */
export interface ShellEnv extends KubectlEnv {
  /** Opens an interactive session in the container; returns its exit code. */
  openShell?(request: ShellRequest): number;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash']);

/** Whether a command is an interactive shell with nothing to run (`sh`, `bash`, `/bin/sh -l`). */
export function isBareShell(command: readonly string[]): boolean {
  return SHELLS.has(command[0] ?? '') && !command.includes('-c');
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const dash = flags.argsLenAtDash;
  const args = flags.args;
  if (args.length === 0) return printError(io, usageError('kubectl exec', 'pod, type/name or --filename must be specified'));
  if ((dash < 0 && args.length > 1) || dash > 1) {
    return printError(io, usageError('kubectl exec', 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead'));
  }
  const command = args.slice(1);
  if (command.length === 0) return printError(io, 'you must specify at least one command for the container');
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const chosen = resolvePod(client, namespace, args[0]!);
  if (!chosen.ok) return printError(io, 'text' in chosen ? chosen.text : chosen.error);
  const pod = chosen.value.pod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return printError(io, `cannot exec into a container in a completed pod; current phase is ${phase}`);
  let container = flags.string('container');
  if (!container) {
    const d = defaultContainer(pod, flags.bool('quiet'));
    io.err(d.notice);
    container = d.name;
  }
  if (!hasContainer(pod, container)) return printError(io, `unable to upgrade connection: container not found ("${container}")`);

  const stdin = flags.bool('stdin') ? env.stdin : undefined;
  if (isBareShell(command) && stdin === undefined) {
    const shellEnv = env as ShellEnv;
    if (shellEnv.openShell && env.interactive) return shellEnv.openShell({ namespace, pod: pod.metadata.name!, container, command });
    io.err(
      `kubetutor: an interactive shell needs the tutor's terminal, where \`kubectl exec -it ${pod.metadata.name} -- ${command.join(' ')}\` opens one.\n` +
        `In a script, run a command instead, e.g. \`kubectl exec ${pod.metadata.name} -- env\`.\n`,
    );
    return 1;
  }
  const r = client.exec(namespace, pod.metadata.name!, { container, command, ...(stdin !== undefined ? { stdin } : {}) });
  if (!r.ok) {
    // The kubelet refuses the stream upgrade; kubectl reports that as a plain error.
    if (r.error.message.startsWith('unable to upgrade connection')) return printError(io, r.error.message);
    return printError(io, r.error);
  }
  io.out(r.value.stdout);
  io.err(r.value.stderr);
  if (r.value.exitCode !== 0) {
    io.err(`command terminated with exit code ${r.value.exitCode}\n`);
    return r.value.exitCode;
  }
  return 0;
}

/** `kubectl exec`. */
export const exec: CommandModule = { path: ['exec'], spec: EXEC_SPEC, run };
