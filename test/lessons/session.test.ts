import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputText } from '../../src/kubectl/index.js';
import { loadLesson } from '../../src/lessons/loader.js';
import { LessonSession, type StageOutcome } from '../../src/lessons/session.js';
import type { Lesson } from '../../src/lessons/types.js';
import { ProgressStore } from '../../src/progress/store.js';

const ROOT = 'test/fixtures/lessons';
const SOLUTIONS = 'test/fixtures/solutions';

function basics(): Lesson {
  const r = loadLesson(ROOT, '01-basics');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.lesson;
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'kubetutor-session-'));
}

// Plays a stage's solution at the prompt, then lets time pass a second at a time until the stage passes.
function solve(session: LessonSession, stageId: string): StageOutcome {
  const lines = readFileSync(join(SOLUTIONS, '01-basics', `${stageId}.sh`), 'utf8').trim().split('\n');
  for (const line of lines) {
    if (line.startsWith('answer ')) session.answer(line.slice('answer '.length));
    else {
      const r = session.runCommand(line);
      expect({ line, exitCode: r.exitCode, output: outputText(r.output) }).toEqual({ line, exitCode: 0, output: expect.any(String) });
    }
  }
  for (let s = 0; s < 120; s++) {
    const outcome = session.next();
    if (outcome !== 'pending') return outcome;
    session.advance(1000);
  }
  return 'pending';
}

function podNames(session: LessonSession): string[] {
  const r = session.cluster.client().list('pods', { namespace: 'default' });
  return r.ok ? r.value.items.map((p) => p.metadata.name!) : [];
}

describe('a lesson session', () => {
  it('plays the fixture lesson stage by stage, each passing in order', () => {
    const session = LessonSession.open(basics(), { workspaceRoot: scratch() });
    expect(readFileSync(join(session.workspace, 'web.yaml'), 'utf8')).toContain('name: web');
    expect(session.evaluate()).toEqual({
      passed: false,
      checks: [
        { type: 'exists', ok: false, message: 'deployment/web does not exist yet' },
        { type: 'podsReady', ok: false, message: '0/2 pods with app=web are ready' },
      ],
    });
    expect(session.next()).toBe('pending');
    expect(solve(session, 'create')).toBe('stage-passed');
    expect(session.stage?.id).toBe('scale');
    expect(solve(session, 'scale')).toBe('stage-passed');
    expect(session.stage?.id).toBe('quiz');
    expect(session.answer('a')).toBe(false);
    expect(solve(session, 'quiz')).toBe('stage-passed');
    expect(solve(session, 'expose')).toBe('lesson-complete');
    expect(session.complete).toBe(true);
    expect(session.stageRecords.create).toMatchObject({ attempts: 1, hintsUsed: 0 });
  });

  it('applies the setup before the first stage, unseen', () => {
    const session = LessonSession.open(basics(), { workspaceRoot: scratch() });
    expect(session.cluster.client().get('configmaps', 'default', 'site').ok).toBe(true);
    expect(session.commands).toEqual([]);
  });

  it('reveals hints one at a time', () => {
    const session = LessonSession.open(basics(), { workspaceRoot: scratch() });
    expect(session.revealHint()).toBe('Run `kubectl apply -f web.yaml`.');
    expect(session.revealHint()).toBe('Then watch `kubectl get pods -l app=web`.');
    expect(session.revealHint()).toBeUndefined();
    expect(session.hints).toHaveLength(2);
  });

  it('resumes after a restart with the same cluster, by replaying the journal', () => {
    const progress = new ProgressStore({ cwd: scratch() });
    const workspaceRoot = scratch();
    const first = LessonSession.open(basics(), { workspaceRoot, progress });
    expect(solve(first, 'create')).toBe('stage-passed');
    first.runCommand('kubectl scale deployment web --replicas=3');
    first.advance(5000);
    first.revealHint();
    first.flush();
    const names = podNames(first);
    const second = LessonSession.open(basics(), { workspaceRoot, progress: new ProgressStore({ cwd: progress.path.replace(/\/progress\.json$/, '') }) });
    expect(second.stage?.id).toBe('scale');
    expect(second.cluster.now()).toBe(first.cluster.now());
    expect(podNames(second)).toEqual(names);
    expect(second.hints).toHaveLength(1);
    expect(second.commands.map((c) => c.line)).toEqual(['kubectl scale deployment web --replicas=3']);
  });

  it('runs a heredoc with its stdin, journals it and replays it on resume', () => {
    const progress = new ProgressStore({ cwd: scratch() });
    const workspaceRoot = scratch();
    const first = LessonSession.open(basics(), { workspaceRoot, progress });
    const stdin = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typed\ndata:\n  k: v\n';
    const r = first.runCommand('kubectl apply -f -', stdin);
    expect({ exitCode: r.exitCode, output: outputText(r.output) }).toEqual({ exitCode: 0, output: 'configmap/typed created\n' });
    expect(first.commands.map((c) => ({ line: c.line, exitCode: c.exitCode }))).toEqual([{ line: 'kubectl apply -f -', exitCode: 0 }]);
    expect(progress.get('01-basics')!.journal.at(-1)).toEqual({ k: 'run', line: 'kubectl apply -f -', stdin });
    const second = LessonSession.open(basics(), { workspaceRoot, progress });
    const cm = second.cluster.client().get('configmaps', 'default', 'typed');
    expect(cm.ok ? cm.value.data : cm.error.message).toEqual({ k: 'v' });
  });

  it('replays a file as it was read, even after the learner changed it', () => {
    const progress = new ProgressStore({ cwd: scratch() });
    const workspaceRoot = scratch();
    const first = LessonSession.open(basics(), { workspaceRoot, progress });
    first.runCommand('kubectl apply -f web.yaml');
    const path = join(first.workspace, 'web.yaml');
    expect(existsSync(path)).toBe(true);
    writeFileSync(path, 'garbage: [');
    const second = LessonSession.open(basics(), { workspaceRoot, progress });
    expect(second.cluster.client().get('deployments', 'default', 'web').ok).toBe(true);
  });

  it('resets a stage to the cluster it opened with', () => {
    const session = LessonSession.open(basics(), { workspaceRoot: scratch() });
    expect(solve(session, 'create')).toBe('stage-passed');
    session.runCommand('kubectl scale deployment web --replicas=3');
    session.resetStage();
    const web = session.cluster.client().get('deployments', 'default', 'web');
    expect(web.ok && web.value.spec.replicas).toBe(2);
    expect(session.stage?.id).toBe('scale');
    session.resetLesson();
    expect(session.stage?.id).toBe('create');
    expect(session.cluster.client().get('deployments', 'default', 'web').ok).toBe(false);
  });

  it('notifies subscribers of changes', () => {
    const session = LessonSession.open(basics(), { workspaceRoot: scratch() });
    let calls = 0;
    const off = session.subscribe(() => calls++);
    session.runCommand('kubectl get pods');
    session.revealHint();
    off();
    session.revealHint();
    expect(calls).toBe(2);
  });
});
