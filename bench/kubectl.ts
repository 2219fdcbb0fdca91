/**
 * kubectl figures (issue 4): `get pods -A` on 5,000 pods, `describe pod` on a pod with
 * events, `apply -f` of a 20-object file, and a 200-line script end to end. Each figure
 * is CPU time of the call alone; building the cluster it runs on is not counted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../src/engine/api/types.js';
import { createCluster, type Cluster } from '../src/engine/cluster.js';
import type { ClusterSpec } from '../src/engine/spec.js';
import { createKubectlEnv, outputText, runKubectlLine, type KubectlEnv } from '../src/kubectl/index.js';
import { runScript } from '../src/script/run.js';
import type { Figure } from './measure.js';
import { cpuPerCall, reportTargets, withTarget, type TargetFigure } from './targets.js';

const NAMESPACES = 10;

function workers(count: number): ClusterSpec {
  const nodes = Array.from({ length: count }, (_, i) => ({ name: `node${String(i + 1).padStart(2, '0')}`, capacity: { cpu: '64', memory: '256Gi', pods: '250' } }));
  return { nodes: [{ name: 'controlplane', role: 'control-plane' }, ...nodes] };
}

function deployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } } },
  };
}

/**
 * 5,000 pods from 500 Deployments across 10 namespaces, scheduled by the real scheduler;
 * no kubelets run (they would cost seconds), so each pod gets the Running status a
 * kubelet would write, through the API.
 */
export function bigCluster(pods = 5000): Cluster {
  const cluster = createCluster(workers(25), { seed: 1, kubelets: false });
  const api = cluster.client();
  for (let n = 0; n < NAMESPACES; n++) api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team${n}` } });
  for (let i = 0; i < pods / 10; i++) api.create('deployments', `team${i % NAMESPACES}`, deployment(`app${i}`, 10));
  cluster.advance(5_000);
  const list = api.list('pods', {});
  if (!list.ok) throw new Error(list.error.message);
  let ip = 0;
  for (const pod of list.value.items) {
    if (pod.metadata.namespace === 'kube-system' || !pod.spec?.nodeName) continue;
    const at = new Date(cluster.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const address = `10.244.${(ip >> 8) & 255}.${ip++ & 255}`;
    const status = {
      ...pod.status,
      phase: 'Running',
      podIP: address,
      podIPs: [{ ip: address }],
      startTime: at,
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: at })),
      containerStatuses: [{ name: 'web', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.25', imageID: '', containerID: `containerd://${ip}`, state: { running: { startedAt: at } } }],
    };
    const r = api.updateStatus('pods', pod.metadata.namespace, { ...pod, status });
    if (!r.ok) throw new Error(r.error.message);
  }
  cluster.advance(60_000);
  return cluster;
}

function run(env: KubectlEnv, line: string): string {
  const r = runKubectlLine(line, env);
  if (r.exitCode !== 0) throw new Error(`${line}: ${outputText(r.output)}`);
  return outputText(r.output);
}

/** `kubectl get pods -A` on 5,000 pods, and `-o wide`. */
export function benchGet(cluster: Cluster): TargetFigure[] {
  const env = createKubectlEnv(cluster);
  const rows = run(env, 'kubectl get pods -A').split('\n').length - 2;
  return [
    withTarget(cpuPerCall(`kubectl get pods -A on ${rows} pods (per call)`, () => run(env, 'kubectl get pods -A'), 20), 20),
    cpuPerCall(`kubectl get pods -A -o wide on ${rows} pods (per call; no target)`, () => run(env, 'kubectl get pods -A -o wide'), 20),
    cpuPerCall(`kubectl get pods -A --sort-by=.status.startTime (per call; no target)`, () => run(env, 'kubectl get pods -A --sort-by=.status.startTime'), 10),
  ];
}

/** A Deployment's pod on the default cluster with kubelets: scheduled, pulled, created, started. */
export function benchDescribe(busy: Cluster): TargetFigure[] {
  const cluster = createCluster(undefined, { seed: 1 });
  const env = createKubectlEnv(cluster);
  run(env, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
  cluster.advance(30_000);
  const pod = run(env, 'kubectl get pods -l app=web -o name').split('\n')[0]!.replace('pod/', '');
  const text = run(env, `kubectl describe pod ${pod}`);
  const events = text.slice(text.indexOf('Events:')).split('\n').length - 4;
  if (events < 4) throw new Error(`describe pod: expected Scheduled/Pulling/Pulled/Created/Started events, got:\n${text}`);
  const busyEnv = createKubectlEnv(busy, { namespace: 'team3' });
  const busyPod = run(busyEnv, 'kubectl get pods -o name').split('\n')[0]!.replace('pod/', '');
  return [
    withTarget(cpuPerCall(`kubectl describe pod (Deployment pod, ${events} events) (per call)`, () => run(env, `kubectl describe pod ${pod}`), 200), 2),
    cpuPerCall(`kubectl describe pod on the 5,000-pod cluster (per call; no target)`, () => run(busyEnv, `kubectl describe pod ${busyPod}`), 50),
  ];
}

/** A 20-object manifest: 5 apps, each a ConfigMap, Secret, Deployment and Service. */
export function twentyObjects(): string {
  const docs: string[] = [];
  for (let i = 0; i < 5; i++) {
    docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app${i}-config\ndata:\n  LOG_LEVEL: info\n  GREETING: hello\n`);
    docs.push(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: app${i}-secret\ntype: Opaque\nstringData:\n  password: s3cret\n`);
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\n  labels:\n    app: app${i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: app${i}\n  template:\n    metadata:\n      labels:\n        app: app${i}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.25\n        ports:\n        - containerPort: 80\n        envFrom:\n        - configMapRef:\n            name: app${i}-config\n        resources:\n          requests:\n            cpu: 50m\n            memory: 64Mi\n`,
    );
    docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: app${i}\nspec:\n  selector:\n    app: app${i}\n  ports:\n  - port: 80\n    targetPort: 80\n`);
  }
  return docs.join('---\n');
}

