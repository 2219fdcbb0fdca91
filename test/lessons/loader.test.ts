import { describe, expect, it } from 'vitest';
import { formatLessonError } from '../../src/lessons/errors.js';
import { loadCourse, loadLesson, parseLesson } from '../../src/lessons/loader.js';

const FILE = 'lessons/03-deployments/lesson.yaml';

function load(text: string, files: Record<string, string> = {}) {
  return parseLesson(text, { file: FILE, dir: '/course/03-deployments', folder: '03-deployments', readFile: (p) => files[p] });
}

function firstError(text: string, files: Record<string, string> = {}): string {
  const r = load(text, files);
  if (r.ok) throw new Error('expected the lesson to be rejected');
  return formatLessonError(r.errors[0]!);
}

const HEAD = `formatVersion: 1
id: 03-deployments
title: Deployments
area: workloads
level: beginner
minutes: 20
`;

describe('the lesson loader', () => {
  it('loads a valid lesson with defaults filled in', () => {
    const r = load(`${HEAD}stages:
  - id: create
    title: Create it
    text: Create a Deployment.
    checks:
      - exists: deployment/web
      - podsReady: {selector: app=web, count: 3}
        title: three web pods are ready
`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.seed).toBe(1);
    expect(r.lesson.stages[0]).toMatchObject({ id: 'create', budget: 120, exercise: false, after: 'solutions', hints: [], files: [] });
    expect(r.lesson.stages[0]!.checks).toEqual([
      { type: 'exists', kind: 'deployment', name: 'web' },
      { type: 'podsReady', selector: 'app=web', count: 3, title: 'three web pods are ready' },
    ]);
  });

  it.each([
    [
      'an unknown check, with the line of its name',
      `${HEAD}stages:
  - id: one
    title: One
    text: t
    checks: [{exists: deployment/web}]
  - id: two
    title: Two
    text: t
    checks:
      - podz: {selector: app=web}
`,
      `${FILE}:16: stages[1].checks[0]: unknown check "podz"; expected one of: exists, absent, field, podsReady, podStatus, rolloutComplete, serviceEndpoints, reachable, pvcBound, canI, commandRan, eventSeen, answer, all, any, not`,
    ],
    ['a missing field', `${HEAD}stages:\n  - id: one\n    text: t\n    checks: [{exists: deployment/web}]\n`, `${FILE}:8: stages[0]: missing required field "title"`],
    ['a missing top-level field', `formatVersion: 1\nid: 03-deployments\n`, `${FILE}:1: missing required field "title"`],
    [
      'an unknown stage field',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    hint: [x]\n    checks: [{exists: deployment/web}]\n`,
      `${FILE}:11: stages[0].hint: unknown field "hint"; expected one of: id, title, text, files, checks, hints, question, budget, exercise, after`,
    ],
    ['a wrong type', HEAD.replace('minutes: 20', 'minutes: ten') + 'stages: []\n', `${FILE}:6: minutes: expected a whole number, got text "ten"`],
    ['a bad level', HEAD.replace('beginner', 'expert') + 'stages: []\n', `${FILE}:5: level: expected one of: beginner, intermediate, advanced; got text "expert"`],
    [
      'a check argument of the wrong type',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    checks:\n      - podsReady: {selector: app=web, count: three}\n`,
      `${FILE}:12: stages[0].checks[0].podsReady.count: expected a whole number, got text "three"`,
    ],
    [
      'an unknown kind',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    checks:\n      - exists: {kind: Deploymnet, name: web}\n`,
      `${FILE}:12: stages[0].checks[0].exists.kind: unknown kind "Deploymnet"; expected a kind or resource kubectl knows, e.g. Deployment`,
    ],
    [
      'a bad JSONPath',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    checks:\n      - field:\n          kind: Deployment\n          name: web\n          path: '{.spec.replicas'\n          equals: 3\n`,
      `${FILE}:15: stages[0].checks[0].field.path: invalid JSONPath: unclosed action`,
    ],
    [
      'a field check without an expectation',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    checks:\n      - field: {kind: Deployment, name: web, path: .spec.replicas}\n`,
      `${FILE}:12: stages[0].checks[0].field: a field check needs one of: equals, matches, contains, gte, lte, in (gte and lte may go together)`,
    ],
    [
      'an answer check without a question',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    checks: [{answer: }]\n`,
      `${FILE}:11: stages[0].checks[0].answer: the answer check needs a question in this stage`,
    ],
    [
      'hints on the exercise',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    exercise: true\n    hints: [try harder]\n    checks: [{exists: deployment/web}]\n`,
      `${FILE}:12: stages[0].hints: an exercise stage has no hints`,
    ],
    [
      'a nested check inside all',
      `${HEAD}stages:\n  - id: one\n    title: One\n    text: t\n    checks:\n      - all:\n          - exists: deployment/web\n          - pvcBound: {}\n`,
      `${FILE}:14: stages[0].checks[0].all[1].pvcBound: missing required field "name"`,
    ],
    ['invalid YAML', `${HEAD}stages: [\n`, `${FILE}:8: invalid YAML: unexpected end of the stream within a flow collection`],
    ['a newer format', HEAD.replace('formatVersion: 1', 'formatVersion: 2'), `${FILE}:1: formatVersion: formatVersion 2 is newer than this kubetutor reads (1); update kubetutor`],
    ['an id that is not the folder', HEAD.replace('id: 03-deployments', 'id: 04-services') + `stages:\n  - {id: a, title: A, text: t, checks: [{exists: deployment/web}]}\n`, `${FILE}:2: id: id "04-services" does not match its folder "03-deployments"`],
    [
      'a duplicate stage id',
      `${HEAD}stages:\n  - {id: a, title: A, text: t, checks: [{exists: deployment/web}]}\n  - {id: a, title: B, text: t, checks: [{exists: deployment/web}]}\n`,
      `${FILE}:9: stages[1].id: duplicate stage id "a" (also stages[0])`,
    ],
    [
      'a missing stage file',
      `${HEAD}stages:\n  - id: a\n    title: A\n    text: t\n    files: [{path: web.yaml, from: manifests/web.yaml}]\n    checks: [{exists: deployment/web}]\n`,
      `${FILE}:11: stages[0].files[0].from: file not found in the lesson folder: manifests/web.yaml`,
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(firstError(text)).toBe(message);
  });

  it('reads stage files and setup manifests from the lesson folder', () => {
    const r = load(`${HEAD}setup:\n  manifests: [setup/broken.yaml]\nstages:\n  - id: a\n    title: A\n    text: t\n    files: [{path: web.yaml, from: manifests/web.yaml}, {path: notes.txt, content: hi}]\n    checks: [{exists: deployment/web}]\n`, {
      'manifests/web.yaml': 'kind: Deployment\n',
      'setup/broken.yaml': 'kind: Pod\n',
    });
    expect(r.ok && r.lesson.stages[0]!.files).toEqual([
      { path: 'web.yaml', content: 'kind: Deployment\n' },
      { path: 'notes.txt', content: 'hi' },
    ]);
    expect(r.ok && r.lesson.setup).toEqual({ manifests: [{ path: 'setup/broken.yaml', content: 'kind: Pod\n' }], script: '' });
  });

  it('loads the fixture course and rejects an unknown prerequisite', () => {
    const course = loadCourse('test/fixtures/lessons');
    expect(course.lessons.map((l) => l.id)).toEqual(['01-basics', '02-broken']);
    expect(course.errors).toEqual([]);
    expect(loadLesson('test/fixtures/lessons', '99-missing')).toEqual({
      ok: false,
      errors: [{ file: 'test/fixtures/lessons/99-missing/lesson.yaml', line: 1, path: '', message: 'no lesson.yaml in this folder' }],
    });
  });
});
