import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from '../../../src/kubectl/args/flags.js';
import { GLOBAL_FLAGS } from '../../../src/kubectl/args/global-flags.js';

/** A slice of real kubectl flags covering every type and shape the parser handles. */
const SPECS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: '' },
  { name: 'output', short: 'o', type: 'string', usage: '' },
  { name: 'selector', short: 'l', type: 'string', usage: '' },
  { name: 'watch', short: 'w', type: 'bool', usage: '' },
  { name: 'stdin', short: 'i', type: 'bool', usage: '' },
  { name: 'tty', short: 't', type: 'bool', usage: '' },
  { name: 'force', type: 'bool', usage: '' },
  { name: 'image', type: 'string', usage: '' },
  { name: 'replicas', short: 'r', type: 'int32', default: 1, usage: '' },
  { name: 'grace-period', type: 'int', default: -1, usage: '' },
  { name: 'from-literal', type: 'stringArray', usage: '' },
  { name: 'filename', short: 'f', type: 'stringSlice', usage: '' },
  { name: 'labels', type: 'stringToString', usage: '' },
  { name: 'since', type: 'duration', usage: '' },
  { name: 'timeout', type: 'duration', default: 30_000, usage: '' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage: '' },
];

const parse = (line: string) => {
  const r = parseFlags(line === '' ? [] : line.split(' '), SPECS);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseFlags', () => {
  it.each([
    ['-n dev pods', 'dev', ['pods']],
    ['-ndev pods', 'dev', ['pods']],
    ['-n=dev pods', 'dev', ['pods']],
    ['--namespace=dev pods', 'dev', ['pods']],
    ['--namespace dev pods', 'dev', ['pods']],
    ['pods --namespace dev', 'dev', ['pods']],
    ['pods web -n dev -n prod', 'prod', ['pods', 'web']],
    ['--namespace= pods', '', ['pods']],
    ['-n -A pods', '-A', ['pods']],
  ])('namespace in %s', (line, namespace, args) => {
    const f = parse(line);
    expect([f.string('namespace'), f.args]).toEqual([namespace, args]);
  });

  it.each([
    ['-oyaml', 'yaml'],
    ['-o=wide', 'wide'],
    ['-o wide', 'wide'],
    ['--output=jsonpath={.items[*].metadata.name}', 'jsonpath={.items[*].metadata.name}'],
    ['-o=custom-columns=NAME:.metadata.name', 'custom-columns=NAME:.metadata.name'],
  ])('output in %s', (line, output) => {
    expect(parse(line).string('output')).toBe(output);
  });

  it.each([
    ['', false, false, false],
    ['--force', true, false, false],
    ['--force=false', false, false, false],
    ['--force=true --force=0', false, false, false],
    ['--force=T', true, false, false],
    ['-it', false, true, true],
    ['-ti', false, true, true],
    ['-i', false, true, false],
    ['-t=false -i', false, true, false],
  ])('bools in %s', (line, force, stdin, tty) => {
    const f = parse(line);
    expect([f.bool('force'), f.bool('stdin'), f.bool('tty')]).toEqual([force, stdin, tty]);
  });

  it('reads combined shorthands up to a flag that takes the rest as its value', () => {
    const f = parse('-itndev');
    expect([f.bool('stdin'), f.bool('tty'), f.string('namespace')]).toEqual([true, true, 'dev']);
    expect(parse('-Ao yaml').string('output')).toBe('yaml');
  });

  it('knows -A and --all-namespaces, and reads underscores as dashes like kubectl', () => {
    expect(parse('-A').bool('all-namespaces')).toBe(true);
    expect(parse('--all-namespaces').bool('all-namespaces')).toBe(true);
    expect(parse('--all_namespaces').bool('all-namespaces')).toBe(true);
  });

  it('fills defaults and records which flags were given', () => {
    const f = parse('pods -l app=web');
    expect([f.int('replicas'), f.int('grace-period'), f.string('dry-run'), f.duration('timeout'), f.list('from-literal')]).toEqual([1, -1, 'none', 30_000, []]);
    expect([...f.changed]).toEqual(['selector']);
    expect(f.help).toBe(false);
  });

  it('gives a bare string flag its no-option default (--dry-run alone)', () => {
    expect(parse('--dry-run').string('dry-run')).toBe('unchanged');
    expect(parse('--dry-run=client').string('dry-run')).toBe('client');
    // A flag with a no-option default never takes the next word: `client` is positional.
    expect(parse('--dry-run client').args).toEqual(['client']);
  });

  it('lets the last -l win but accumulates --from-literal without splitting commas', () => {
    const f = parse('-l a=b -l c=d --from-literal=k=v1,v2 --from-literal k2=v');
    expect(f.string('selector')).toBe('c=d');
    expect(f.list('from-literal')).toEqual(['k=v1,v2', 'k2=v']);
  });

  it('splits stringSlice values on commas and accumulates them (-f a,b -f c)', () => {
    expect(parse('-f a.yaml,b.yaml -f c.yaml').list('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('merges stringToString values', () => {
    expect(parse('--labels=a=1,b=2 --labels c=3').map('labels')).toEqual({ a: '1', b: '2', c: '3' });
  });

  it.each([
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['0', 0],
    ['-1m', -60_000],
    ['1h2m3s4ms', 3_723_004],
  ])('duration %s', (text, ms) => {
    expect(parse(`--since=${text}`).duration('since')).toBe(ms);
  });

  it.each([
    ['0x10', 16],
    ['010', 8],
    ['-3', -3],
    ['1_000', 1000],
  ])('ints parse like strconv.ParseInt base 0: %s', (text, value) => {
    expect(parse(`--grace-period=${text}`).int('grace-period')).toBe(value);
  });

  it('keeps everything after -- as positionals and records where it was', () => {
    const f = parse("exec web -n dev -- sh -c 'x' -n other");
    expect(f.args).toEqual(['exec', 'web', 'sh', '-c', "'x'", '-n', 'other']);
    expect(f.argsLenAtDash).toBe(2);
    expect(f.string('namespace')).toBe('dev');
    const run = parse('x --image=busybox -- sleep 3600');
    expect([run.args, run.argsLenAtDash]).toEqual([['x', 'sleep', '3600'], 1]);
    expect(parse('pods').argsLenAtDash).toBe(-1);
  });

  it('treats a lone - as a positional (-f -)', () => {
    expect(parse('-f -').list('filename')).toEqual(['-']);
    expect(parse('apply -').args).toEqual(['apply', '-']);
  });

  it('accepts global flags anywhere', () => {
    const f = parse('pods --context=kind --as jane --as-group=dev --as-group ops -v=6 --request-timeout 5s --kubeconfig=/dev/null');
    expect([f.string('context'), f.string('as'), f.list('as-group'), f.int('v'), f.string('request-timeout'), f.string('kubeconfig')]).toEqual([
      'kind',
      'jane',
      ['dev', 'ops'],
      6,
      '5s',
      '/dev/null',
    ]);
  });

  it("lets a command's own flag win over a global flag of the same name (create rolebinding --user)", () => {
    const user: FlagSpec = { name: 'user', type: 'stringArray', usage: '' };
    const r = parseFlags(['--user=alice', '--user', 'bob'], [user, ...GLOBAL_FLAGS]);
    expect(r.ok && r.value.list('user')).toEqual(['alice', 'bob']);
  });

  it('sees -h and --help', () => {
    expect(parse('-h').help).toBe(true);
    expect(parse('pods --help').help).toBe(true);
  });

  it('stops at the first positional when not interspersed', () => {
    const r = parseFlags(['-n', 'dev', 'web', '-n', 'x'], SPECS, { interspersed: false });
    expect(r.ok && [r.value.string('namespace'), r.value.args]).toEqual(['dev', ['web', '-n', 'x']]);
  });

  it('throws when a command asks for an undeclared flag or the wrong type', () => {
    expect(() => parse('').string('nope')).toThrow('flag --nope is not declared as string');
    expect(() => parse('').string('force')).toThrow('flag --force is not declared as string');
  });

  // Texts as kubectl v1.30/v1.32 print them after `error: ` (checked against /usr/bin/kubectl).
  it.each([
    ['--foo', 'unknown flag: --foo'],
    ['-oyaml --bogus=1', 'unknown flag: --bogus'],
    ['-z', "unknown shorthand flag: 'z' in -z"],
    ['-iz', "unknown shorthand flag: 'z' in -z"],
    ['-r=abc', "invalid argument \"abc\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax"],
    ['-n', "flag needs an argument: 'n' in -n"],
    ['-An', "flag needs an argument: 'n' in -n"],
    ['--namespace', 'flag needs an argument: --namespace'],
    ['pods -l', "flag needs an argument: 'l' in -l"],
    ['--from-literal', 'flag needs an argument: --from-literal'],
    ['--replicas=abc', 'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    ['--replicas=99999999999', 'invalid argument "99999999999" for "-r, --replicas" flag: strconv.ParseInt: parsing "99999999999": value out of range'],
    ['--grace-period=1.5', 'invalid argument "1.5" for "--grace-period" flag: strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['--grace-period=09', 'invalid argument "09" for "--grace-period" flag: strconv.ParseInt: parsing "09": invalid syntax'],
    ['--force=maybe', 'invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    ['-w=maybe', 'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    ['--since=abc', 'invalid argument "abc" for "--since" flag: time: invalid duration "abc"'],
    ['--since=30', 'invalid argument "30" for "--since" flag: time: missing unit in duration "30"'],
    ['--since=1d', 'invalid argument "1d" for "--since" flag: time: unknown unit "d" in duration "1d"'],
    ['--since=-1x', 'invalid argument "-1x" for "--since" flag: time: unknown unit "x" in duration "-1x"'],
    ['--v=abc', 'invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    ['--labels=a', 'invalid argument "a" for "--labels" flag: a must be formatted as key=value'],
    ['---foo', 'bad flag syntax: ---foo'],
    ['--=x', 'bad flag syntax: --=x'],
  ])('rejects %s', (line, error) => {
    expect(parseFlags(line.split(' '), SPECS)).toEqual({ ok: false, error });
  });
});
