import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../../src/kubectl/commands/write/unified-diff.js';

/** GNU diff -u -N's hunks for the same texts (headers dropped), when diff is installed. */
function gnuHunks(a: string, b: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ud-'));
  writeFileSync(join(dir, 'a'), a);
  writeFileSync(join(dir, 'b'), b);
  try {
    execFileSync('diff', ['-u', '-N', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
    return '';
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    return out === undefined ? undefined : out.split('\n').slice(2).join('\n');
  }
}

const hunks = (a: string, b: string) => unifiedDiff({ label: 'a', text: a }, { label: 'b', text: b }).split('\n').slice(2).join('\n');
const text = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
const numbered = (n: number, change: Record<number, string> = {}) => text(...Array.from({ length: n }, (_, i) => change[i] ?? `line ${i}`));

describe('unifiedDiff', () => {
  it('prints nothing for equal texts', () => {
    expect(unifiedDiff({ label: 'a', text: 'x\n' }, { label: 'b', text: 'x\n' })).toBe('');
  });

  it('prints headers, a hunk with three lines of context, deletions before insertions', () => {
    expect(unifiedDiff({ label: 'LIVE/x\tT1', text: numbered(10) }, { label: 'MERGED/x\tT2', text: numbered(10, { 5: 'changed' }) })).toBe(
      '--- LIVE/x\tT1\n+++ MERGED/x\tT2\n@@ -3,7 +3,7 @@\n line 2\n line 3\n line 4\n-line 5\n+changed\n line 6\n line 7\n line 8\n',
    );
  });

  it('diffs a new file against nothing as -0,0', () => {
    expect(hunks('', text('a', 'b'))).toBe('@@ -0,0 +1,2 @@\n+a\n+b\n');
  });

  it.each([
    ['one change', numbered(20), numbered(20, { 10: 'x' })],
    ['two far changes', numbered(30), numbered(30, { 2: 'x', 25: 'y' })],
    ['two near changes merge', numbered(30), numbered(30, { 5: 'x', 11: 'y' })],
    ['first and last lines', numbered(8), numbered(8, { 0: 'x', 7: 'y' })],
    ['insertion', text('a', 'b', 'c'), text('a', 'b', 'new', 'c')],
    ['deletion of one line', text('a', 'b', 'c', 'd', 'e'), text('a', 'b', 'd', 'e')],
    ['everything removed', text('a', 'b'), ''],
    ['yaml field change', text('spec:', '  replicas: 1', '  selector:', '    app: web'), text('spec:', '  replicas: 3', '  selector:', '    app: web')],
  ])('matches GNU diff -u: %s', (_name, a, b) => {
    const gnu = gnuHunks(a, b);
    if (gnu === undefined) return;
    expect(hunks(a, b)).toBe(gnu);
  });
});
