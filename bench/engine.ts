/**
 * Control-plane figures: pods created through Deployments on a large cluster until steady
 * state, CPU time and peak heap, and a label-selector list.
 */
import { createCluster } from '../src/engine/cluster.js';
import type { ClusterSpec } from '../src/engine/spec.js';
import { measure, report, type Figure } from './measure.js';

function clusterOf(nodes: number): ClusterSpec {
  return { nodes: [{ name: 'controlplane', role: 'control-plane' }, ...Array.from({ length: nodes }, (_, i) => ({ name: `node${String(i + 1).padStart(2, '0')}`, capacity: { cpu: '64', memory: '256Gi', pods: '250' } }))] };
}

/** Creates `pods` pods through pods/10 Deployments of 10 replicas each and settles. */
export function benchDeployments(pods: number): Figure[] {
  const deployments = pods / 10;
  const cluster = createCluster(clusterOf(50), { seed: 1 });
  const api = cluster.client();
  const build = measure(`${pods} pods via ${deployments} Deployments on 50 nodes to steady state`, () => {
    for (let i = 0; i < deployments; i++) {
      api.create('deployments', 'default', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `app${i}` },
        spec: { replicas: 10, selector: { matchLabels: { app: `app${i}` } }, template: { metadata: { labels: { app: `app${i}` } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } } },
      });
    }
    cluster.advance(60_000);
  });
  const count = cluster.internals.store.count('pods');
  const list = measure(`list ${count} pods with a label selector (per call)`, () => api.list('pods', { namespace: 'default', labelSelector: 'app=app7' }), 200);
  return [build, list];
}

export function engineFigures(): Figure[] {
  return [...benchDeployments(1000), ...benchDeployments(5000)];
}

if (import.meta.url === `file://${process.argv[1]}`) report(engineFigures());
