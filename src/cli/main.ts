/**
 * The `kubetutor` command line: a subcommand table. Every subcommand answers `--help`
 * with its usage. The interactive ones (home, `open`, `sandbox`) resolve asynchronously
 * once the learner quits; the others return their exit code at once.
 */
import type { CliIO } from './io.js';
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

const isHelp = (a: string) => a === '--help' || a === '-h';

// The interactive commands end in the TUI: it (Ink, React) starts loading beside the
// command's module rather than after it (tutor.ts awaits the same import), unless only the
// usage is asked for.
function tutor(argv: readonly string[]): Promise<typeof import('./tutor.js')> {
  if (!argv.some(isHelp)) void import('../tui/run.js').catch(() => undefined);
  return import('./tutor.js');
}

/** One subcommand: how it runs, and its usage for --help. */
interface Subcommand {
  readonly run: (argv: readonly string[], io: CliIO) => number | Promise<number>;
  readonly usage: string;
}

/**
 * Subcommands load on demand: start-up is part of the experience, and `kubetutor` should
 * not parse the grader, verifier or script runner to show its home screen.
 */
const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[]) => Promise<Subcommand>>> = {
  open: async (argv) => {
    const t = await tutor(argv);
    return { run: (argv, io) => t.tutorCommand('open', argv, io, t.OPEN_USAGE), usage: t.OPEN_USAGE };
  },
  sandbox: async (argv) => {
    const t = await tutor(argv);
    return { run: (argv, io) => t.tutorCommand('sandbox', argv, io, t.SANDBOX_USAGE), usage: t.SANDBOX_USAGE };
  },
  script: async () => {
    const m = await import('./script.js');
    return { run: m.scriptCommand, usage: m.SCRIPT_USAGE };
  },
  verify: async () => {
    const m = await import('./verify.js');
    return { run: m.verifyCommand, usage: m.VERIFY_USAGE };
  },
  grade: async () => {
    const m = await import('./grade.js');
    return { run: m.gradeCommand, usage: m.GRADE_USAGE };
  },
  progress: async () => {
    const m = await import('./progress.js');
    return { run: (argv, io) => m.progressCommand(argv, io), usage: m.PROGRESS_USAGE };
  },
  reset: async () => {
    const m = await import('./reset.js');
    return { run: (argv, io) => m.resetCommand(argv, io), usage: m.RESET_USAGE };
  },
};

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
    return tutor(argv).then((t) => t.tutorCommand('home', argv, io, t.HOME_USAGE));
  }
  const load = SUBCOMMANDS[name];
  if (!load) {
    io.stderr(`kubetutor: unknown command "${name}"\nRun 'kubetutor --help' for usage.\n`);
    return 2;
  }
  return load(rest).then((sub) => {
    if (rest.some(isHelp)) {
      io.stdout(sub.usage);
      return 0;
    }
    return sub.run(rest, io);
  });
}
