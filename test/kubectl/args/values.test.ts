import { describe, expect, it } from 'vitest';
import { parseRequestTimeout } from '../../../src/kubectl/args/global-flags.js';
import { readCsv } from '../../../src/kubectl/args/values.js';

describe('readCsv', () => {
  it.each([
    ['a,b', ['a', 'b']],
    ['a', ['a']],
    ['', []],
    ['a,', ['a', '']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi"""', ['say "hi"']],
  ])('%s', (text, items) => {
    expect(readCsv(text)).toEqual({ ok: true, value: items });
  });

  it('rejects a bare quote like encoding/csv', () => {
    expect(readCsv('a"b')).toEqual({ ok: false, error: 'parse error on line 1, column 2: bare " in non-quoted-field' });
  });
});

describe('parseRequestTimeout', () => {
  const invalid =
    'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';
  it.each([
    ['0', 0],
    ['5', 5000],
    ['5s', 5000],
    ['1m', 60_000],
    ['-5s', -5000],
  ])('%s -> %i ms', (text, ms) => {
    expect(parseRequestTimeout(text)).toEqual({ ok: true, value: ms });
  });

  // Checked against /usr/bin/kubectl: `-5` fails, `-5s` is accepted.
  it.each(['abc', '-5', '1d'])('rejects %s', (text) => {
    expect(parseRequestTimeout(text)).toEqual({ ok: false, error: invalid });
  });
});
