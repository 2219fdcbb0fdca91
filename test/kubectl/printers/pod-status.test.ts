import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { podSummary } from '../../../src/kubectl/printers/pod-status.js';

const NOW = Date.parse('2024-07-01T10:00:00Z');
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

type State = Record<string, unknown>;
const running: State = { running: { startedAt: ago(60) } };
const waiting = (reason: string): State => ({ waiting: { reason } });
const terminated = (reason: string | undefined, exitCode: number, signal?: number): State => ({
  terminated: { exitCode, ...(reason ? { reason } : {}), ...(signal ? { signal } : {}), finishedAt: ago(10) },
});

interface Fixture {
  phase?: string;
  reason?: string;
  containers?: { state: State; ready?: boolean; restartCount?: number; lastState?: State }[];
  init?: { state: State; ready?: boolean; started?: boolean; restartCount?: number; sidecar?: boolean; lastState?: State }[];
  conditions?: { type: string; status: string; reason?: string }[];
  deleting?: boolean;
}

function pod(f: Fixture): KubeObject {
  const containers = f.containers ?? [];
  const init = f.init ?? [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: ago(100), ...(f.deleting ? { deletionTimestamp: ago(1) } : {}) },
    spec: {
      containers: containers.map((_, i) => ({ name: `c${i}`, image: 'nginx' })),
      initContainers: init.map((c, i) => ({ name: `i${i}`, image: 'busybox', ...(c.sidecar ? { restartPolicy: 'Always' } : {}) })),
    },
    status: {
      phase: f.phase ?? 'Running',
      ...(f.reason ? { reason: f.reason } : {}),
      conditions: f.conditions ?? [],
      containerStatuses: containers.map((c, i) => ({ name: `c${i}`, ready: c.ready ?? false, restartCount: c.restartCount ?? 0, state: c.state, lastState: c.lastState ?? {} })),
      initContainerStatuses: init.map((c, i) => ({
        name: `i${i}`, ready: c.ready ?? false, restartCount: c.restartCount ?? 0, state: c.state, lastState: c.lastState ?? {},
        ...(c.started !== undefined ? { started: c.started } : {}),
      })),
    },
  };
}

describe('podSummary STATUS', () => {
  it.each<[string, Fixture, string]>([
    ['pending with no statuses', { phase: 'Pending' }, 'Pending'],
    ['creating', { phase: 'Pending', containers: [{ state: waiting('ContainerCreating') }] }, 'ContainerCreating'],
    ['running', { containers: [{ state: running, ready: true }] }, 'Running'],
    ['crash loop', { containers: [{ state: waiting('CrashLoopBackOff'), restartCount: 3 }] }, 'CrashLoopBackOff'],
    ['image pull back-off', { phase: 'Pending', containers: [{ state: waiting('ImagePullBackOff') }] }, 'ImagePullBackOff'],
    ['errored', { containers: [{ state: terminated('Error', 1) }] }, 'Error'],
    ['OOM killed', { containers: [{ state: terminated('OOMKilled', 137) }] }, 'OOMKilled'],
    ['completed', { phase: 'Succeeded', containers: [{ state: terminated('Completed', 0) }] }, 'Completed'],
    ['exit code without reason', { containers: [{ state: terminated(undefined, 3) }] }, 'ExitCode:3'],
    ['signal without reason', { containers: [{ state: terminated(undefined, 137, 9) }] }, 'Signal:9'],
    ['init exited 0 by signal counts as done', { init: [{ state: terminated(undefined, 0, 15) }], containers: [{ state: running, ready: true }] }, 'Running'],
    ['first container wins', { containers: [{ state: waiting('ErrImagePull') }, { state: waiting('CrashLoopBackOff') }] }, 'ErrImagePull'],
    ['completed beside running, ready', { containers: [{ state: terminated('Completed', 0) }, { state: running, ready: true }], conditions: [{ type: 'Ready', status: 'True' }] }, 'Running'],
    ['completed beside running, not ready', { containers: [{ state: terminated('Completed', 0) }, { state: running, ready: true }] }, 'NotReady'],
    ['evicted', { phase: 'Failed', reason: 'Evicted' }, 'Evicted'],
    ['scheduling gated', { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }, 'SchedulingGated'],
    ['init waiting', { phase: 'Pending', init: [{ state: waiting('PodInitializing') }, { state: waiting('PodInitializing') }], containers: [{ state: waiting('PodInitializing') }] }, 'Init:0/2'],
    ['second init running', { phase: 'Pending', init: [{ state: terminated('Completed', 0) }, { state: running }], containers: [{ state: waiting('PodInitializing') }] }, 'Init:1/2'],
    ['init crash loop', { phase: 'Pending', init: [{ state: waiting('CrashLoopBackOff') }], containers: [{ state: waiting('PodInitializing') }] }, 'Init:CrashLoopBackOff'],
    ['init error', { phase: 'Pending', init: [{ state: terminated('Error', 1) }], containers: [{ state: waiting('PodInitializing') }] }, 'Init:Error'],
    ['init exit code', { phase: 'Pending', init: [{ state: terminated(undefined, 2) }], containers: [{ state: waiting('PodInitializing') }] }, 'Init:ExitCode:2'],
    ['init signal', { phase: 'Pending', init: [{ state: terminated(undefined, 143, 15) }], containers: [{ state: waiting('PodInitializing') }] }, 'Init:Signal:15'],
    ['started sidecar does not block', { init: [{ state: running, started: true, ready: true, sidecar: true }], containers: [{ state: running, ready: true }] }, 'Running'],
    ['terminating', { containers: [{ state: running, ready: true }], deleting: true }, 'Terminating'],
    ['terminating but finished', { phase: 'Succeeded', containers: [{ state: terminated('Completed', 0) }], deleting: true }, 'Completed'],
    ['node lost', { reason: 'NodeLost', containers: [{ state: running, ready: true }], deleting: true }, 'Unknown'],
  ])('%s → %s', (_name, fixture, expected) => {
    expect(podSummary(pod(fixture), NOW).status).toBe(expected);
  });
});

