/**
 * How a shell was invoked: `sh -c 'script' arg0 args…`, `sh script.sh args…`, or a bare
 * `sh` reading its standard input, and which flavour of shell answers.
 */
import type { ImageProfile } from '../../../images/types.js';
import type { ShellFlavor } from './interpreter.js';

/** A parsed shell command line. */
export interface ShellInvocation {
  /** The `-c` script. */
  readonly script: string | undefined;
  /** A script file to run. */
  readonly file: string | undefined;
  /** `$0`. */
  readonly arg0: string;
  readonly positional: readonly string[];
}

/** Parses `sh [-eux…] [-c script [arg0 [args…]] | file [args…]]`. */
export function parseShellArgs(argv: readonly string[]): ShellInvocation {
  let i = 1;
  let command = false;
  while (i < argv.length && /^[-+][a-zA-Z]+$/.test(argv[i]!)) {
    if (argv[i]!.includes('c')) command = true;
    i++;
  }
  if (command) {
    const script = argv[i] ?? '';
    return { script, file: undefined, arg0: argv[i + 1] ?? argv[0]!, positional: argv.slice(i + 2) };
  }
  if (i < argv.length) return { script: undefined, file: argv[i], arg0: argv[i]!, positional: argv.slice(i + 1) };
  return { script: undefined, file: undefined, arg0: argv[0]!, positional: [] };
}

/** bash answers as bash; `sh` is busybox ash on busybox images and dash on Debian ones. */
export function shellFlavor(name: string, profile: ImageProfile): ShellFlavor {
  const base = name.split('/').pop();
  if (base === 'bash' || base === 'zsh') return 'bash';
  return profile.shell === 'busybox' ? 'busybox' : 'dash';
}
