import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../src/kubectl/args/command.js';
import { readCommandLine } from '../../../src/kubectl/args/dispatch.js';

const get: CommandSpec = {
  name: 'get',
  use: 'get TYPE [NAME]',
  short: 'Display one or many resources',
  flags: [{ name: 'output', short: 'o', type: 'string', usage: 'Output format.' }],
};
const config: CommandSpec = {
  name: 'config',
  use: 'config SUBCOMMAND',
  short: 'Modify kubeconfig files',
  runnable: false,
  subcommands: [{ name: 'view', use: 'view', short: 'Display merged kubeconfig settings' }],
};
const kubectl: CommandSpec = { name: 'kubectl', use: 'kubectl', short: 'kubectl controls the Kubernetes cluster manager', subcommands: [get, config] };

describe('readCommandLine', () => {
  it('returns the command and its parsed flags, globals included', () => {
    const r = readCommandLine(kubectl, ['-n', 'dev', 'get', 'pods', '-oyaml']);
    expect(r.kind === 'run' && [r.path.map((c) => c.name), r.flags.args, r.flags.string('namespace'), r.flags.string('output')]).toEqual([
      ['kubectl', 'get'],
      ['pods'],
      'dev',
      'yaml',
    ]);
  });

  it('answers --help with the help text', () => {
    const r = readCommandLine(kubectl, ['get', '--help']);
    expect(r).toMatchObject({ kind: 'help' });
    expect(r.kind === 'help' && r.stdout).toBe(
      'Display one or many resources\n\nOptions:\n    -o, --output=\'\':\n\tOutput format.\n\nUsage:\n  kubectl get TYPE [NAME] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });

  it('shows help for a command that only groups others', () => {
    const r = readCommandLine(kubectl, ['config']);
    expect(r.kind === 'help' && r.stdout).toBe(
      'Modify kubeconfig files\n\nAvailable Commands:\n  view          Display merged kubeconfig settings\n\nUse "kubectl config <command> --help" for more information about a given command.\n',
    );
  });

  it.each([
    [['get', '--foo'], "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    [['get', '--help', '--foo'], "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    [['get', 'pods', '-n'], "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"],
    [['gte'], 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n'],
  ])('%j fails like kubectl', (argv, stderr) => {
    expect(readCommandLine(kubectl, argv)).toEqual({ kind: 'error', stderr, exitCode: 1 });
  });
});
