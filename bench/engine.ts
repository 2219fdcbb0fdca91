/**
 * Control-plane figures: pods created through Deployments on a large cluster until steady
 * state, CPU time and peak heap, and a label-selector list.
 */
import { createCluster } from '../src/engine/cluster.js';
import { clusterNetwork } from '../src/engine/network/attach.js';
import { benchKubelet } from '../src/engine/node/bench.js';
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

/** Opening a lesson is mostly booting its cluster: bootstrap objects, 120 s of boot, the 3-day jump. */
export function benchOpenCluster(): Figure[] {
  createCluster();
  // The first cluster of a spec in a process creates the system objects through the API and
  // records them; later ones replay the recording. A spec never booted before pays the former.
  let run = 0;
  const unseen = (): ClusterSpec => ({ nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01', labels: { 'bench/run': String(run++) } }, { name: 'node02' }] });
  return [
    measure('open default cluster (createCluster, per call)', () => createCluster(), 20),
    measure('open a cluster of a spec not booted before in this process (per call)', () => createCluster(unseen()), 10),
  ];
}

/** CPU milliseconds of this process, as the kubelet bench's clock. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One virtual minute of `nodes` workers running `pods` nginx pods with HTTP readiness and liveness probes. */
export function benchKubelets(nodes: number, pods: number): Figure {
  (globalThis as { gc?: () => void }).gc?.();
  const r = benchKubelet(cpuMs, pods, nodes);
  if (r.runningPods !== pods) throw new Error(`kubelet bench: only ${r.runningPods}/${pods} pods running`);
  return { name: `one virtual minute of ${nodes} nodes x ${pods.toLocaleString('en-US')} pods with probes`, cpuMs: r.minuteMs, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 };
}

/** A wget from a pod to a Service name: DNS, kube-proxy, NetworkPolicy and nginx's answer. */
export function benchServiceRequest(): Figure {
  const cluster = createCluster();
  const api = cluster.client();
  const labels = { app: 'web' };
  api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } });
  api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: labels, ports: [{ port: 80 }] } });
  cluster.advance(30_000);
  const net = clusterNetwork(cluster)!;
  const client = cluster.internals.store.list('pods', 'default')[0]!;
  const from = { namespace: 'default', name: client.metadata.name!, ip: client.status.podIP };
  const r = net.request(from, 'http://web', { timeoutMs: 1000 });
  if (!r.ok) throw new Error(`service bench: ${r.error}`);
  return measure('a wget through a Service (per request)', () => net.request(from, 'http://web', { timeoutMs: 1000 }), 2000);
}

export function engineFigures(): Figure[] {
  return [...benchOpenCluster(), benchServiceRequest(), ...benchDeployments(1000), ...benchDeployments(5000), benchKubelets(50, 2000), benchKubelets(200, 8000)];
}

// Run on its own (`npx tsx bench/engine.ts`); in the dist/bench.js bundle every module shares
// import.meta.url, so the usual main-module check would also fire there.
if (process.argv[1]?.endsWith('bench/engine.ts')) report(engineFigures());
