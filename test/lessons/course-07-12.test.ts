/**
 * Lessons 07–12 of the course verify: every stage fails as shipped, its solution runs
 * clean, and its checks pass within the stage's budget (the `kubetutor verify` rule).
 */
import { describe, expect, it } from 'vitest';
import { formatVerifyReport, verifyLessons } from '../../src/lessons/verify.js';

const LESSONS = (process.env.KT_LESSONS ?? '07-rbac,08-scheduling,09-crashloopbackoff,10-imagepullbackoff,11-broken-app,12-jobs').split(',');

describe('course lessons 07–12', () => {
  it.each(LESSONS)('%s: every stage fails before its solution and passes after it', (id) => {
    const report = verifyLessons('lessons', [id]);
    const lesson = report.lessons[0]!;
    expect(lesson.errors).toEqual([]);
    expect(lesson.stages.length).toBeGreaterThanOrEqual(4);
    // The report's failing lines say which stage broke and why.
    expect(formatVerifyReport(report).split('\n').filter((line) => line.startsWith('✗'))).toEqual([]);
    expect(report.ok).toBe(true);
    for (const stage of lesson.stages) expect(stage.message).toMatch(/^fails before, passes after \d+s$/);
  }, 120_000);
});
