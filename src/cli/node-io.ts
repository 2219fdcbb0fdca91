/** The process's real streams and disk, for the kubetutor binary. */
import { readFileSync } from 'node:fs';
import type { CliIO } from './io.js';

/** CliIO over process.stdout/stderr, the filesystem, and fd 0. */
export function nodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    readStdin: () => {
      try {
        return readFileSync(0, 'utf8');
      } catch {
        return '';
      }
    },
  };
}
