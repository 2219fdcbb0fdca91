/**
 * Runs the real kubectl (when installed) to get golden output for printer tests. Only
 * offline commands are used: `create ... --dry-run=client` and `label --local`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUBECTL = '/usr/bin/kubectl';

/** Whether the real binary is available; tests skip (with a message) when it is not. */
export const hasKubectl = existsSync(KUBECTL);

/** stdout of the real kubectl for these arguments. */
export function kubectl(args: readonly string[]): string {
  return execFileSync(KUBECTL, args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });
}

/** Writes YAML to a temp file and returns its path (for `label -f FILE --local`). */
export function manifestFile(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'printers-'));
  const path = join(dir, 'manifest.yaml');
  writeFileSync(path, yaml);
  return path;
}
