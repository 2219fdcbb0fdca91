import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from '../../../src/kubectl/printers/custom-columns.js';

const pod = (name: string, images: string[], labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(labels ? { labels } : {}) },
  spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) },
});

function print(spec: string, objects: KubeObject[], noHeaders = false): string {
  const parsed = parseCustomColumns(spec);
  if (!parsed.ok) return parsed.stderr;
  const r = printCustomColumns(parsed.columns, objects, { noHeaders });
  return r.ok ? r.text : r.stderr;
}

describe('custom-columns', () => {
  it('prints a header and one aligned row per object, comma-joining several matches', () => {
    expect(print('NAME:.metadata.name,IMAGE:.spec.containers[*].image', [pod('web', ['nginx']), pod('sidecar-demo', ['nginx', 'busybox'])])).toBe(
      'NAME           IMAGE\nweb            nginx\nsidecar-demo   nginx,busybox\n',
    );
  });

  it('shows <none> for a missing field and Go map syntax for maps', () => {
    expect(print('N:metadata.name,L:{.metadata.labels},X:.nope', [pod('a', ['x'], { app: 'web', tier: 'fe' })])).toBe(
      'N     L                      X\na     map[app:web tier:fe]   <none>\n',
    );
  });

  it('omits the header with --no-headers', () => {
    expect(print('N:.metadata.name', [pod('a', [])], true)).toBe('a\n');
  });

  it('still prints the header for an empty list', () => {
    expect(print('NAME:.metadata.name', [])).toBe('NAME\n');
  });

  it.each([
    ['', 'error: custom-columns format specified but no custom columns given\n'],
    ['NAME', 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n'],
    ['N:{a}{b}', "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n"],
  ])('rejects %j', (spec, stderr) => {
    expect(parseCustomColumns(spec)).toEqual({ ok: false, stderr });
  });

  it('reads a columns file of headers and paths', () => {
    const parsed = parseCustomColumnsFile('NAME          IMAGE\n.metadata.name  .spec.containers[0].image\n');
    expect(parsed).toEqual({ ok: true, columns: [{ header: 'NAME', fieldSpec: '{.metadata.name}' }, { header: 'IMAGE', fieldSpec: '{.spec.containers[0].image}' }] });
  });

  it('rejects a file whose header and path counts differ', () => {
    expect(parseCustomColumnsFile('A B\n.x\n')).toEqual({ ok: false, stderr: 'error: number of headers (2) does not match number of columns (1)\n' });
  });
});
