import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCommandTree, runKubectl, runKubectlLine, outputText } from '../../src/kubectl/index.js';
import type { CommandModule } from '../../src/kubectl/types.js';
import { hasKubectl, KUBECTL } from './printers/real-kubectl.js';
import { session } from './helpers.js';

const s = session({ bare: true });

/** `--help` of the real binary (offline). */
const realHelp = (words: string[]) => execFileSync(KUBECTL, [...words, '--help'], { encoding: 'utf8', env: { KUBECONFIG: '/dev/null' } });

describe('help', () => {
  it.skipIf(!hasKubectl).each([['get'], ['describe'], ['explain'], ['version'], ['api-resources'], ['api-versions'], ['cluster-info'], ['config view'], ['config get-contexts'], ['config set-context'], ['config use-context'], ['config']])(
    'kubectl %s --help matches the real kubectl',
    (command) => {
      expect(s.exec(`kubectl ${command} --help`)).toEqual({ text: realHelp(command.split(' ')), stdout: realHelp(command.split(' ')), stderr: '', code: 0 });
    },
  );

  it.skipIf(!hasKubectl)('kubectl alone prints the root help (v1.32 adds a plugins section v1.30 lacks)', () => {
    const real = realHelp([]).replace('Subcommands provided by plugins:\n\n', '');
    expect(s.exec('kubectl')).toMatchObject({ stdout: real, code: 0 });
  });

  it('says so when the real kubectl is not installed', () => {
    if (!hasKubectl) console.warn(`${KUBECTL} not found: help comparisons skipped`);
    expect(s.run('kubectl --help')).toContain('Basic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n');
  });
});

describe('usage errors', () => {
  it.each([
    ['kubectl foo', 'error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n', 1],
    ['kubectl gte pods', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n', 1],
    ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", 1],
    ['kubectl get pods -Z', "error: unknown shorthand flag: 'Z' in -Z\nSee 'kubectl get --help' for usage.\n", 1],
    ['kubectl config', undefined, 1],
    ['kubectl config foo', "error: unexpected args: [foo]\nSee 'kubectl config -h' for help and examples\n", 1],
  ])('%s', (line, text, code) => {
    const r = s.exec(line);
    expect(r.code).toBe(code);
    if (text !== undefined) expect(r.text).toBe(text);
  });

  it('stands in for a verb no module provides, so help and suggestions still list it', () => {
    const r = runKubectl(['certificate', 'approve', 'x'], s.env, buildCommandTree([]));
    expect(r).toEqual({ output: [{ stream: 'stderr', text: 'error: "kubectl certificate" is not available in kubetutor\'s cluster\n' }], exitCode: 1 });
  });

  it('prints the config group help on stderr, as DefaultSubCommandRun does', () => {
    const r = s.exec('kubectl config');
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Modify kubeconfig files using subcommands/);
    expect(r.stderr).toContain('  use-context       Set the current-context in a kubeconfig file\n');
  });
});

describe('runKubectlLine', () => {
  it.each([
    ['kubectl version --client', 'Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n'],
    ['k version --client', 'Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n'],
    ['version --client  # the leading kubectl is optional', 'Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n'],
    ['', ''],
  ])('%j', (line, expected) => {
    expect(outputText(runKubectlLine(line, s.env).output)).toBe(expected);
  });

  it('reports shell syntax errors with exit code 1', () => {
    expect(runKubectlLine("kubectl get pods -l 'app=web", s.env)).toEqual({ output: [{ stream: 'stderr', text: expect.stringMatching(/^error: /) }], exitCode: 1 });
  });
});

describe('impersonation', () => {
  it('runs as --as, authorized by the API server', () => {
    const r = s.exec('kubectl get pods --as=jane');
    expect(r).toMatchObject({ code: 1, text: 'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n' });
  });

  it('refuses impersonation to a user who may not impersonate', () => {
    const jane = session({ bare: true, env: { user: 'jane' } });
    expect(jane.exec('kubectl get pods --as=bob').text).toBe(
      'Error from server (Forbidden): users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope\n',
    );
  });
});

describe('buildCommandTree', () => {
  const leaf = (path: string[], short = path.join(' ')): CommandModule => ({
    path,
    spec: { name: path[path.length - 1]!, use: path[path.length - 1]!, short },
    run: (_f, _e, io) => {
      io.out(`ran ${path.join(' ')}\n`);
      return 0;
    },
  });

  it('places subcommands under their parent, sorted by name, and synthesises a missing parent', () => {
    const tree = buildCommandTree([leaf(['rollout', 'undo']), leaf(['rollout', 'status']), leaf(['get'])]);
    const rollout = tree.root.subcommands!.find((c) => c.name === 'rollout')!;
    expect(rollout.subcommands!.map((c) => c.name)).toEqual(['status', 'undo']);
    expect(outputText(runKubectl(['rollout', 'status'], s.env, tree).output)).toBe('ran rollout status\n');
  });

  it('keeps kubectl\'s verb order and one-line summaries whatever the modules say', () => {
    const tree = buildCommandTree([leaf(['version'], 'something else'), leaf(['create'])]);
    const names = tree.root.subcommands!.map((c) => c.name);
    expect(names.slice(0, 6)).toEqual(['create', 'expose', 'run', 'set', 'explain', 'get']);
    expect(tree.root.subcommands!.find((c) => c.name === 'version')!.short).toBe('Print the client and server version information');
  });

  it('reports a verb that throws as an error instead of crashing', () => {
    const broken: CommandModule = { ...leaf(['get']), run: () => { throw new Error('boom'); } };
    const r = runKubectl(['get'], s.env, buildCommandTree([broken]));
    expect(r.exitCode).toBe(1);
    expect(outputText(r.output)).toMatch(/^error: internal error in kubetutor's kubectl get: Error: boom/);
  });
});
