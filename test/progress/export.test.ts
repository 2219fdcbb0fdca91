import { describe, expect, it } from 'vitest';
import { exportProgress } from '../../src/progress/export.js';
import type { Lesson } from '../../src/lessons/types.js';
import type { LessonProgress } from '../../src/progress/types.js';

const lesson = (id: string, title: string, stages: number) => ({ id, title, stages: Array.from({ length: stages }, (_, i) => ({ id: `s${i}` })) }) as unknown as Lesson;
const lessons = [lesson('01-basics', 'Basics', 3), lesson('02-services', 'Services', 2)];
const saved: Record<string, LessonProgress> = {
  '01-basics': {
    lessonId: '01-basics', lessonHash: 'x', stage: 1, complete: false, journal: [], startedAt: 't0', updatedAt: 't1',
    stages: { s0: { attempts: 4, hintsUsed: 1, passed: { at: 't1', seconds: 42 } }, s1: { attempts: 1, hintsUsed: 0 } },
  },
};

describe('kubetutor progress', () => {
  it('prints a line per lesson', () => {
    expect(exportProgress(lessons, saved, 'text')).toBe(
      ['… 01-basics    1/3 stages  Basics  1 hints, 5 commands', '  02-services  0/2 stages  Services', '1/5 stages done', ''].join('\n'),
    );
  });

  it('prints JSON for instructors', () => {
    expect(JSON.parse(exportProgress(lessons, saved, 'json')).lessons[0]).toEqual({
      id: '01-basics', title: 'Basics', stagesDone: 1, stages: 3, complete: false, hintsUsed: 1, attempts: 5, seconds: 42, updatedAt: 't1',
    });
  });
});
