import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster.js';
import { createKubectlEnv } from '../../src/kubectl/index.js';
import { gradeSubmission } from '../../src/lessons/grade.js';
import { loadLesson } from '../../src/lessons/loader.js';
import { runScriptText } from '../../src/lessons/steps.js';
import { formatVerifyReport, verifyLessons } from '../../src/lessons/verify.js';
import { writeCourse } from './course-helpers.js';

// A solution line written `! kubectl ...` is a command the learner is meant to see fail.

describe('a `!` step in a script', () => {
  const env = () => createKubectlEnv(createCluster(undefined, { seed: 1 }), { cwd: '/tmp' });

  it.each([
    ['a refused command is fine', '! kubectl get pods nope', { exitCode: 1, negated: true, command: 'kubectl get pods nope' }, undefined],
    ['a command that succeeds is the error', '! kubectl get namespaces default', { exitCode: 0, negated: true, command: 'kubectl get namespaces default' }, 'line 1: `! kubectl get namespaces default` was expected to fail but exited 0: NAME      STATUS   AGE'],
    ['without `!`, a refusal is the error', 'kubectl get pods nope', { exitCode: 1, negated: false, command: 'kubectl get pods nope' }, 'line 1: `kubectl get pods nope` exited 1: Error from server (NotFound): pods "nope" not found'],
  ])('%s', (_name, line, step, failure) => {
    const run = runScriptText(`${line}\n`, env(), { stopOnError: true });
    expect(run.steps[0]).toMatchObject(step);
    expect(run.failure?.message.split('\n')[0]).toBe(failure);
  });

  it('stops a solution at a `!` command that succeeded', () => {
    const run = runScriptText('! kubectl get namespaces default\nkubectl create namespace after\n', env(), { stopOnError: true });
    expect(run.steps.map((s) => s.command)).toEqual(['kubectl get namespaces default']);
  });

  it('feeds a heredoc to the command after `!`', () => {
    const run = runScriptText("! kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\nEOF\n", env(), { stopOnError: true });
    expect(run.failure).toBeUndefined();
    expect(run.steps[0]!.output).toBe('The Pod "p" is invalid: spec.containers[0].image: Required value\n');
  });
});

const LESSON = `formatVersion: 1
id: 01-refused
title: Refused
area: basics
level: beginner
minutes: 5
stages:
  - id: refused
    title: See a refusal
    text: Apply lost.yaml and read why it is refused.
    files:
      - path: lost.yaml
        content: |
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: lost, namespace: nowhere}
    checks:
      - commandRan: {pattern: 'apply -f lost\\.yaml', exitCode: 1}
`;

describe('verifying a stage whose solution is meant to fail', () => {
  it('passes when the learner-visible command fails and counts for commandRan', () => {
    const root = writeCourse({ 'lessons/01-refused/lesson.yaml': LESSON, 'solutions/01-refused/refused.sh': '! kubectl apply -f lost.yaml\n' });
    const report = verifyLessons(join(root, 'lessons'));
    expect(formatVerifyReport(report)).toBe('✓ 01-refused/refused  fails before, passes after 0s\nverified 1 stage in 1 lesson\n');
  });

  it('fails when the command expected to fail went through', () => {
    const root = writeCourse({
      'lessons/01-refused/lesson.yaml': LESSON,
      'solutions/01-refused/refused.sh': 'kubectl create namespace nowhere\n! kubectl apply -f lost.yaml\n',
    });
    const report = verifyLessons(join(root, 'lessons'));
    expect(report.lessons[0]!.stages[0]!.message).toBe('solution line 2: `! kubectl apply -f lost.yaml` was expected to fail but exited 0: configmap/lost created');
  });

  it('grades the command as typed, without the `!`', () => {
    const root = writeCourse({ 'lessons/01-refused/lesson.yaml': LESSON });
    const loaded = loadLesson(join(root, 'lessons'), '01-refused');
    if (!loaded.ok) throw new Error('fixture lesson does not load');
    const graded = gradeSubmission('! kubectl apply -f lost.yaml\n', loaded.lesson);
    expect(graded).toMatchObject({ passed: true, commands: [{ line: 'kubectl apply -f lost.yaml', exitCode: 1 }] });
  });
});
