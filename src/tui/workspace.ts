/** The learner's workspace folder as the prompt's `ls` and `cat` see it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ShellContext } from './shell.js';

export function workspaceAccess(root: string): Pick<ShellContext, 'list' | 'read'> {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(root, p));
  return {
    list: (p) => {
      try {
        return statSync(abs(p)).isDirectory() ? readdirSync(abs(p)).sort() : undefined;
      } catch {
        return undefined;
      }
    },
    read: (p) => {
      try {
        return statSync(abs(p)).isFile() ? readFileSync(abs(p), 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
