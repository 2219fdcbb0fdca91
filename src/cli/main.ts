/**
 * The `kubetutor` command line: a subcommand table. Only `script` exists so far; the
 * tutor itself (lessons in the TUI) lands with the TUI.
 */
import type { CliIO } from './io.js';
import { SCRIPT_USAGE, scriptCommand } from './script.js';

const USAGE = `kubetutor: learn Kubernetes against a cluster inside your terminal

usage:
  kubetutor script FILE|- [--seed N] [--cluster SPEC.yaml]   run a script, print its transcript
`;

/** One subcommand: how it runs. */
type Subcommand = (argv: readonly string[], io: CliIO) => number;

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  script: scriptCommand,
};

/** Runs kubetutor with the arguments after the program name; returns the exit code. */
export function main(argv: readonly string[], io: CliIO): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    io.stderr(`kubetutor: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  return sub(rest, io);
}

export { SCRIPT_USAGE };
