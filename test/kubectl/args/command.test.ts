import { describe, expect, it } from 'vitest';
import { commandPath, errorOutput, findCommand, flagErrorOutput, flagsOf, levenshtein, type CommandSpec } from '../../../src/kubectl/args/command.js';
import { parseFlags } from '../../../src/kubectl/args/flags.js';

const leaf = (name: string, extra: Partial<CommandSpec> = {}): CommandSpec => ({ name, use: name, short: name, ...extra });

// kubectl v1.30 registers its verbs in this order (cmd.go: the help groups, then the rest);
// cobra suggests in registration order, which is why `ge` suggests set before get.
const VERBS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate',
  'completion', 'alpha', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

const createDeployment = leaf('deployment', { aliases: ['deploy'], flags: [{ name: 'image', type: 'stringSlice', usage: '' }] });
const rollout = leaf('rollout', { subcommands: [leaf('status'), leaf('undo')] });
const get = leaf('get', { flags: [{ name: 'output', short: 'o', type: 'string', usage: '' }, { name: 'watch', short: 'w', type: 'bool', usage: '' }] });
const kubectl: CommandSpec = {
  name: 'kubectl',
  use: 'kubectl',
  short: '',
  subcommands: VERBS.map((v) =>
    v === 'create' ? leaf('create', { subcommands: [createDeployment] }) : v === 'rollout' ? rollout : v === 'get' ? get : leaf(v, { hidden: v === 'alpha' }),
  ),
};

const found = (line: string) => {
  const r = findCommand(kubectl, line === '' ? [] : line.split(' '));
  return r.ok ? [commandPath(r.path), r.args.join(' ')] : r.stderr;
};

describe('findCommand', () => {
  it.each([
    ['get pods', 'kubectl get', 'pods'],
    ['-n dev get pods', 'kubectl get', '-n dev pods'],
    ['--namespace dev get pods -o wide', 'kubectl get', '--namespace dev pods -o wide'],
    ['--namespace=dev get', 'kubectl get', '--namespace=dev'],
    ['create deployment web --image=nginx', 'kubectl create deployment', 'web --image=nginx'],
    ['create deploy web', 'kubectl create deployment', 'web'],
    ['-n get get', 'kubectl get', '-n get'],
    ['rollout status deploy/web', 'kubectl rollout status', 'deploy/web'],
    ['rollout', 'kubectl rollout', ''],
    ['rollout foo', 'kubectl rollout', 'foo'],
    ['', 'kubectl', ''],
    ['--help', 'kubectl', '--help'],
    ['get -- create', 'kubectl get', '-- create'],
  ])('%s', (line, path, args) => {
    expect(found(line)).toEqual([path, args]);
  });

  // stderr as kubectl v1.30 prints it (cli.RunNoErrOutput + checkErr). The v1.32 binary at
  // /usr/bin/kubectl prints `Error: ` and one more blank line instead.
  it.each([
    ['foo', 'error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n'],
    ['ge pods', 'error: unknown command "ge" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n'],
    ['gte pods', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n'],
    ['deskribe pod', 'error: unknown command "deskribe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n'],
    ['rollot', 'error: unknown command "rollot" for "kubectl"\n\nDid you mean this?\n\trollout\n'],
    ['x', 'error: unknown command "x" for "kubectl"\n\nDid you mean this?\n\tcp\n'],
    ['GET pods', 'error: unknown command "GET" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n'],
    ['api', 'error: unknown command "api" for "kubectl"\n\nDid you mean this?\n\tcp\n\tapi-versions\n\tapi-resources\n'],
    ['alph', 'error: unknown command "alph" for "kubectl"\n\nDid you mean this?\n\tauth\n'],
    ['zzzzzzzz', 'error: unknown command "zzzzzzzz" for "kubectl"\n'],
    // kubectl looks for a plugin before cobra runs, and prints this one itself with `Error: `.
    ['-n dev zzzzzzzz', 'Error: flags cannot be placed before plugin name: -n\n'],
  ])('%s', (line, stderr) => {
    expect(found(line)).toBe(stderr);
  });

  it('leaves the words for the command to parse with its own and the global flags', () => {
    const r = findCommand(kubectl, ['-n', 'dev', 'get', 'pods', '-owide', '--context', 'kind']);
    if (!r.ok) throw new Error(r.stderr);
    const f = parseFlags(r.args, flagsOf(r.path[r.path.length - 1]!));
    expect(f.ok && [f.value.args, f.value.string('namespace'), f.value.string('output'), f.value.string('context')]).toEqual([['pods'], 'dev', 'wide', 'kind']);
  });
});

describe('error output', () => {
  it('decorates a flag error like kubectl', () => {
    expect(flagErrorOutput([kubectl, get], 'unknown flag: --foo')).toEqual({
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
    expect(flagErrorOutput([kubectl, kubectl.subcommands![0]!, createDeployment], 'flag needs an argument: --image').stderr).toBe(
      "error: flag needs an argument: --image\nSee 'kubectl create deployment --help' for usage.\n",
    );
  });

  it('adds error: and one newline unless present', () => {
    expect(errorOutput('Required resource not specified.')).toEqual({ stderr: 'error: Required resource not specified.\n', exitCode: 1 });
    expect(errorOutput('error: x\n').stderr).toBe('error: x\n');
  });
});

describe('levenshtein', () => {
  it.each([
    ['get', 'get', 0],
    ['gte', 'get', 2],
    ['ge', 'set', 2],
    ['', 'cp', 2],
    ['describe', 'deskribe', 1],
  ])('%s/%s = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
  });
});
