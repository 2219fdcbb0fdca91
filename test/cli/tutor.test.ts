import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { resetCommand } from '../../src/cli/reset.js';
import { loadTutorCourse, parseTutorArgs } from '../../src/cli/tutor.js';
import type { CliIO } from '../../src/cli/io.js';
import { ProgressStore } from '../../src/progress/store.js';
import type { Course } from '../../src/tui/home/course-state.js';

const COURSE = resolve(import.meta.dirname, '../tui/fixtures/course');

function io() {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), readFile: () => undefined, readStdin: () => '' };
  return { cli, out };
}

describe('kubetutor flags and subcommands', () => {
  it.each(['open', 'sandbox', 'script', 'verify', 'grade', 'progress', 'reset'])('%s --help prints its usage and exits 0', async (name) => {
    const { cli, out } = io();
    expect(await main([name, '--help'], cli)).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^usage: kubetutor ${name}`));
  });

  it('prints the overview for --help and the version for --version', () => {
    const { cli, out } = io();
    expect(main(['--help'], cli)).toBe(0);
    expect(out.stdout).toContain('kubetutor open LESSON');
    expect(main(['--version'], cli)).toBe(0);
    expect(out.stdout).toMatch(/kubetutor \d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['--speed', '0'], '--speed needs a number above 0 (up to 1000), got "0"'],
    [['--seed', 'x'], '--seed needs a whole number, got "x"'],
    [['--lessons'], '--lessons needs a folder'],
    [['--frobnicate'], 'unknown flag --frobnicate'],
    [['extra'], 'unexpected argument "extra"'],
  ])('refuses %j', (argv, message) => {
    expect(parseTutorArgs('home', argv, {})).toBe(message);
  });

  it('reads the interactive flags, with NO_COLOR from the environment', () => {
    expect(parseTutorArgs('open', ['01-pods', '--speed=5', '--lessons', COURSE], { NO_COLOR: '1' })).toEqual({ command: 'open', lesson: '01-pods', lessonsDir: COURSE, speed: 5, seed: 1, noColor: true });
    expect(parseTutorArgs('sandbox', ['--seed', '9', '--no-color'], {})).toMatchObject({ seed: 9, noColor: true });
    expect(parseTutorArgs('open', [], {})).toBe('which lesson? e.g. kubetutor open 01-architecture');
  });

  it.each([
    ['/nonexistent/course', undefined, 'no lessons folder at /nonexistent/course'],
    [COURSE, 'nope', 'unknown lesson "nope"; lessons: 01-pods, 02-config'],
    [COURSE, 'pods', 'unknown lesson "pods"; did you mean 01-pods?'],
  ])('explains a bad course %s / %s in one line', async (dir, lesson, message) => {
    expect(await loadTutorCourse(dir, lesson)).toBe(message);
  });

  it('reports the first problem of a broken lesson to open with its file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-course-'));
    mkdirSync(join(dir, '01-x'));
    writeFileSync(join(dir, '01-x', 'lesson.yaml'), 'formatVersion: 1\nid: 01-x\n');
    expect(await loadTutorCourse(dir, '01-x')).toMatch(/^\S*01-x\/lesson\.yaml:\d+: .*missing required field/);
    expect(await loadTutorCourse(mkdtempSync(join(tmpdir(), 'kt-empty-')))).toMatch(/^no lessons in .* \(expected folders like 01-name\/lesson\.yaml\)$/);
  });

  it('exits 1 with one line for an unknown lesson before drawing anything', async () => {
    const { cli, out } = io();
    expect(await main(['open', 'nope', '--lessons', COURSE], cli)).toBe(1);
    expect(out.stderr).toBe('kubetutor: unknown lesson "nope"; lessons: 01-pods, 02-config\n');
  });
});

// The fixture course with 02-config's lesson.yaml changed by `edit`.
function brokenCourse(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kt-broken-'));
  cpSync(COURSE, dir, { recursive: true });
  const file = join(dir, '02-config', 'lesson.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}
const unknownCheck = (text: string) => text.replace('- field: {', '- fieldd: {');

describe('the course the tutor starts with', () => {
  it('lists a broken lesson from the index, and finds its problem when validated after the first frame', async () => {
    const course = (await loadTutorCourse(brokenCourse(unknownCheck))) as Course;
    expect(course.headers().map((h) => `${h.id} ${h.title} ${h.stages.length}`)).toEqual(['01-pods First pods 3', '02-config Configuration 1']);
    expect(course.validated).toBe(false);
    expect(course.problemsOf('02-config')).toBeUndefined();
    let told = 0;
    course.subscribe(() => told++);
    await course.validate();
    expect(told).toBe(1);
    expect(course.validated).toBe(true);
    expect(course.lesson('01-pods')?.stages).toHaveLength(3);
    expect(course.lesson('02-config')).toBeUndefined();
    expect(course.problemsOf('02-config')?.[0]).toMatchObject({ path: 'stages[0].checks[0]', message: expect.stringMatching(/^unknown check "fieldd"/) });
  });

  it('loads a lesson file the index cannot read strictly, before drawing', async () => {
    const course = (await loadTutorCourse(brokenCourse((t) => t.replace('title: Configuration', 'title: [Configuration')))) as Course;
    expect(course.headers().map((h) => `${h.id} ${h.title} ${h.area}`)).toEqual(['01-pods First pods Cluster basics', '02-config 02-config lessons with problems']);
    expect(course.problemsOf('02-config')?.[0]?.message).toMatch(/^invalid YAML/);
  });

  it('loads the lesson to open strictly and says why it cannot be opened', async () => {
    const dir = brokenCourse(unknownCheck);
    expect(await loadTutorCourse(dir, '02-config')).toMatch(/^\S*02-config\/lesson\.yaml:\d+: stages\[0\]\.checks\[0\]: unknown check "fieldd"/);
    const course = (await loadTutorCourse(dir, '01-pods')) as Course;
    expect(course.lesson('01-pods')?.id).toBe('01-pods');
    const { cli, out } = io();
    expect(await main(['open', '02-config', '--lessons', dir], cli)).toBe(1);
    expect(out.stderr).toMatch(/^kubetutor: \S*02-config\/lesson\.yaml:\d+: stages\[0\]\.checks\[0\]: unknown check "fieldd"/);
  });

  it('refuses to open a lesson whose prerequisite is not in the course', async () => {
    const dir = brokenCourse((t) => t.replace('seed: 12', 'seed: 12\nprerequisites: [00-missing]'));
    expect(await loadTutorCourse(dir, '02-config')).toMatch(/^\S*02-config\/lesson\.yaml:\d+: prerequisites\[0\]: .*00-missing/);
    const course = (await loadTutorCourse(dir)) as Course;
    await course.validate();
    expect(course.problemsOf('02-config')?.[0]?.path).toBe('prerequisites[0]');
  });
});

describe('kubetutor reset', () => {
  const progress = () => {
    const store = new ProgressStore({ cwd: mkdtempSync(join(tmpdir(), 'kt-reset-')) });
    store.put({ lessonId: '01-pods', lessonHash: 'x', stage: 1, complete: false, stages: {}, journal: [], startedAt: 't', updatedAt: 't' });
    return store;
  };

  it('forgets a lesson', () => {
    const store = progress();
    const { cli, out } = io();
    expect(resetCommand(['01-pods', '--lessons', COURSE], cli, store)).toBe(0);
    expect(out.stdout).toBe('01-pods: progress reset\n');
    expect(store.get('01-pods')).toBeUndefined();
  });

  it('refuses an unknown lesson and a missing name', () => {
    const { cli, out } = io();
    expect(resetCommand(['nope', '--lessons', COURSE], cli, progress())).toBe(1);
    expect(out.stderr).toBe('kubetutor reset: unknown lesson "nope"\n');
    expect(resetCommand([], cli, progress())).toBe(2);
  });

  it('resets every saved lesson with --all', () => {
    const store = progress();
    const { cli } = io();
    expect(resetCommand(['--all', '--lessons', COURSE], cli, store)).toBe(0);
    expect(store.all()).toEqual({});
  });
});
