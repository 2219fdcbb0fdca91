import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/kubectl/printers/tabwriter.js';

describe('formatTable', () => {
  it('pads each column to its widest cell + 3 and leaves the last cell unpadded', () => {
    expect(
      formatTable([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        ['nginx', '1/1', 'Running', '0', '5s'],
      ]),
    ).toBe('NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          5s\n');
  });

  it('never makes a column narrower than 6', () => {
    expect(formatTable([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(formatTable([['ünï', 'x'], ['😀😀😀😀', 'y']])).toBe('ünï    x\n😀😀😀😀   y\n');
  });

  it('measures ASCII and non-ASCII cells of one column alike', () => {
    expect(formatTable([['NAME', 'DATA'], ['café-config', '1'], ['web', '2']])).toBe('NAME          DATA\ncafé-config   1\nweb           2\n');
  });

  it('pads every row of a wide table from the same column widths', () => {
    const rows = [['NAMESPACE', 'NAME', 'AGE'], ...Array.from({ length: 3 }, (_, i) => [`ns${i}`, `pod-${'x'.repeat(i * 4)}`, '5s'])];
    expect(formatTable(rows)).toBe('NAMESPACE   NAME           AGE\nns0         pod-           5s\nns1         pod-xxxx       5s\nns2         pod-xxxxxxxx   5s\n');
  });

  it('prints nothing for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});
