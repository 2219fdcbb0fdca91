/**
 * Test sessions for kubectl: a cluster (bare with hand-made objects, or the default one),
 * a kubectl env over it, and `run(line)` giving what a terminal shows — stdout and stderr
 * in order — plus the exit code.
 */
import { createCluster, type Cluster } from '../../src/engine/cluster.js';
import type { KubeObject } from '../../src/engine/api/types.js';
import { createKubectlEnv, runKubectlLine, outputText, type KubectlEnvOptions } from '../../src/kubectl/index.js';
import type { ImpersonatingEnv } from '../../src/kubectl/common.js';

/** A kubectl session on a cluster. */
export interface Session {
  readonly cluster: Cluster;
  readonly env: ImpersonatingEnv;
  /** Runs a kubectl line; returns the terminal text. */
  run(line: string): string;
  /** Runs a kubectl line; returns text and exit code. */
  exec(line: string): { text: string; code: number; stdout: string; stderr: string };
  /** Creates an object as the admin, then writes its status when given. */
  create(obj: KubeObject, status?: Record<string, unknown>): KubeObject;
}

/** A session on a cluster; `bare` has no nodes, system pods or controllers. */
export function session(opts: { bare?: boolean; seed?: number; env?: KubectlEnvOptions } = {}): Session {
  const cluster = opts.bare ? createCluster(undefined, { bare: true, controllers: [], seed: opts.seed ?? 1 }) : createCluster(undefined, { seed: opts.seed ?? 1 });
  const env = createKubectlEnv(cluster, opts.env);
  const exec = (line: string) => {
    const r = runKubectlLine(line, env);
    const pick = (s: string) => r.output.filter((c) => c.stream === s).map((c) => c.text).join('');
    return { text: outputText(r.output), code: r.exitCode, stdout: pick('stdout'), stderr: pick('stderr') };
  };
  const create = (obj: KubeObject, status?: Record<string, unknown>) => {
    const t = resourceOf(obj.kind);
    const client = cluster.client();
    const r = client.create(t, obj.metadata.namespace, obj);
    if (!r.ok) throw new Error(`create ${obj.kind} ${obj.metadata.name}: ${r.error.message}`);
    let created = (r.value as { object?: KubeObject }).object ?? (r.value as unknown as KubeObject);
    if (status) {
      const s = client.updateStatus(t, obj.metadata.namespace, { ...created, status });
      if (!s.ok) throw new Error(`status ${obj.kind} ${obj.metadata.name}: ${s.error.message}`);
      created = (s.value as { object?: KubeObject }).object ?? (s.value as unknown as KubeObject);
    }
    // No controllers run on a bare cluster: a namespace gets its default ServiceAccount here.
    if (obj.kind === 'Namespace') {
      client.create('serviceaccounts', obj.metadata.name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: obj.metadata.name } });
    }
    return created;
  };
  return { cluster, env, run: (line) => exec(line).text, exec, create };
}

function resourceOf(kind: string): string {
  const plural: Record<string, string> = { Pod: 'pods', Namespace: 'namespaces', Service: 'services', Deployment: 'deployments', Node: 'nodes', ConfigMap: 'configmaps' };
  return plural[kind] ?? `${kind.toLowerCase()}s`;
}

/** A pod with one container. */
export function pod(namespace: string, name: string, labels: Record<string, string> = {}, image = 'nginx:1.25'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name, labels }, spec: { containers: [{ name: 'app', image }] } };
}

/** A Running, Ready status for a one-container pod. */
export function running(ip: string, startedAt: string): Record<string, unknown> {
  return {
    phase: 'Running',
    podIP: ip,
    podIPs: [{ ip }],
    startTime: startedAt,
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'nginx:1.25', imageID: '', started: true, state: { running: { startedAt } } }],
  };
}

/** A namespace. */
export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}
