import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourseIndex, readLessonHeader } from '../../src/lessons/course-index.js';
import { loadCourse } from '../../src/lessons/loader.js';

const ROOT = join(import.meta.dirname, '../..');

const HEAD = 'formatVersion: 1\nid: 01-x\ntitle: Pods\narea: workloads\nlevel: beginner\nminutes: 10\n';

describe('the course index', () => {
  it.each([join(ROOT, 'lessons'), join(ROOT, 'test/tui/fixtures/course')])('reads every lesson of %s as the strict loader does', (root) => {
    const index = readCourseIndex(root);
    expect(index.unread).toEqual([]);
    const { lessons, errors } = loadCourse(root);
    expect(errors).toEqual([]);
    expect(index.headers).toEqual(lessons.map((l) => ({ id: l.id, title: l.title, area: l.area, level: l.level, minutes: l.minutes, stages: l.stages.map((s) => ({ id: s.id })) })));
  });

  it('reads titles, areas and stage ids in the plain block style', () => {
    const text = `${HEAD}# a comment\nstages:\n  - id: one\n    title: First\n    text: |\n      id: not-a-stage\n      - id: nor-this\n    checks:\n      - exists: pod/web\n\n  - title: Second\n    id: "two"\nsetup:\n  script: kubectl get pods\n`;
    expect(readLessonHeader('01-x', text)).toEqual({ id: '01-x', title: 'Pods', area: 'workloads', level: 'beginner', minutes: 10, stages: [{ id: 'one' }, { id: 'two' }] });
  });

  it('reads stage items at the indentation of `stages:` and quoted titles with comments', () => {
    const text = `${HEAD.replace('title: Pods', "title: 'It''s a pod' # quoted")}stages:\n- id: one\n  title: First\n- id: two\n`;
    expect(readLessonHeader('01-x', text)).toMatchObject({ title: "It's a pod", stages: [{ id: 'one' }, { id: 'two' }] });
  });

  it('reads a file with CRLF line ends', () => {
    const text = `${HEAD}stages:\n  - id: one\n    text: |\n      hi\n\n  - id: two\n`.replace(/\n/g, '\r\n');
    expect(readLessonHeader('01-x', text)).toMatchObject({ title: 'Pods', minutes: 10, stages: [{ id: 'one' }, { id: 'two' }] });
  });

  it.each([
    ['a tab before a key', HEAD + 'stages:\n\t- id: one\n'],
    ['a second list of stages', HEAD + 'stages:\n  - id: one\nstages:\n  - id: two\n'],
    ['a folded title', HEAD.replace('title: Pods', 'title: Pods\n  and more') + 'stages:\n  - id: one\n'],
    ['a block title', HEAD.replace('title: Pods', 'title: >\n  Pods') + 'stages:\n  - id: one\n'],
    ['an escaped title', HEAD.replace('title: Pods', 'title: "Pods\\u0021"') + 'stages:\n  - id: one\n'],
    ['a flow list of stages', HEAD + 'stages: [{id: one}]\n'],
    ['an anchor', HEAD.replace('area: workloads', 'area: &a workloads') + 'stages:\n  - id: one\n'],
    ['a stage without an id', HEAD + 'stages:\n  - id: one\n  - title: two\n'],
    ['a stage id on the next line', HEAD + 'stages:\n  - id:\n      one\n'],
    ['a missing title', HEAD.replace('title: Pods\n', '') + 'stages:\n  - id: one\n'],
    ['minutes that are not a number', HEAD.replace('minutes: 10', 'minutes: ten') + 'stages:\n  - id: one\n'],
    ['a duplicated key', HEAD + 'title: Again\nstages:\n  - id: one\n'],
    ['invalid YAML', '{{{'],
  ])('leaves %s to the strict loader', (_, text) => {
    expect(readLessonHeader('01-x', text)).toBeUndefined();
  });
});
