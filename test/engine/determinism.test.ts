import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the engine is deterministic', () => {
  it('never reads the wall clock or Math.random', () => {
    const offenders = sources('src/engine').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter(({ text }) => /Date\.now\(|Math\.random\(|performance\.now\(|new Date\(\)/.test(text) && !text.trim().startsWith('*') && !text.trim().startsWith('//')),
    );
    expect(offenders).toEqual([]);
  });

  it('produces the same objects for the same seed and commands', () => {
    const run = () => {
      const cluster = createCluster(undefined, { seed: 42 });
      cluster.client().create('deployments', 'default', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      });
      cluster.advance(30_000);
      return JSON.stringify(['pods', 'replicasets', 'events'].map((r) => cluster.internals.store.list(r)));
    };
    expect(run()).toBe(run());
  });
});
