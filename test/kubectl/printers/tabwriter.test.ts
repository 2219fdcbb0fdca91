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

  it('prints nothing for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});
