import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCourseIndex } from '../../../src/lessons/course-index.js';
import { courseView } from '../../../src/tui/home/course-rows.js';
import { Course } from '../../../src/tui/home/course-state.js';
import { COURSE, freshHome, renderApp } from '../app-harness.js';
import { cleanupAll } from '../render-at.js';

afterEach(() => cleanupAll());

// The fixture course drawn from its index, with 01-pods's first check misspelt when `broken`.
function indexedCourse(broken: boolean): Course {
  const dir = mkdtempSync(join(tmpdir(), 'kt-home-'));
  cpSync(COURSE, dir, { recursive: true });
  const file = join(dir, '01-pods', 'lesson.yaml');
  if (broken) writeFileSync(file, readFileSync(file, 'utf8').replace('- exists: deployment/web', '- existz: deployment/web'));
  return Course.indexed(dir, readCourseIndex(dir).headers);
}

describe('home drawn from the course index', () => {
  it('marks a lesson broken once the course is validated, and shows its problem under the cursor', async () => {
    const course = indexedCourse(true);
    const app = await renderApp(freshHome(), { course });
    expect(app.frame()).toMatch(/01-pods\s+First pods\s+░{10}\s+0\/3 stages\s+← next/);
    await course.validate();
    await app.until('broken lesson');
    expect(app.frame()).toMatch(/✗ 01-pods\s+First pods\s+broken lesson/);
    // The next lesson is the first one that can be opened.
    expect(app.frame()).toMatch(/02-config\s+Configuration\s+░{10}\s+0\/1 stages\s+← next/);
    await app.press('k');
    expect(app.frame()).toMatch(/01-pods cannot be opened: \S*01-pods\/lesson\.yaml:\d+: stages\[0\]\.checks\[0\]: unknown check/);
    await app.press('\r');
    expect(app.frame()).toContain('01-pods cannot be opened');
    expect(app.sessions).toHaveLength(0);
  });

  it('opens a lesson chosen before the course was validated, once it has loaded', async () => {
    const course = indexedCourse(false);
    const app = await renderApp(freshHome(), { course });
    expect(course.validated).toBe(false);
    await app.press('\r');
    await app.until('stage 1/3');
    expect(course.validated).toBe(true);
    expect(app.sessions.map((s) => s.lesson.id)).toEqual(['01-pods']);
  });
});

describe('the home view', () => {
  it('never points at a broken lesson as the next one', () => {
    const { headers } = readCourseIndex(COURSE);
    const view = courseView(headers, {}, (id) => (id === '01-pods' ? 'lesson.yaml:3: broken' : undefined));
    expect(view.next).toBe('02-config');
    expect(view.rows.map((r) => r.broken)).toEqual(['lesson.yaml:3: broken', undefined]);
  });
});

describe('progress whose store loads after the first frame', () => {
  // Saved progress for 01-pods: its first stage passed.
  function savedHome() {
    const home = freshHome();
    const lesson = { lessonId: '01-pods', lessonHash: 'other', stage: 1, complete: false, stages: { create: { attempts: 1, hintsUsed: 0, passed: { at: 't', seconds: 5 } } }, journal: [], startedAt: 't', updatedAt: 't' };
    home.progress.put(lesson);
    let loads = 0;
    const deferredProgress = { saved: home.progress.all(), load: async () => (loads++, home.progress) };
    return { home, deferredProgress, loads: () => loads };
  }

  it('draws home from the saved lessons, and loads the store only when a lesson opens', async () => {
    const { home, deferredProgress, loads } = savedHome();
    const app = await renderApp(home, { progress: undefined, deferredProgress });
    expect(app.frame()).toMatch(/01-pods\s+First pods\s+█{3}░{7}\s+1\/3 stages\s+← next/);
    expect(loads()).toBe(0);
    await app.press('\r');
    await app.until('stage 1/3');
    expect(loads()).toBe(1);
    // The session saves through the store it was given.
    expect(home.progress.get('01-pods')?.lessonHash).not.toBe('other');
  });

  it('resets a lesson through the store once it has loaded', async () => {
    const { home, deferredProgress, loads } = savedHome();
    const app = await renderApp(home, { progress: undefined, deferredProgress });
    await app.press('r');
    await app.press('y');
    await app.until('First pods: progress reset.');
    expect(loads()).toBe(1);
    expect(home.progress.get('01-pods')).toBeUndefined();
  });
});
