/**
 * The contract between the kubectl emulator and its verbs: what a verb is given (the API
 * as a user, the session's namespace, files, stdin, time) and what it gives back (output
 * in the order it was written, and an exit code).
 */
import type { ApiClient } from '../engine/api/client.js';
import type { UserInfo } from '../engine/api/types.js';
import type { CommandSpec } from './args/command.js';
import type { ParsedFlags } from './args/flags.js';

/** One piece of output, on the stream it was written to. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** What running a kubectl line produced. */
export interface KubectlResult {
  readonly output: readonly OutputChunk[];
  readonly exitCode: number;
}

/** Opens an editor on a text and returns the edited text, or undefined when cancelled. */
export type EditorHook = (text: string, fileName: string) => string | undefined;

/** The world a kubectl invocation runs in. */
export interface KubectlEnv {
  /** The API as a user (`--as` impersonation is resolved by the runner). */
  client(user?: UserInfo | string): ApiClient;
  /** Virtual now (epoch ms). */
  now(): number;
  /** Moves virtual time (for `wait`, `rollout status`, `delete` waiting, `logs -f`, `get -w`). */
  advance(ms: number): void;
  /** The namespace of the current context (`kubectl config set-context --current --namespace`). */
  namespace: string;
  /** Working directory for relative `-f` paths. */
  readonly cwd: string;
  /** Text on standard input (`-f -`, heredocs). */
  readonly stdin?: string;
  /** Environment variables (KUBE_EDITOR, ...). */
  readonly env: Readonly<Record<string, string>>;
  /** Reads a file (relative paths against cwd); undefined when missing. */
  readFile(path: string): string | undefined;
  /** Lists a directory's entries (names), undefined when not a directory. */
  readDir(path: string): string[] | undefined;
  /** Opens $EDITOR (the TUI provides it); absent in scripts, where `edit` fails clearly. */
  readonly editor?: EditorHook;
  /** Whether output goes to an interactive terminal (the TUI) rather than a transcript. */
  readonly interactive?: boolean;
}

/** Collects output as a verb writes it. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** One verb (or sub-verb): its flags and help as data, and how it runs. */
export interface CommandModule {
  /** The command path below `kubectl`, e.g. ['get'], ['create', 'deployment'], ['rollout', 'status']. */
  readonly path: readonly string[];
  /** Flags, help text, aliases: drives parsing, `--help` and completion. */
  readonly spec: CommandSpec;
  /** Runs the command; returns the exit code. */
  run(flags: ParsedFlags, env: KubectlEnv, io: Output): number;
}
