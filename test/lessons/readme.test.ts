import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/loader.js';

describe('the instructor documentation', () => {
  it('has an example lesson.yaml that the loader accepts', () => {
    const readme = readFileSync('lessons/README.md', 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const r = parseLesson(example, { file: 'README.md', dir: '/x/03-deployments', folder: '03-deployments', readFile: () => 'kind: ConfigMap\n' });
    expect(r.ok ? r.lesson.stages.map((s) => s.id) : r.errors).toEqual(['create', 'rollout', 'why', 'fix']);
  });
});
