import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { inspectProgressFile, progressFolder, progressPath } from '../../src/progress/file.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kt-progress-file-'));

describe('where the progress file is', () => {
  it('is the folder conf picks by default when KUBETUTOR_HOME is not set', () => {
    const config = tmp();
    const before = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = config;
    try {
      const conf = new Conf({ projectName: 'kubetutor', configName: 'progress' });
      expect(progressFolder({ XDG_CONFIG_HOME: config })).toBe(dirname(conf.path));
      expect(progressPath(progressFolder({ XDG_CONFIG_HOME: config }))).toBe(conf.path);
    } finally {
      if (before === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = before;
    }
  });

  it.each([
    [{ KUBETUTOR_HOME: '/data/kt' }, 'linux', '/data/kt'],
    [{}, 'linux', '/home/ann/.config/kubetutor-nodejs'],
    [{}, 'darwin', '/home/ann/Library/Preferences/kubetutor-nodejs'],
    [{ APPDATA: '/appdata' }, 'win32', '/appdata/kubetutor-nodejs/Config'],
  ] as const)('%j on %s is %s', (env, platform, folder) => {
    expect(progressFolder(env, platform, '/home/ann')).toBe(folder);
  });
});

describe('reading the progress file without conf', () => {
  const lesson = { lessonId: '01-x', lessonHash: 'h', stage: 1, complete: false, stages: {}, journal: [], startedAt: 't', updatedAt: 't' };
  it.each([
    ['{"formatVersion":1,"lessons":{"01-x":LESSON}}', { state: 'ok', lessons: { '01-x': lesson } }],
    ['{}', { state: 'ok', lessons: {} }],
    ['{"formatVersion":9,"lessons":{}}', { state: 'newer', version: 9 }],
    ['{"formatVersion":"1"}', { state: 'unreadable' }],
    ['[1]', { state: 'unreadable' }],
    ['{"lessons":', { state: 'unreadable' }],
  ])('%s', (text, state) => {
    const path = join(tmp(), 'progress.json');
    writeFileSync(path, text.replace('LESSON', JSON.stringify(lesson)));
    expect(inspectProgressFile(path)).toEqual(state);
  });

  it('says so when there is no file', () => {
    expect(inspectProgressFile(join(tmp(), 'progress.json'))).toEqual({ state: 'missing' });
  });
});
