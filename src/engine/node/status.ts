/**
 * The pod status a kubelet reports (kubelet_pods.go generateAPIPodStatus): phase by
 * getPhase, the five conditions with stable transition times, container statuses in the
 * API's shape, IPs, start time and QoS class.
 */
import { toRfc3339 } from '../clock.js';
import type { KubeObject } from '../api/types.js';
import type { ContainerRuntime, Instance, PodRuntime } from './runtime.js';

type Obj = Record<string, unknown>;

function terminatedOf(inst: Instance): Obj {
  return {
    exitCode: inst.exitCode,
    reason: inst.reason,
    ...(inst.message ? { message: inst.message } : {}),
    startedAt: toRfc3339(inst.startedAt),
    finishedAt: toRfc3339(inst.finishedAt ?? inst.startedAt),
    containerID: `containerd://${inst.id}`,
  };
}

/** The status of one container, in ContainerStatus field order. */
export function containerStatus(c: ContainerRuntime, defaultWaiting: string): Obj {
  const cur = c.current;
  // Until a postStart hook is done the kubelet's sync is blocked: the API shows the status of before.
  const hooked = !!cur?.postStart && cur.exitCode === undefined;
  const running = cur && cur.exitCode === undefined && !hooked;
  let state: Obj;
  let last: Obj = {};
  if (hooked) {
    const w = cur.postStart!.shownWaiting ?? { reason: defaultWaiting };
    state = { waiting: { reason: w.reason, ...(w.message ? { message: w.message } : {}) } };
    if (c.previous) last = { terminated: terminatedOf(c.previous) };
  } else if (running) {
    state = { running: { startedAt: toRfc3339(cur.startedAt) } };
    if (c.previous) last = { terminated: terminatedOf(c.previous) };
  } else if (c.waiting || !cur) {
    const w = c.waiting ?? { reason: defaultWaiting };
    state = { waiting: { reason: w.reason, ...(w.message ? { message: w.message } : {}) } };
    const lastRun = cur ?? c.previous;
    if (lastRun) last = { terminated: terminatedOf(lastRun) };
  } else {
    state = { terminated: terminatedOf(cur) };
    if (c.previous) last = { terminated: terminatedOf(c.previous) };
  }
  const shown = hooked ? c.previous : (cur ?? c.previous);
  return {
    name: c.name,
    state,
    lastState: last,
    ready: c.ready,
    restartCount: c.restartCount,
    image: shown && shown.specImage === c.spec.image ? shown.image.normalized : c.spec.image,
    imageID: shown && shown.specImage === c.spec.image ? shown.image.imageId : '',
    ...(shown ? { containerID: `containerd://${shown.id}` } : {}),
    started: !!running && c.started,
  };
}

type Status = { state: Obj; lastState: Obj };
const has = (s: Status, k: string) => s.state[k] !== undefined;
const lastExit = (s: Status) => (s.lastState['terminated'] as { exitCode?: number } | undefined)?.exitCode;

