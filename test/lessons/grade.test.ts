import { describe, expect, it } from 'vitest';
import { formatGrade, gradeSubmission } from '../../src/lessons/grade.js';
import { loadLesson } from '../../src/lessons/loader.js';
import { gradeCommand } from '../../src/cli/grade.js';
import type { CliIO } from '../../src/cli/io.js';

const lesson = (() => {
  const r = loadLesson('test/fixtures/lessons', '01-basics');
  if (!r.ok) throw new Error('fixture lesson does not load');
  return r.lesson;
})();

const PASSING = 'kubectl create service clusterip web --tcp=80:80\n';
const FAILING = 'kubectl create service clusterip api --tcp=80:80\nkubectl scale deployment nope --replicas=1\n';

describe('kubetutor grade', () => {
  const pass = gradeSubmission(PASSING, lesson);
  const fail = gradeSubmission(FAILING, lesson);

  it('grades the exercise after the earlier stages’ solutions', () => {
    expect(pass).toMatchObject({ lesson: '01-basics', stage: 'expose', passed: true, score: { passed: 1, total: 1 } });
    expect(fail).toMatchObject({ passed: false, score: { passed: 0, total: 1 } });
    expect(fail.commands.map((c) => c.exitCode)).toEqual([0, 1]);
  });

  it('prints text', () => {
    expect(formatGrade(pass, 'text')).toBe('01-basics/expose\n✓ service/web has 3 ready endpoints\nscore: 1/1 (100%) passed\n');
    expect(formatGrade(fail, 'text')).toBe('01-basics/expose\n✗ service/web does not exist yet\nscore: 0/1 (0%) not passed\n');
  });

  it('prints JSON', () => {
    expect(JSON.parse(formatGrade(fail, 'json'))).toEqual({
      lesson: '01-basics',
      stage: 'expose',
      passed: false,
      score: { passed: 0, total: 1 },
      checks: [{ type: 'serviceEndpoints', ok: false, message: 'service/web does not exist yet' }],
      commands: [
        { line: 'kubectl create service clusterip api --tcp=80:80', exitCode: 0 },
        { line: 'kubectl scale deployment nope --replicas=1', exitCode: 1 },
      ],
    });
    expect(JSON.parse(formatGrade(pass, 'json')).passed).toBe(true);
  });

  it('prints JUnit XML', () => {
    expect(formatGrade(pass, 'junit')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kubetutor" tests="1" failures="0" errors="0">',
        '  <testsuite name="01-basics/expose" tests="1" failures="0" errors="0">',
        '    <testcase classname="01-basics.expose" name="check 1 (serviceEndpoints)"/>',
        '    <system-out>$ kubectl create service clusterip web --tcp=80:80</system-out>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    expect(formatGrade(fail, 'junit')).toContain(
      '    <testcase classname="01-basics.expose" name="check 1 (serviceEndpoints)">\n      <failure message="service/web does not exist yet"/>\n    </testcase>',
    );
    expect(formatGrade(fail, 'junit')).toContain('$ kubectl scale deployment nope --replicas=1 (exit 1)');
  });

  it('exits 0 for a passing and 1 for a failing submission from the command line', () => {
    const run = (script: string, ...args: string[]) => {
      const out = { text: '', err: '' };
      const cli: CliIO = { stdout: (t) => void (out.text += t), stderr: (t) => void (out.err += t), readFile: () => undefined, readStdin: () => script };
      return { code: gradeCommand(['-', '--lesson', '01-basics', '--lessons', 'test/fixtures/lessons', ...args], cli), ...out };
    };
    expect(run(PASSING, '--format', 'json').code).toBe(0);
    const failed = run(FAILING);
    expect([failed.code, failed.text]).toEqual([1, '01-basics/expose\n✗ service/web does not exist yet\nscore: 0/1 (0%) not passed\n']);
    expect(run(PASSING, '--stage', 'nope').err).toBe(
      'kubetutor grade: lesson 01-basics has no stage "nope"; stages: create, scale, quiz, expose\nusage: kubetutor grade FILE|- --lesson ID [--stage ID] [--format text|json|junit] [--lessons DIR] [--solutions DIR]\n',
    );
  });
});
