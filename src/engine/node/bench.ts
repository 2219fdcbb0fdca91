/**
 * A micro-benchmark of the kubelets: many running pods with readiness and liveness probes
 * for one virtual minute, timed on the host. Not used by the engine itself.
 */
import { createCluster } from '../cluster.js';

/** Result of a kubelet benchmark run. */
export interface KubeletBenchResult {
  readonly pods: number;
  readonly runningPods: number;
  /** Host milliseconds spent advancing the cluster one virtual minute with all pods running. */
  readonly minuteMs: number;
}

/**
 * Starts `pods` nginx pods (a Deployment with HTTP readiness and liveness probes every 10 s)
 * on `nodes` workers, lets them come up, then times one virtual minute. `hostTime` is the
 * caller's clock (performance.now, or CPU time), since the engine never reads one.
 */
export function benchKubelet(hostTime: () => number, pods = 2000, nodes = 20): KubeletBenchResult {
  const cluster = createCluster(
    { nodes: [{ name: 'controlplane', role: 'control-plane' }, ...Array.from({ length: nodes }, (_, i) => ({ name: `node${String(i + 1).padStart(2, '0')}`, role: 'worker' as const, capacity: { cpu: '64', memory: '256Gi', pods: '250' } }))] },
    { seed: 7 },
  );
  const probe = { httpGet: { path: '/', port: 80 }, periodSeconds: 10 };
  cluster.client().create('deployments', 'default', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'bench' },
    spec: {
      replicas: pods,
      selector: { matchLabels: { app: 'bench' } },
      template: { metadata: { labels: { app: 'bench' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', readinessProbe: probe, livenessProbe: probe }] } },
    },
  });
  cluster.advance(120_000);
  const start = hostTime();
  cluster.advance(60_000);
  const minuteMs = hostTime() - start;
  const runningPods = cluster.internals.store.list('pods', 'default').filter((p) => p.status?.phase === 'Running').length;
  return { pods, runningPods, minuteMs };
}
