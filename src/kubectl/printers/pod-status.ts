/**
 * A pod's READY, STATUS and RESTARTS cells, computed exactly as the API server's
 * printPod (`pkg/printers/internalversion/printers.go`) does for `kubectl get pods`.
 */
import type { KubeObject } from '../../engine/api/types.js';
import { humanDuration } from './duration.js';

/** The three computed cells of a pod row. */
export interface PodSummary {
  /** `ready/total`, e.g. `1/1`. */
  readonly ready: string;
  /** `Running`, `Init:0/1`, `CrashLoopBackOff`, `Terminating`, ... */
  readonly status: string;
  /** `0`, or `3 (45s ago)` when a restart time is known. */
  readonly restarts: string;
}

// Loose shapes of the status fields printPod reads.
interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; signal?: number; reason?: string; finishedAt?: string };
}
interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}
interface Condition {
  type: string;
  status: string;
  reason?: string;
}

// kubelet's NodeUnreachablePodReason (pkg/util/node).
const NODE_LOST = 'NodeLost';

/** Whether an init container is a sidecar (restartPolicy: Always), which counts as a container. */
export function isRestartableInitContainer(container: { restartPolicy?: string } | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

// Loops rather than find/some/filter: podSummary runs once per row of `get pods -A` on
// thousands of pods, and the callbacks and arrays those allocate showed up in profiles.
function hasCondition(conditions: readonly Condition[], type: string): boolean {
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === type) return conditions[i]!.status === 'True';
  return false;
}

function isSchedulingGated(conditions: readonly Condition[]): boolean {
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'PodScheduled' && conditions[i]!.reason === 'SchedulingGated') return true;
  return false;
}

function initSpecNamed(specs: readonly { name: string; restartPolicy?: string }[], name: string): { restartPolicy?: string } | undefined {
  for (let i = 0; i < specs.length; i++) if (specs[i]!.name === name) return specs[i];
  return undefined;
}

const NONE: readonly never[] = [];

// The newest lastState.terminated.finishedAt seen, as epoch ms (0 = none).
function newerRestart(latest: number, status: ContainerStatus): number {
  const finished = status.lastState?.terminated?.finishedAt;
  if (!finished) return latest;
  const t = Date.parse(finished);
  return Number.isNaN(t) ? latest : Math.max(latest, t);
}

/** What printPod computes from the pod alone; only the RESTARTS cell also needs the clock. */
export interface PodState {
  /** `ready/total`, e.g. `1/1`. */
  readonly ready: string;
  /** `Running`, `Init:0/1`, `CrashLoopBackOff`, `Terminating`, ... */
  readonly status: string;
  /** Restarts counted toward RESTARTS. */
  readonly restarts: number;
  /** The newest restart's finish time in epoch ms, 0 when none is known. */
  readonly lastRestart: number;
}

/** Computes READY, STATUS and RESTARTS for one pod at time `now` (epoch ms). */
export function podSummary(pod: KubeObject, now: number): PodSummary {
  const state = podState(pod);
  return { ready: state.ready, status: state.status, restarts: restartsCell(state.restarts, state.lastRestart, now) };
}

/** RESTARTS: the count, with `(45s ago)` when the newest restart's time is known. */
export function restartsCell(restarts: number, lastRestart: number, now: number): string {
  if (restarts !== 0 && lastRestart !== 0) return `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return String(restarts);
}

/** The clock-free part of podSummary: READY, STATUS, and the restart count and time. */
export function podState(pod: KubeObject): PodState {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const conditions: readonly Condition[] = status.conditions ?? NONE;
  const initSpecs: readonly { name: string; restartPolicy?: string }[] = spec?.initContainers ?? NONE;

  let total: number = (spec?.containers ?? NONE).length;
  for (let i = 0; i < initSpecs.length; i++) if (isRestartableInitContainer(initSpecs[i])) total++;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  let reason: string = status.phase ?? '';
  if (status.reason) reason = status.reason;
  if (isSchedulingGated(conditions)) reason = 'SchedulingGated';

  // Init containers: the first one that has not completed decides the status.
  let initializing = false;
  const initStatuses: readonly ContainerStatus[] = status.initContainerStatuses ?? NONE;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const sidecar = isRestartableInitContainer(initSpecNamed(initSpecs, c.name));
    restarts += c.restartCount ?? 0;
    lastRestart = newerRestart(lastRestart, c);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = newerRestart(lastSidecarRestart, c);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(conditions, 'Initialized')) {
    // Once initialized only sidecar restarts still count among the init containers.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: readonly ContainerStatus[] = status.containerStatuses ?? NONE;
    // Last to first, so the first container in spec order has the final word.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = newerRestart(lastRestart, c);
      const state = c.state;
      const waiting = state?.waiting;
      const terminated = state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (c.ready && state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A finished container beside a running one: the pod is still running.
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = Boolean(pod.metadata.deletionTimestamp);
  if (deleting && status.reason === NODE_LOST) {
    reason = 'Unknown';
  } else if (deleting && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    reason = 'Terminating';
  }

  return { ready: `${ready}/${total}`, status: reason, restarts, lastRestart };
}
