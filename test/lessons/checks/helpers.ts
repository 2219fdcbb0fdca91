/** A live default cluster and objects for check tests, created through the API. */
import { createCluster, type Cluster } from '../../../src/engine/cluster.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { compileCheck, type CheckContext, type CheckResult, type CheckSpec } from '../../../src/lessons/checks/index.js';

export function deployment(name: string, replicas: number, image = 'nginx:1.25', namespace = 'default'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } },
    },
  };
}

export function create(cluster: Cluster, resource: string, obj: KubeObject): void {
  const r = cluster.client().create(resource, obj.metadata.namespace, obj);
  if (!r.ok) throw new Error(r.error.message);
}

/** Evaluates a check spec against a cluster. */
export function check(cluster: Cluster, spec: CheckSpec, ctx: Partial<CheckContext> = {}): CheckResult {
  return compileCheck(spec).evaluate(cluster.client(), { history: [], now: cluster.now(), ...ctx });
}

export function freshCluster(): Cluster {
  return createCluster(undefined, { seed: 3 });
}
