/**
 * Transcript helpers for the ops verbs: a default cluster, a kubectl session over it, and
 * (until the real kubelet is registered by default) a stand-in kubelet that starts a
 * bound pod two seconds after it is scheduled, leaves images tagged `nope` failing to
 * pull, and finishes pod deletions a second after they are asked for.
 */
import type { Controller } from '../../../../src/engine/controllers/types.js';
import { createCluster, type Cluster } from '../../../../src/engine/cluster.js';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { createKubectlEnv, runKubectlLine, streamText, outputText, type KubectlEnvOptions } from '../../../../src/kubectl/index.js';

const START_DELAY_MS = 2000;

/** A stand-in kubelet: enough pod lifecycle for rollout, wait and drain transcripts. */
export function fakeKubelet(): Controller {
  return {
    name: 'kubelet',
    watches: ['pods'],
    keysFor: (e) => [`${e.object.metadata.namespace}/${e.object.metadata.name}`],
    sync(key, ctx) {
      const [namespace, name] = key.split('/') as [string, string];
      const pod = ctx.store.get('pods', namespace, name);
      if (!pod?.spec?.nodeName) return;
      const now = ctx.clock.now();
      if (pod.metadata.deletionTimestamp) {
        const due = Date.parse(pod.metadata.deletionTimestamp) + 1000;
        if (now >= due) ctx.finalizeDelete('pods', namespace, name);
        else ctx.requeueAfter(key, due - now);
        return;
      }
      if (pod.status?.phase === 'Running') return;
      const containers = pod.spec.containers as { name: string; image: string }[];
      const broken = containers.some((c) => c.image.endsWith(':nope'));
      const created = Date.parse(pod.metadata.creationTimestamp!);
      if (!broken && now < created + START_DELAY_MS) {
        ctx.requeueAfter(key, created + START_DELAY_MS - now);
        return;
      }
      const stamp = ctx.clock.nowRfc3339();
      const status = broken
        ? {
            phase: 'Pending',
            conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: stamp }],
            containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } })),
          }
        : {
            phase: 'Running',
            podIP: '10.244.1.9',
            startTime: stamp,
            conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: stamp }],
            containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, ready: true, started: true, restartCount: 0, state: { running: { startedAt: stamp } } })),
          };
      if (JSON.stringify(pod.status?.containerStatuses) === JSON.stringify(status.containerStatuses)) return;
      ctx.client.updateStatus('pods', namespace, { ...structuredClone(pod), status: { ...pod.status, ...status } } as KubeObject);
    },
  };
}

/** What one kubectl line printed. */
export interface Printed {
  readonly out: string;
  readonly err: string;
  /** Both streams in write order. */
  readonly text: string;
  readonly code: number;
}

/** A cluster with a kubectl session; `k('rollout status deploy/web')` runs a line. */
export interface Session {
  readonly cluster: Cluster;
  k(line: string): Printed;
  create(resource: string, obj: Omit<KubeObject, 'metadata'> & { metadata: Partial<KubeObject['metadata']> }, namespace?: string): KubeObject;
}

/** A default cluster (controlplane, node01, node02) with the stand-in kubelet, the real kubelets, or none. */
export function session(opts: KubectlEnvOptions & { kubelet?: 'fake' | 'real' | 'none' } = {}): Session {
  const cluster = createCluster(undefined, { kubelets: opts.kubelet === 'real' });
  if ((opts.kubelet ?? 'fake') === 'fake') cluster.internals.addController(fakeKubelet());
  cluster.settle();
  const env = { ...createKubectlEnv(cluster, opts), ...(opts.kubelet === 'none' ? { metrics: undefined } : {}) };
  return {
    cluster,
    k(line) {
      const r = runKubectlLine(line, env);
      return { out: streamText(r.output, 'stdout'), err: streamText(r.output, 'stderr'), text: outputText(r.output), code: r.exitCode };
    },
    create(resource, obj, namespace = 'default') {
      const r = cluster.client().create(resource, namespace, obj as KubeObject);
      if (!r.ok) throw new Error(r.error.message);
      cluster.settle();
      return r.value.object;
    },
  };
}

/** A Deployment manifest: `replicas` pods of one container `app` running `image`. */
export function deployment(name: string, image: string, replicas = 3): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

/** Sets a Deployment's image through the API, as `kubectl set image` would. */
export function setImage(s: Session, name: string, image: string): void {
  const r = s.cluster.client().patch('deployments', 'default', name, { spec: { template: { spec: { containers: [{ name: 'app', image }] } } } }, 'strategic');
  if (!r.ok) throw new Error(r.error.message);
  s.cluster.settle();
}