/** getPhase of kubelet 1.30, over the container statuses just built. */
export function podPhase(pod: KubeObject, init: readonly (Status & { sidecar: boolean })[], app: readonly Status[], terminal: boolean): string {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of init) {
    if (s.sidecar) {
      if (has(s, 'running')) running++;
      else if (has(s, 'waiting') && lastExit(s) === undefined) {
        pendingInit++;
        waiting++;
      }
      continue;
    }
    if (has(s, 'running')) pendingInit++;
    else if (has(s, 'terminated')) {
      if ((s.state['terminated'] as { exitCode: number }).exitCode !== 0) failedInit++;
    } else if (lastExit(s) !== undefined) {
      if (lastExit(s) !== 0) failedInit++;
    } else pendingInit++;
  }
  let appStarted = false;
  for (const s of app) {
    if (has(s, 'running')) running++;
    else if (has(s, 'terminated')) {
      stopped++;
      if ((s.state['terminated'] as { exitCode: number }).exitCode === 0) succeeded++;
    } else if (lastExit(s) !== undefined) stopped++;
    else waiting++;
    if (has(s, 'running') || has(s, 'terminated') || lastExit(s) !== undefined) appStarted = true;
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if ((pendingInit > 0 && !appStarted) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** The pod's QoS class (pkg/apis/core/v1/helper/qos). */
export function qosClass(pod: KubeObject): string {
  const containers: KubeObject['spec'][] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const limits = c.resources?.limits ?? {};
    const requests = { ...limits, ...(c.resources?.requests ?? {}) };
    if (Object.keys(limits).length > 0 || Object.keys(requests).length > 0) any = true;
    for (const r of ['cpu', 'memory']) if (limits[r] === undefined || requests[r] !== limits[r]) guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function condition(prev: readonly Obj[], now: number, type: string, status: boolean, reason?: string, message?: string): Obj {
  const s = status ? 'True' : 'False';
  const old = prev.find((c) => c['type'] === type);
  const since = old && old['status'] === s ? old['lastTransitionTime'] : toRfc3339(now);
  return { type, status: s, lastProbeTime: null, lastTransitionTime: since, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/** Builds the whole status the kubelet would write for the pod now. */
export function buildPodStatus(pod: KubeObject, rt: PodRuntime, now: number, hostIP: string): Obj {
  const hasInit = (pod.spec?.initContainers ?? []).length > 0;
  const defaultWaiting = hasInit ? 'PodInitializing' : 'ContainerCreating';
  const init = rt.containers.filter((c) => c.kind !== 'app');
  const app = rt.containers.filter((c) => c.kind === 'app');
  const initStatuses = init.map((c) => containerStatus(c, defaultWaiting) as Status & Obj);
  const appStatuses = app.map((c) => containerStatus(c, defaultWaiting) as Status & Obj);
  const phase = podPhase(pod, initStatuses.map((s, i) => ({ ...s, sidecar: init[i]!.kind === 'sidecar' })), appStatuses, rt.finished);
  const prev: Obj[] = pod.status?.conditions ?? [];
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const incompleteInit = init.filter((c) => c.kind === 'init' && !(c.current?.exitCode === 0 && !c.waiting)).map((c) => c.name);
  const unready = rt.containers.filter((c) => c.kind !== 'init' && !c.ready).map((c) => c.name);
  const readyCond = (type: string): Obj =>
    completed
      ? condition(prev, now, type, false, 'PodCompleted')
      : unready.length > 0
        ? condition(prev, now, type, false, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`)
        : condition(prev, now, type, true);
  const initialized =
    incompleteInit.length > 0 && !completed
      ? condition(prev, now, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.join(' ')}]`)
      : condition(prev, now, 'Initialized', true, completed && hasInit ? 'PodCompleted' : undefined);
  const scheduled = prev.find((c) => c['type'] === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: toRfc3339(rt.admittedAt) };
  const conditions = [
    condition(prev, now, 'PodReadyToStartContainers', !!rt.ip && !(completed && rt.finished && rt.stopping)),
    initialized,
    readyCond('Ready'),
    readyCond('ContainersReady'),
    scheduled,
  ];
  return {
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(rt.ip ? { podIP: rt.ip, podIPs: [{ ip: rt.ip }] } : {}),
    startTime: toRfc3339(rt.admittedAt),
    ...(init.length > 0 ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: appStatuses,
    qosClass: pod.status?.qosClass ?? qosClass(pod),
    ...(rt.ephemeral.length > 0 ? { ephemeralContainerStatuses: rt.ephemeral.map(ephemeralStatus) } : {}),
  };
}

/** An ephemeral container's status: no probes run for it, so it reports no `started`. */
function ephemeralStatus(c: ContainerRuntime): Obj {
  const { started: _started, ...status } = containerStatus(c, 'ContainerCreating');
  return status;
}
