/**
 * Probe workers on virtual time (pkg/kubelet/prober/worker.go): each probe ticks every
 * periodSeconds from when the pod was admitted, skips until the container has run for
 * initialDelaySeconds, counts successes and failures against the thresholds, and turns
 * the result into readiness, a started container, or a restart.
 */
import type { NodeAgent } from './agent.js';
import { stopContainer } from './containers.js';
import { runProbe } from './probes.js';
import type { ContainerRuntime, ProbeKind, ProbeState, SyncEnv } from './runtime.js';

const PROBE_FIELDS: Record<ProbeKind, string> = { startup: 'startupProbe', liveness: 'livenessProbe', readiness: 'readinessProbe' };
const PROBE_NAMES: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

/** The probe workers a container spec asks for, ticking from `anchor`. */
export function probeStates(spec: Record<string, unknown>, anchor: number): ProbeState[] {
  return (['startup', 'liveness', 'readiness'] as const)
    .filter((k) => spec[PROBE_FIELDS[k]])
    .map((kind) => ({ kind, nextAt: anchor, successes: 0, failures: 0, result: kind === 'liveness', instanceId: undefined, onHold: false }));
}

/** The initial result of a probe for a new container: liveness passes, the others have not yet. */
function resetFor(p: ProbeState, id: string): void {
  p.instanceId = id;
  p.successes = 0;
  p.failures = 0;
  p.onHold = false;
  p.result = p.kind === 'liveness';
}

/** Runs every probe of the container that is due, and schedules the next tick. */
export function runDueProbes(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime): void {
  const { now, pod, rt } = env;
  for (const p of c.probes) {
    const spec = c.spec[PROBE_FIELDS[p.kind]];
    if (!spec) continue;
    const period = Math.max(1, spec.periodSeconds ?? 10) * 1000;
    if (p.nextAt > now) {
      if (c.current && c.current.exitCode === undefined) env.wake(p.nextAt);
      continue;
    }
    p.nextAt += Math.floor((now - p.nextAt) / period + 1) * period;
    const inst = c.current;
    // A container still in its postStart hook is not Running for the prober yet.
    const running = inst && inst.exitCode === undefined && !inst.kill && !inst.postStart;
    if (running) env.wake(p.nextAt);
    if (!running) continue;
    if (p.instanceId !== inst.id) resetFor(p, inst.id);
    if (p.onHold) continue;
    if (p.kind === 'startup' ? c.started : !c.started) continue;
    if (now - inst.startedAt < (spec.initialDelaySeconds ?? 0) * 1000) continue;
    const outcome = runProbe(spec, c.spec, inst, rt.ip ?? '', agent.nodeIP(env.ctx));
    if (outcome.ok) {
      p.failures = 0;
      if (++p.successes >= (spec.successThreshold ?? 1)) p.result = true;
    } else {
      p.successes = 0;
      agent.event(env.ctx, pod, 'Warning', 'Unhealthy', `${PROBE_NAMES[p.kind]} probe failed: ${outcome.output}`, c);
      if (++p.failures >= (spec.failureThreshold ?? 3)) p.result = false;
    }
    applyResult(agent, env, c, p, spec);
  }
}

function applyResult(agent: NodeAgent, env: SyncEnv, c: ContainerRuntime, p: ProbeState, spec: Record<string, unknown> & { terminationGracePeriodSeconds?: number }): void {
  const grace = spec.terminationGracePeriodSeconds ?? env.pod.spec?.terminationGracePeriodSeconds ?? 30;
  switch (p.kind) {
    case 'readiness':
      if (c.ready !== p.result) {
        c.ready = p.result;
        env.rt.dirty = true;
      }
      return;
    case 'startup':
      if (p.result && !c.started) {
        c.started = true;
        env.rt.dirty = true;
        if (!c.probes.some((q) => q.kind === 'readiness')) c.ready = true;
      } else if (!p.result && p.failures >= ((spec.failureThreshold as number) ?? 3)) {
        p.onHold = true;
        stopContainer(agent, env, c, `Container ${c.name} failed startup probe, will be restarted`, grace);
      }
      return;
    case 'liveness':
      if (!p.result) {
        p.onHold = true;
        // The real kubelet writes the pod's status before its synchronous kill, so through the
        // grace period the container still reads Ready (1/1, still in Endpoints) until it dies.
        stopContainer(agent, env, c, `Container ${c.name} failed liveness probe, will be restarted`, grace, { keepReady: true });
      }
      return;
  }
}
