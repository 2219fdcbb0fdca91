/**
 * pods/log and pods/exec as the kubelet serves them: logs per container instance (current
 * or previous) with the kubelet's validateContainerLogStatus errors, and exec through the
 * process model in the container's filesystem, environment and network.
 */
import { badRequest } from '../api/errors.js';
import type { ExecOptions, ExecResult, LogOptions, PodConnector } from '../api/client.js';
import { fail, ok, type KubeObject, type Result } from '../api/types.js';
import type { NodeAgent } from './agent.js';
import { exec } from './process/index.js';
import type { LogLine } from './runtime.js';

/** Virtual time a `kubectl exec` command may run before it is cut off. */
const EXEC_BUDGET_MS = 60_000;

type Agents = (node: string) => NodeAgent | undefined;

/** RFC3339Nano with nine digits, as the kubelet's log timestamps are written. */
export function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

interface Cs {
  name: string;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: { containerID?: string } };
  lastState?: { terminated?: { containerID?: string } };
  containerID?: string;
}

/** Which instance a log request reads, or the kubelet's error. */
function pickInstance(pod: KubeObject, container: string, previous: boolean): Result<'current' | 'previous'> {
  const podName = pod.metadata.name!;
  const statuses: Cs[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])];
  const cs = statuses.find((s) => s.name === container);
  if (!cs) {
    const known = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].some((c: { name: string }) => c.name === container);
    if (!known) return fail(badRequest(`container ${container} is not valid for pod ${podName}`));
    return fail(badRequest(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`));
  }
  const last = cs.lastState?.terminated;
  const { waiting, running, terminated } = cs.state ?? {};
  if (previous) {
    if (!last?.containerID) return fail(badRequest(`previous terminated container "${container}" in pod "${podName}" not found`));
    return ok('previous');
  }
  if (running) return ok('current');
  if (terminated) return ok('current');
  if (last?.containerID) return ok('current');
  if (waiting) {
    const reason = waiting.reason ?? '';
    if (reason === 'ErrImagePull') return fail(badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`));
    if (reason === 'ImagePullBackOff') return fail(badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`));
    return fail(badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`));
  }
  return fail(badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`));
}

function defaultContainer(pod: KubeObject, name: string | undefined): string {
  return name ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec?.containers?.[0]?.name ?? '';
}

function formatLogs(lines: readonly LogLine[], opts: LogOptions, now: number): string {
  let out = lines;
  if (opts.sinceSeconds !== undefined) out = out.filter((l) => l.time >= now - opts.sinceSeconds! * 1000);
  if (opts.tailLines !== undefined && opts.tailLines >= 0) out = out.slice(Math.max(0, out.length - opts.tailLines));
  return out.map((l) => (opts.timestamps ? `${logTimestamp(l.time)} ${l.text}\n` : `${l.text}\n`)).join('');
}

/** The connector the API server uses for pods/log and pods/exec. */
export function createPodConnector(agents: Agents, now: () => number): PodConnector {
  const runtimeOf = (pod: KubeObject) => {
    const agent = pod.spec?.nodeName ? agents(pod.spec.nodeName) : undefined;
    const rt = agent?.pods.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    return rt && rt.uid === pod.metadata.uid ? rt : undefined;
  };
  const containerOf = (pod: KubeObject, name: string) => {
    const rt = runtimeOf(pod);
    return rt?.containers.find((x) => x.name === name) ?? rt?.ephemeral.find((x) => x.name === name);
  };
  return {
    logs(pod, opts) {
      const container = defaultContainer(pod, opts.container);
      const which = pickInstance(pod, container, !!opts.previous);
      if (!which.ok) return which;
      const c = containerOf(pod, container);
      const inst = which.value === 'previous' ? (c?.current && c.current.exitCode !== undefined && c.waiting ? c.current : c?.previous) : c?.current ?? c?.previous;
      return ok(formatLogs(inst?.logs ?? [], opts, now()));
    },
    exec(pod, opts: ExecOptions): Result<ExecResult> {
      const container = defaultContainer(pod, opts.container);
      const c = containerOf(pod, container);
      const inst = c?.current;
      if (!inst || inst.exitCode !== undefined || !inst.process) return fail(badRequest(`unable to upgrade connection: container not found ("${container}")`));
      if (inst.wakeAt === undefined) inst.clock = Math.max(inst.clock, now());
      const r = exec(opts.command, inst.host, inst.image, { budgetMs: EXEC_BUDGET_MS, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}) });
      return ok({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
    },
  };
}
