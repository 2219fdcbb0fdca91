import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/lessons/loader.js';
import { LessonSession } from '../../src/lessons/session.js';
import { StageHarness } from '../../src/lessons/solutions.js';
import type { Lesson } from '../../src/lessons/types.js';
import { writeCourse } from './course-helpers.js';

// `reachable` without `from` sends through the cluster network from the control-plane
// node, as curl in the learner's terminal would: NodePorts and node names work, Service
// names (CoreDNS is for pods) do not.

const LESSON = `formatVersion: 1
id: 01-reach
title: Reach
area: networking
level: beginner
minutes: 5
setup:
  script: |
    kubectl create deployment web --image=nginx:1.27
    kubectl create service nodeport web --tcp=80:80 --node-port=30080
stages:
  - id: curl
    title: Reach the NodePort
    text: The Service web is a NodePort.
    checks:
      - reachable: {url: 'http://node01:30080', expect: {text: Welcome to nginx!}}
`;

function lesson(): Lesson {
  const root = writeCourse({ 'lessons/01-reach/lesson.yaml': LESSON });
  const r = loadLesson(join(root, 'lessons'), '01-reach');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.lesson;
}

describe('reachable without from', () => {
  it('answers in a session once the pod serves, sent from the control plane', () => {
    const session = LessonSession.open(lesson(), { workspaceRoot: mkdtempSync(join(tmpdir(), 'kubetutor-reach-')) });
    expect(session.evaluate().checks).toEqual([{ type: 'reachable', ok: false, message: 'http://node01:30080 from the control plane failed: refused' }]);
    for (let s = 0; s < 60 && !session.evaluate().passed; s++) session.advance(1000);
    expect(session.evaluate().checks).toEqual([
      { type: 'reachable', ok: true, message: 'http://node01:30080 from the control plane answered 200 with "Welcome to nginx!"' },
    ]);
  });

  it('answers in the verifier harness too', () => {
    const l = lesson();
    const harness = new StageHarness(l);
    harness.open(l.stages[0]!);
    expect(harness.evaluate().passed).toBe(false);
    expect(harness.await(60).evaluation.passed).toBe(true);
  });

  it('does not resolve a Service name: the node has no cluster DNS', () => {
    const base = lesson();
    const harness = new StageHarness(base);
    const stage = { ...base.stages[0]!, checks: [{ type: 'reachable' as const, url: 'http://web' }] };
    harness.open(stage);
    harness.await(30);
    expect(harness.evaluate().checks).toEqual([{ type: 'reachable', ok: false, message: 'http://web from the control plane failed: unresolved' }]);
  });

  it('says so when the session has no network', () => {
    const session = LessonSession.open(lesson(), { workspaceRoot: mkdtempSync(join(tmpdir(), 'kubetutor-reach-')), network: () => undefined });
    expect(session.evaluate().checks[0]).toEqual({ type: 'reachable', ok: false, message: 'http://node01:30080 cannot be probed: no network is attached' });
  });
});
