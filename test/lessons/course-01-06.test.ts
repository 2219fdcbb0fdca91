import { describe, expect, it } from 'vitest';
import { formatVerifyReport, verifyLessons } from '../../src/lessons/verify.js';

// Lessons 01-06 of the course, verified the way `kubetutor verify` does: every stage fails
// before its solution and passes within its budget after it, on one cluster per lesson.
const LESSONS = ['01-architecture', '02-pods', '03-deployments', '04-services', '05-configuration', '06-storage'];

describe.each(LESSONS)('lesson %s', (id) => {
  const report = verifyLessons('lessons', [id]);
  const lesson = report.lessons[0]!;

  it('loads and sets up', () => {
    expect(lesson.errors).toEqual([]);
  });

  it('has between 4 and 8 stages, the last a graded exercise', () => {
    expect(lesson.stages.length).toBeGreaterThanOrEqual(4);
    expect(lesson.stages.length).toBeLessThanOrEqual(8);
    expect(lesson.stages.at(-1)!.stage).toBe('exercise');
  });

  it('every stage fails before its solution and passes after it', () => {
    const failed = lesson.stages.filter((s) => !s.ok);
    expect(failed, formatVerifyReport(report)).toEqual([]);
    for (const s of lesson.stages) expect(s.message).toMatch(/^fails before, passes after \d+s$/);
  });
});
