/**
 * The `kubetutor` command line: a subcommand table. Every subcommand answers `--help`
 * with its usage. The interactive ones (home, `open`, `sandbox`) resolve asynchronously
 * once the learner quits; the others return their exit code at once.
 */
import type { CliIO } from './io.js';
import { GRADE_USAGE, gradeCommand } from './grade.js';
import { PROGRESS_USAGE, progressCommand } from './progress.js';
import { RESET_USAGE, resetCommand } from './reset.js';
import { SCRIPT_USAGE, scriptCommand } from './script.js';
import { HOME_USAGE, OPEN_USAGE, SANDBOX_USAGE, tutorCommand } from './tutor.js';
import { VERIFY_USAGE, verifyCommand } from './verify.js';
import { kubetutorVersion } from './version.js';

const USAGE = `kubetutor: learn Kubernetes against a cluster inside your terminal

usage:
  kubetutor [--lessons DIR] [--speed N] [--no-color]         the course: pick a lesson and go
  kubetutor open LESSON                                        open a lesson directly
  kubetutor sandbox [--seed N]                                 a cluster of your own, no lesson
  kubetutor script FILE|- [--seed N] [--cluster SPEC.yaml]     run a script, print its transcript
  kubetutor verify [LESSON...] [--lessons DIR]                 prove each stage fails, then passes after its solution
  kubetutor grade FILE|- --lesson ID [--format text|json|junit]   grade a submission
  kubetutor progress [--format text|json]                      your progress per lesson
  kubetutor reset LESSON... | --all                            start lessons over
  kubetutor --version

flags:
  --lessons DIR   an instructor's own course (default: the lessons shipped with kubetutor)
  --speed N       run the cluster's clock N times faster (Ctrl-F cycles it in the tutor)
  --seed N        the sandbox cluster's seed (names and IPs)
  --no-color      no colours (NO_COLOR works too)

Each command takes --help.
`;

/** One subcommand: how it runs, and its usage for --help. */
interface Subcommand {
  readonly run: (argv: readonly string[], io: CliIO) => number | Promise<number>;
  readonly usage: string;
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  open: { run: (argv, io) => tutorCommand('open', argv, io, OPEN_USAGE), usage: OPEN_USAGE },
  sandbox: { run: (argv, io) => tutorCommand('sandbox', argv, io, SANDBOX_USAGE), usage: SANDBOX_USAGE },
  script: { run: scriptCommand, usage: SCRIPT_USAGE },
  verify: { run: verifyCommand, usage: VERIFY_USAGE },
  grade: { run: gradeCommand, usage: GRADE_USAGE },
  progress: { run: (argv, io) => progressCommand(argv, io), usage: PROGRESS_USAGE },
  reset: { run: (argv, io) => resetCommand(argv, io), usage: RESET_USAGE },
};

const isHelp = (a: string) => a === '--help' || a === '-h';

/** Runs kubetutor with the arguments after the program name; returns the exit code. */
export function main(argv: readonly string[], io: CliIO): number | Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`kubetutor ${kubetutorVersion()}\n`);
    return 0;
  }
  // No subcommand (or only flags): the home screen.
  if (name === undefined || name.startsWith('-')) {
    if (argv.some(isHelp)) {
      io.stdout(USAGE);
      return 0;
    }
    return tutorCommand('home', argv, io, HOME_USAGE);
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    io.stderr(`kubetutor: unknown command "${name}"\nRun 'kubetutor --help' for usage.\n`);
    return 2;
  }
  if (rest.some(isHelp)) {
    io.stdout(sub.usage);
    return 0;
  }
  return sub.run(rest, io);
}

export { SCRIPT_USAGE };
