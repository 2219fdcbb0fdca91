import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { resetCommand } from '../../src/cli/reset.js';
import { loadTutorCourse, parseTutorArgs } from '../../src/cli/tutor.js';
import type { CliIO } from '../../src/cli/io.js';
import { ProgressStore } from '../../src/progress/store.js';

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
  ])('explains a bad course %s / %s in one line', (dir, lesson, message) => {
    expect(loadTutorCourse(dir, lesson)).toBe(message);
  });

  it('reports the first problem of a broken lesson with its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-course-'));
    mkdirSync(join(dir, '01-x'));
    writeFileSync(join(dir, '01-x', 'lesson.yaml'), 'formatVersion: 1\nid: 01-x\n');
    expect(loadTutorCourse(dir)).toMatch(/01-x\/lesson\.yaml:\d+: .*missing required field/);
    expect(loadTutorCourse(mkdtempSync(join(tmpdir(), 'kt-empty-')))).toMatch(/^no lessons in .* \(expected folders like 01-name\/lesson\.yaml\)$/);
  });

  it('exits 1 with one line for an unknown lesson before drawing anything', async () => {
    const { cli, out } = io();
    expect(await main(['open', 'nope', '--lessons', COURSE], cli)).toBe(1);
    expect(out.stderr).toBe('kubetutor: unknown lesson "nope"; lessons: 01-pods, 02-config\n');
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
