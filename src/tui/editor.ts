/**
 * The learner's own editor, for `edit FILE` at the prompt and for `kubectl edit`: Ink is
 * suspended (raw mode off, so the editor gets a normal terminal), the editor runs with the
 * terminal inherited, and Ink is restored afterwards. The editor is KUBE_EDITOR, then
 * EDITOR (the prompt's `export` first, then the process environment), then `vi` — the
 * order kubectl uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EditorHook } from '../kubectl/types.js';
import { shellQuote } from './shell.js';
import { processFocusReporting, type FocusReporting } from './terminal/focus.js';

/** Runs an editor on a file path; returns whether it exited cleanly, or why not. */
export type OpenEditor = (path: string) => { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The editor command for an environment. */
export function editorCommand(env: Readonly<Record<string, string | undefined>>): string {
  return env.KUBE_EDITOR || env.EDITOR || 'vi';
}

/** Hands the terminal to another program and back. */
export interface TerminalHandover {
  suspend(): void;
  resume(): void;
}

/**
 * The handover for the real process terminal: raw mode and focus reports off while the
 * editor runs (an editor that does not ask for focus reports would take them as typing).
 */
export function processHandover(stdin: NodeJS.ReadStream = process.stdin, focus: Pick<FocusReporting, 'suspend' | 'resume'> = processFocusReporting): TerminalHandover {
  let wasRaw = false;
  return {
    suspend() {
      focus.suspend();
      wasRaw = stdin.isTTY ? stdin.isRaw : false;
      if (wasRaw) stdin.setRawMode(false);
    },
    resume() {
      if (wasRaw) stdin.setRawMode(true);
      focus.resume();
    },
  };
}

/** An OpenEditor that runs the command from `env()` with the terminal inherited. */
export function spawnEditor(env: () => Readonly<Record<string, string | undefined>>, handover: TerminalHandover): OpenEditor {
  return (path) => {
    const command = editorCommand(env());
    handover.suspend();
    try {
      // Through the shell, so `code --wait` or `nano -w` work as they do for kubectl.
      const r = spawnSync(`${command} ${shellQuote(path)}`, { stdio: 'inherit', shell: true });
      if (r.error) return { ok: false, message: `edit: cannot run ${command}: ${r.error.message}` };
      if (r.status !== 0) return { ok: false, message: `edit: ${command} exited with status ${r.status ?? r.signal}` };
      return { ok: true };
    } finally {
      handover.resume();
    }
  };
}

/** kubectl's editor hook over an OpenEditor: the text goes to a temporary file named like kubectl's. */
export function kubectlEditorHook(open: OpenEditor): EditorHook {
  return (text, fileName) => {
    const dir = mkdtempSync(join(tmpdir(), 'kubectl-edit-'));
    const path = join(dir, basename(fileName) || 'edit.yaml');
    try {
      writeFileSync(path, text);
      const r = open(path);
      return r.ok ? readFileSync(path, 'utf8') : undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
