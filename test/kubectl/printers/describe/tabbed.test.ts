import { describe, expect, it } from 'vitest';
import { alignTabs, LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from '../../../../src/kubectl/printers/describe/tabbed.js';

describe('alignTabs (text/tabwriter, minwidth 0, padding 2)', () => {
  it('pads a column to its widest cell plus two and leaves the last cell unpadded', () => {
    expect(alignTabs('Name:\tweb\nService Account:\tdefault\n')).toBe('Name:             web\nService Account:  default\n');
  });

  it('splits the pod header at `IPs:`: the lines after it align on their own (reference §0)', () => {
    const text = ['Name:\tweb', 'Service Account:\tdefault', 'IP:\t10.244.1.5', 'IPs:', '  IP:\t10.244.1.5', 'Controlled By:\tReplicaSet/web', ''].join('\n');
    expect(alignTabs(text)).toBe(
      [
        'Name:             web',
        'Service Account:  default',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web',
        '',
      ].join('\n'),
    );
  });

  it('aligns an inner column only across the lines that have it', () => {
    const text = 'Port:\t<unset>\t80/TCP\nTargetPort:\t8080/TCP\nNodePort:\t<unset>\t31234/TCP\n';
    expect(alignTabs(text)).toBe('Port:        <unset>  80/TCP\nTargetPort:  8080/TCP\nNodePort:    <unset>  31234/TCP\n');
  });

  it('gives an empty cell a column of padding only', () => {
    expect(alignTabs('a\t\tb\nlonger\t\tc\n')).toBe('a         b\nlonger    c\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(alignTabs('é:\tx\nab:\ty\n')).toBe('é:   x\nab:  y\n');
  });
});

describe('PrefixWriter via tabbedString', () => {
  it('indents two spaces per level and flush() starts fresh blocks', () => {
    const out = tabbedString((w) => {
      w.write(LEVEL_0, 'A very long label:\tx\n');
      w.flush();
      w.write(LEVEL_1, 'Type\tReason\n');
      w.write(LEVEL_2, 'x\ty\n');
    });
    expect(out).toBe('A very long label:  x\n  Type  Reason\n    x   y\n');
  });

  it('writeLine ends the line like fmt.Sprintln', () => {
    expect(tabbedString((w) => { w.write(LEVEL_0, 'Labels:\t'); w.writeLine('<none>'); })).toBe('Labels:  <none>\n');
  });
});
