import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../src/progress/store.js';
import { deferredProgress } from '../../../src/tui/run.js';

describe("home's progress before conf has loaded", () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'kt-deferred-'));
  const load = () => Promise.reject(new Error('not loaded in this test'));

  it('reads the saved lessons straight from the file the store writes', () => {
    const dir = folder();
    const store = new ProgressStore({ cwd: dir });
    store.put({ lessonId: '01-pods', lessonHash: 'h', stage: 1, complete: false, stages: {}, journal: [], startedAt: 't', updatedAt: 't' });
    expect(deferredProgress(dir, load)?.saved).toEqual(store.all());
  });

  it('starts empty when there is no file yet', () => {
    expect(deferredProgress(folder(), load)?.saved).toEqual({});
  });

  it.each(['{not json', '{"formatVersion":99,"lessons":{}}'])('leaves %s to the store, which moves it aside before drawing', (text) => {
    const dir = folder();
    writeFileSync(join(dir, 'progress.json'), text);
    expect(deferredProgress(dir, load)).toBeUndefined();
  });
});
