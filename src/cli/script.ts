/**
 * `kubetutor script FILE|- [--seed N] [--cluster SPEC.yaml]`: runs a script on a fresh
 * cluster and prints its transcript. Exits 0 whatever the commands did (their failures
 * are part of the transcript); 1 with one line on stderr when the script or spec cannot
 * be read or parsed, 2 for a usage error.
 */
import { resolve } from 'node:path';
import type { ClusterSpec } from '../engine/spec.js';
import { runScript, scriptFolder } from '../script/run.js';
import { parseClusterSpec } from './cluster-spec.js';
import type { CliIO } from './io.js';

/** The usage line of `kubetutor script`. */
export const SCRIPT_USAGE = 'usage: kubetutor script FILE|- [--seed N] [--cluster SPEC.yaml]\n';

interface ScriptArgs {
  readonly file: string;
  readonly seed: number;
  readonly clusterFile?: string;
}

function parseArgs(argv: readonly string[]): ScriptArgs | string {
  let file: string | undefined;
  let seed = 1;
  let clusterFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--seed') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v)) return `--seed needs a whole number, got ${v === undefined ? 'nothing' : `"${v}"`}`;
      seed = Number(v);
    } else if (flag === '--cluster') {
      clusterFile = value();
      if (!clusterFile) return '--cluster needs a file';
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown flag ${a}`;
    } else if (file === undefined) {
      file = a;
    } else {
      return `unexpected argument "${a}"`;
    }
  }
  if (file === undefined) return 'a script file (or - for stdin) is required';
  return { file, seed, clusterFile };
}

/** Runs `kubetutor script ...`; returns the exit code. */
export function scriptCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`kubetutor script: ${args}\n${SCRIPT_USAGE}`);
    return 2;
  }
  const text = args.file === '-' ? io.readStdin() : io.readFile(args.file);
  if (text === undefined) {
    io.stderr(`kubetutor script: cannot read ${args.file}\n`);
    return 1;
  }
  let cluster: ClusterSpec | undefined;
  if (args.clusterFile) {
    const specText = io.readFile(args.clusterFile);
    if (specText === undefined) {
      io.stderr(`kubetutor script: cannot read ${args.clusterFile}\n`);
      return 1;
    }
    const parsed = parseClusterSpec(specText);
    if (!parsed.ok) {
      io.stderr(`kubetutor script: ${args.clusterFile}: ${parsed.error}\n`);
      return 1;
    }
    cluster = parsed.spec;
  }
  const cwd = args.file === '-' ? resolve('.') : scriptFolder(args.file);
  const run = runScript(text, { seed: args.seed, cluster, cwd });
  if (!run.ok) {
    io.stderr(`kubetutor script: ${args.file === '-' ? 'stdin' : args.file}: ${run.error}\n`);
    return 1;
  }
  io.stdout(run.transcript);
  return 0;
}
