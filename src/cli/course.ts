/**
 * Shared by `kubetutor verify`, `grade` and `progress`: where the course is (the package's
 * `lessons/` folder unless `--lessons DIR`), and a small flag reader for their options.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The course folder shipped with kubetutor: `lessons/` beside the package.json named kubetutor. */
export function defaultCourseRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"kubetutor"/.test(readFileSync(pkg, 'utf8'))) return join(dir, 'lessons');
    const up = dirname(dir);
    if (up === dir) return resolve('lessons');
    dir = up;
  }
}

/** Parsed options: flag values by name (without dashes) and positional words. */
export interface ParsedOptions {
  readonly flags: Readonly<Record<string, string>>;
  readonly words: readonly string[];
}

/** Reads `--name value` / `--name=value` for the allowed names; returns an error text otherwise. */
export function readOptions(argv: readonly string[], allowed: readonly string[]): ParsedOptions | string {
  const flags: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      words.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (!allowed.includes(name)) return `unknown flag --${name}`;
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return `--${name} needs a value`;
    flags[name] = value;
  }
  return { flags, words };
}
