import { describe, expect, it } from 'vitest';
import { formatVerifyReport, verifyLessons } from '../../src/lessons/verify.js';
import { verifyCommand } from '../../src/cli/verify.js';
import type { CliIO } from '../../src/cli/io.js';

function io(): CliIO & { out: string; err: string } {
  const r = { out: '', err: '', stdout: (t: string) => void (r.out += t), stderr: (t: string) => void (r.err += t), readFile: () => undefined, readStdin: () => '' };
  return r;
}

describe('kubetutor verify', () => {
  it('passes a lesson whose stages fail before and pass after their solutions', () => {
    const report = verifyLessons('test/fixtures/lessons', ['01-basics']);
    expect(report.ok).toBe(true);
    expect(formatVerifyReport(report)).toBe(
      [
        '✓ 01-basics/create  fails before, passes after 4s',
        '✓ 01-basics/scale  fails before, passes after 1s',
        '✓ 01-basics/quiz  fails before, passes after 0s',
        '✓ 01-basics/expose  fails before, passes after 1s',
        'verified 4 stages in 1 lesson',
        '',
      ].join('\n'),
    );
  });

  it('reports a stage that passes by itself and a hint that names a missing object, and exits 1', () => {
    const out = io();
    expect(verifyCommand(['02-broken', '--lessons', 'test/fixtures/lessons', '--solutions', 'test/fixtures/solutions'], out)).toBe(1);
    expect(out.out).toBe(
      [
        '✗ 02-broken/already-done  passes before its solution: the stage has nothing to do',
        '✗ 02-broken/ghost  text or hints mention deployment/ghost, which does not exist',
        '2 of 2 stages failed verification',
        '',
      ].join('\n'),
    );
  });

  it('reports a lesson that does not load, and a missing solution', () => {
    const report = verifyLessons('test/fixtures/lessons', ['99-missing']);
    expect(formatVerifyReport(report)).toBe('✗ 99-missing  test/fixtures/lessons/99-missing/lesson.yaml:1: no lesson.yaml in this folder\n1 of 1 lesson did not load or set up\n');
    const none = verifyLessons('test/fixtures/lessons', ['01-basics'], { solutionsRoot: 'test/fixtures/nowhere' });
    expect(none.lessons[0]!.stages.map((s) => s.message)).toEqual([
      'no solution: test/fixtures/nowhere/01-basics/create.sh is missing',
      'not verified: an earlier stage failed to run',
      'not verified: an earlier stage failed to run',
      'not verified: an earlier stage failed to run',
    ]);
  });
});
