/**
 * A KubectlEnv over an embedded cluster: the API as a user, virtual time, the session's
 * namespace, and files read from disk (the engine stays I/O-free; kubectl may read `-f`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ApiClient } from '../engine/api/client.js';
import { ADMIN_USER, type Result, type UserInfo } from '../engine/api/types.js';
import { userFor, type Cluster } from '../engine/cluster.js';
import type { ImpersonatingEnv } from './common.js';
import { nodeMetrics, podMetrics } from '../engine/node/index.js';
import { PortForwards, type MetricsEnv, type PortForwardEnv } from './commands/ops/index.js';
import type { EditorHook, KubectlEnv } from './types.js';

/** How to set up the env; everything is optional. */
export interface KubectlEnvOptions {
  /** The learner's identity (default kubernetes-admin). */
  readonly user?: UserInfo | string;
  /** The context namespace (default `default`). */
  readonly namespace?: string;
  /** Directory relative `-f` paths start from (default process.cwd()). */
  readonly cwd?: string;
  readonly stdin?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly editor?: EditorHook;
  readonly interactive?: boolean;
  /** Replaces the disk (tests, lessons' virtual workspaces): path -> text. */
  readonly files?: Readonly<Record<string, string>>;
}

/** A KubectlEnv whose namespace persists across commands of a session. */
export function createKubectlEnv(cluster: Cluster, opts: KubectlEnvOptions = {}): ImpersonatingEnv & MetricsEnv & PortForwardEnv {
  const cwd = opts.cwd ?? process.cwd();
  const base = opts.user === undefined ? ADMIN_USER : userFor(opts.user);
  const abs = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const files = opts.files;
  return {
    client: (user?: UserInfo | string) => cluster.client(user ?? base),
    impersonate: (as): Result<ApiClient> => cluster.client(base).impersonate({ user: as.user || undefined, groups: [...as.groups] }),
    // The Metrics API (metrics-server's role) reads the kubelets' usage figures.
    metrics: {
      node: (name: string) => nodeMetrics(cluster, name),
      pod: (namespace: string, name: string) => podMetrics(cluster, namespace, name),
    },
    portForwards: new PortForwards(),
    now: () => cluster.now(),
    advance: (ms: number) => cluster.advance(ms),
    namespace: opts.namespace ?? 'default',
    cwd,
    stdin: opts.stdin,
    env: opts.env ?? {},
    editor: opts.editor,
    interactive: opts.interactive,
    readFile: files ? (path) => files[abs(path)] : (path) => readText(abs(path)),
    readDir: files ? (path) => listVirtual(files, abs(path)) : (path) => listDir(abs(path)),
  };
}

/**
 * The same session env with other stdin (each script step has its own heredoc). Writes,
 * such as the namespace `config set-context --current` changes, still reach the session.
 */
export function withStdin<T extends KubectlEnv>(env: T, stdin: string | undefined): T {
  return new Proxy(env, { get: (target, key) => (key === 'stdin' ? stdin : Reflect.get(target, key)) });
}

function readText(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function listDir(path: string): string[] | undefined {
  try {
    return statSync(path).isDirectory() ? readdirSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function listVirtual(files: Readonly<Record<string, string>>, dir: string): string[] | undefined {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const names = new Set<string>();
  for (const path of Object.keys(files)) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]!);
  return names.size === 0 ? undefined : [...names].sort();
}
