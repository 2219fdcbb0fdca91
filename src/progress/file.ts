/**
 * Where the progress file is and what state it is in, without conf: the store (store.ts)
 * keeps the file with conf, and the home screen reads it through here for its first frame,
 * before conf (and the ajv it imports) has loaded. Both go through these functions, so the
 * path and the checks of the format live in one place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PROGRESS_FORMAT_VERSION, type LessonProgress } from './types.js';

/** conf's project name and config name: the file is `<folder>/progress.json`. */
export const PROGRESS_PROJECT = 'kubetutor';
export const PROGRESS_CONFIG_NAME = 'progress';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The folder of progress.json: $KUBETUTOR_HOME, else the per-user config folder conf uses by
 * default (env-paths with conf's `nodejs` suffix: ~/.config/kubetutor-nodejs on Linux).
 */
export function progressFolder(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.KUBETUTOR_HOME) return env.KUBETUTOR_HOME;
  const name = `${PROGRESS_PROJECT}-nodejs`;
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', name);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), name, 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}

/** The progress file's path in `folder`. */
export function progressPath(folder: string): string {
  return join(folder, `${PROGRESS_CONFIG_NAME}.json`);
}

/** What is in the progress file. */
export type ProgressFileState =
  | { readonly state: 'missing' }
  | { readonly state: 'ok'; readonly lessons: Readonly<Record<string, LessonProgress>> }
  /** Not JSON, or not a mapping, or a format version that is not a number. */
  | { readonly state: 'unreadable' }
  /** Written by a newer kubetutor. */
  | { readonly state: 'newer'; readonly version: number };

/** Reads the progress file and says whether it can be used as it is. */
export function inspectProgressFile(path: string): ProgressFileState {
  if (!existsSync(path)) return { state: 'missing' };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { state: 'unreadable' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { state: 'unreadable' };
  const { formatVersion: version, lessons } = data as { formatVersion?: unknown; lessons?: unknown };
  if (typeof version === 'number' && version > PROGRESS_FORMAT_VERSION) return { state: 'newer', version };
  if (version !== undefined && typeof version !== 'number') return { state: 'unreadable' };
  const ok = lessons && typeof lessons === 'object' && !Array.isArray(lessons);
  return { state: 'ok', lessons: ok ? (lessons as Record<string, LessonProgress>) : {} };
}