describe('podSummary READY', () => {
  it.each<[string, Fixture, string]>([
    ['one ready', { containers: [{ state: running, ready: true }] }, '1/1'],
    ['ready but not running', { containers: [{ state: waiting('CrashLoopBackOff'), ready: true }] }, '0/1'],
    ['two, one ready', { containers: [{ state: running, ready: true }, { state: running }] }, '1/2'],
    ['sidecar counts in the total and when ready', { init: [{ state: running, started: true, ready: true, sidecar: true }], containers: [{ state: running, ready: true }] }, '2/2'],
    ['plain init container does not count', { init: [{ state: terminated('Completed', 0) }], containers: [{ state: running, ready: true }] }, '1/1'],
  ])('%s → %s', (_name, fixture, expected) => {
    expect(podSummary(pod(fixture), NOW).ready).toBe(expected);
  });
});

describe('podSummary RESTARTS', () => {
  it('shows the count alone when no restart time is known', () => {
    expect(podSummary(pod({ containers: [{ state: running, ready: true, restartCount: 2 }] }), NOW).restarts).toBe('2');
  });

  it('adds how long ago the last container terminated', () => {
    const p = pod({ containers: [{ state: waiting('CrashLoopBackOff'), restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(45) } } }] });
    expect(podSummary(p, NOW).restarts).toBe('3 (45s ago)');
  });

  it('counts init container restarts only while initializing', () => {
    const initializing = pod({ phase: 'Pending', init: [{ state: waiting('CrashLoopBackOff'), restartCount: 4 }], containers: [{ state: waiting('PodInitializing') }] });
    expect(podSummary(initializing, NOW).restarts).toBe('4');
    const done = pod({ init: [{ state: terminated('Completed', 0), restartCount: 4 }], containers: [{ state: running, ready: true, restartCount: 1 }] });
    expect(podSummary(done, NOW).restarts).toBe('1');
  });

  it('always counts sidecar restarts', () => {
    const p = pod({ init: [{ state: running, started: true, ready: true, sidecar: true, restartCount: 2 }], containers: [{ state: running, ready: true, restartCount: 1 }] });
    expect(podSummary(p, NOW).restarts).toBe('3');
  });
});
