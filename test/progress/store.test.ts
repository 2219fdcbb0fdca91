import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import type { LessonProgress } from '../../src/progress/types.js';

function home(): string {
  return mkdtempSync(join(tmpdir(), 'kubetutor-progress-'));
}

function progress(lessonId: string, stage = 0): LessonProgress {
  return {
    lessonId,
    lessonHash: 'abc',
    stage,
    complete: false,
    stages: { create: { attempts: 2, hintsUsed: 1 } },
    journal: [{ k: 'stage', index: 0 }, { k: 'run', line: 'kubectl get pods' }],
    startedAt: '2024-07-01T10:00:00.000Z',
    updatedAt: '2024-07-01T10:05:00.000Z',
  };
}

describe('the progress store', () => {
  it('keeps a lesson across a restart', () => {
    const cwd = home();
    new ProgressStore({ cwd }).put(progress('01-basics', 2));
    expect(new ProgressStore({ cwd }).get('01-basics')).toEqual(progress('01-basics', 2));
    expect(JSON.parse(readFileSync(join(cwd, 'progress.json'), 'utf8')).formatVersion).toBe(1);
  });

  it('honours KUBETUTOR_HOME', () => {
    const cwd = home();
    const before = process.env.KUBETUTOR_HOME;
    process.env.KUBETUTOR_HOME = cwd;
    try {
      expect(new ProgressStore().path).toBe(join(cwd, 'progress.json'));
    } finally {
      if (before === undefined) delete process.env.KUBETUTOR_HOME;
      else process.env.KUBETUTOR_HOME = before;
    }
  });

  it('keeps both lessons when two sessions write different lessons', () => {
    const cwd = home();
    const a = new ProgressStore({ cwd });
    const b = new ProgressStore({ cwd });
    a.put(progress('01-basics'));
    b.put(progress('02-services'));
    a.put(progress('01-basics', 1));
    expect(Object.keys(new ProgressStore({ cwd }).all()).sort()).toEqual(['01-basics', '02-services']);
    expect(b.get('01-basics')?.stage).toBe(1);
  });

  it('moves a corrupted file aside and starts fresh', () => {
    const cwd = home();
    writeFileSync(join(cwd, 'progress.json'), '{"formatVersion": 1, "lessons": {');
    const notices: string[] = [];
    const store = new ProgressStore({ cwd, onNotice: (n) => notices.push(n) });
    expect(store.get('01-basics')).toBeUndefined();
    const moved = join(cwd, 'progress.json.unreadable');
    expect(notices).toEqual([`progress file was unreadable and has been moved to ${moved}; starting fresh`]);
    expect(readFileSync(moved, 'utf8')).toBe('{"formatVersion": 1, "lessons": {');
    store.put(progress('01-basics'));
    expect(store.get('01-basics')?.lessonId).toBe('01-basics');
  });

  it('moves a file from a newer kubetutor aside', () => {
    const cwd = home();
    writeFileSync(join(cwd, 'progress.json'), JSON.stringify({ formatVersion: 2, lessons: {} }));
    const store = new ProgressStore({ cwd });
    expect(store.all()).toEqual({});
    expect(store.notices).toEqual([
      `progress file was written by a newer kubetutor (format 2) and has been moved to ${join(cwd, 'progress.json.unreadable')}; starting fresh`,
    ]);
    expect(existsSync(join(cwd, 'progress.json'))).toBe(false);
  });

  it('does not overwrite an earlier moved-aside file', () => {
    const cwd = home();
    writeFileSync(join(cwd, 'progress.json.unreadable'), 'old');
    writeFileSync(join(cwd, 'progress.json'), 'not json');
    const store = new ProgressStore({ cwd });
    store.all();
    expect(store.notices[0]).toContain('progress.json.unreadable-1');
    expect(readFileSync(join(cwd, 'progress.json.unreadable'), 'utf8')).toBe('old');
  });
});