/** `kubectl apply -f` of a 20-object file: creating everything, then re-applying (all unchanged). */
export function benchApply(): TargetFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'kubetutor-bench-'));
  writeFileSync(join(dir, 'app.yaml'), twentyObjects());
  const cluster = createCluster(undefined, { seed: 1 });
  const env = createKubectlEnv(cluster, { cwd: dir });
  const times = 30; // plus one warm-up call
  for (let i = 0; i <= times; i++) run(env, `kubectl create namespace bench${i}`);
  let i = 0;
  const create = cpuPerCall('kubectl apply -f of a 20-object file, creating (per call)', () => run(env, `kubectl apply -f app.yaml -n bench${i++}`), times);
  const created = run(env, 'kubectl get all -n bench0 --no-headers').split('\n').length;
  if (created < 10) throw new Error('apply created too little');
  i = 0;
  const again = cpuPerCall('kubectl apply -f of a 20-object file, all unchanged (per call)', () => run(env, `kubectl apply -f app.yaml -n bench${i++}`), times);
  return [withTarget(create, 10), withTarget(again, 10)];
}

/** A 200-line script of the kind lessons and their solutions are made of. */
export function twoHundredLines(): string {
  const lines: string[] = ['kubectl create namespace shop', 'kubectl config set-context --current --namespace=shop'];
  for (let i = 0; lines.length < 200; i++) {
    const app = `web${i}`;
    lines.push(
      `kubectl create deployment ${app} --image=nginx:1.25 --replicas=2`,
      `kubectl expose deployment ${app} --port=80`,
      'sleep 5',
      `kubectl get deployment ${app}`,
      `kubectl get pods -l app=${app} -o wide`,
      `kubectl describe deployment ${app}`,
      `kubectl scale deployment ${app} --replicas=3`,
      `kubectl label deployment ${app} tier=frontend`,
      `kubectl set image deployment/${app} nginx=nginx:1.26`,
      `kubectl rollout status deployment/${app} --timeout=60s`,
      `kubectl get svc ${app} -o yaml`,
      `kubectl get endpoints ${app}`,
      `kubectl create configmap ${app}-config --from-literal=mode=prod`,
      `kubectl get configmap ${app}-config -o jsonpath='{.data.mode}'`,
      `kubectl annotate deployment ${app} owner=shop`,
      'kubectl get all',
      `kubectl rollout history deployment/${app}`,
      'kubectl get events --sort-by=.lastTimestamp',
      `kubectl delete configmap ${app}-config`,
      `kubectl get deployment ${app} -o jsonpath='{.status.readyReplicas}'`,
    );
  }
  return `${lines.slice(0, 200).join('\n')}\n`;
}

/** runScript of a 200-line script end to end (fresh cluster included). */
export function benchScript(): TargetFigure[] {
  const text = twoHundredLines();
  const first = runScript(text);
  if (!first.ok) throw new Error(first.error);
  const failed = first.results.filter((r) => r.exitCode !== 0);
  if (failed.length > 0) throw new Error(`script lines failed:\n${failed.map((r) => `${r.step.raw}\n${outputText(r.output)}`).join('\n')}`);
  const boot = cpuPerCall('  of which: createCluster (the fresh default cluster)', () => createCluster(undefined, { seed: 1 }), 5);
  return [withTarget(cpuPerCall(`runScript of a ${first.results.length}-line script, end to end (per run)`, () => runScript(text), 5), 300), boot];
}

export function kubectlFigures(): TargetFigure[] {
  const cluster = bigCluster();
  return [...benchGet(cluster), ...benchDescribe(cluster), ...benchApply(), ...benchScript()];
}

// Run on its own (`npx tsx bench/kubectl.ts`); in the dist/bench.js bundle every module shares
// import.meta.url, so the usual main-module check would also fire there.
if (process.argv[1]?.endsWith('bench/kubectl.ts')) reportTargets(kubectlFigures());
