/**
 * The learner's kubeconfig: kubeadm's single cluster, user and context, plus contexts the
 * learner adds in the session. The namespace of the current context is the env's own
 * `namespace`, so `config set-context --current --namespace=dev` changes where every
 * later command runs.
 */
import type { KubectlEnv } from '../../../types.js';

/** One context entry. */
export interface ContextEntry {
  cluster: string;
  user: string;
  namespace?: string;
}

/** A session's kubeconfig. */
export interface Kubeconfig {
  readonly clusters: string[];
  readonly users: string[];
  readonly contexts: Map<string, ContextEntry>;
  current: string;
}

/** kubeadm's names. */
export const CLUSTER_NAME = 'kubernetes';
export const USER_NAME = 'kubernetes-admin';
export const CONTEXT_NAME = 'kubernetes-admin@kubernetes';

// Keyed by the env's client function, which a session keeps across commands (per-step
// envs such as withStdin's proxy share it). KubectlEnv has no session slot for this yet.
const sessions = new WeakMap<object, Kubeconfig>();

/** The kubeconfig of the env's session, created on first use. */
export function kubeconfigOf(env: KubectlEnv): Kubeconfig {
  const key = env.client as unknown as object;
  let config = sessions.get(key);
  if (!config) {
    config = { clusters: [CLUSTER_NAME], users: [USER_NAME], contexts: new Map([[CONTEXT_NAME, { cluster: CLUSTER_NAME, user: USER_NAME }]]), current: CONTEXT_NAME };
    sessions.set(key, config);
  }
  // The env's namespace is the truth for the current context.
  const current = config.contexts.get(config.current);
  if (current) current.namespace = env.namespace === 'default' && !current.namespace ? undefined : env.namespace;
  return config;
}

/** Switches the current context, carrying its namespace into the env. */
export function useContext(env: KubectlEnv, config: Kubeconfig, name: string): void {
  config.current = name;
  env.namespace = config.contexts.get(name)?.namespace || 'default';
}

const OMITTED = 'DATA+OMITTED';
// Stand-ins for kubeadm's PEM data with --raw: base64 of a placeholder, never a real key.
const RAW = {
  ca: Buffer.from('-----BEGIN CERTIFICATE-----\nkubetutor cluster CA\n-----END CERTIFICATE-----\n').toString('base64'),
  cert: Buffer.from('-----BEGIN CERTIFICATE-----\nkubetutor kubernetes-admin\n-----END CERTIFICATE-----\n').toString('base64'),
  key: Buffer.from('-----BEGIN RSA PRIVATE KEY-----\nkubetutor placeholder\n-----END RSA PRIVATE KEY-----\n').toString('base64'),
};

/**
 * The kubeconfig as `config view` shows it, in clientcmdapi.Config's JSON field order;
 * certificate data is `DATA+OMITTED` unless raw. `minify` keeps only the current context's parts.
 */
export function kubeconfigObject(config: Kubeconfig, server: string, opts: { raw?: boolean; minify?: boolean } = {}): Record<string, unknown> {
  const data = (v: string) => (opts.raw ? v : OMITTED);
  const current = config.contexts.get(config.current);
  const contexts = [...config.contexts].filter(([name]) => !opts.minify || name === config.current);
  const clusters = config.clusters.filter((c) => !opts.minify || c === current?.cluster);
  const users = config.users.filter((u) => !opts.minify || u === current?.user);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: clusters.map((name) => ({ name, cluster: { server, 'certificate-authority-data': data(RAW.ca) } })),
    users: users.map((name) => ({ name, user: { 'client-certificate-data': data(RAW.cert), 'client-key-data': data(RAW.key) } })),
    contexts: contexts.map(([name, c]) => ({ name, context: { cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
    'current-context': config.current,
  };
}
