import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { parseClusterSpec } from '../src/cli/cluster-spec.js';
import { nodeIO } from '../src/cli/node-io.js';
import type { CliIO } from '../src/cli/io.js';

/** Runs kubetutor with the real disk and a given stdin; collects the streams. */
async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { ...nodeIO(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => stdin };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('kubetutor script', () => {
  it('prints the transcript and exits 0 even when commands fail', async () => {
    const path = file('s.sh', 'kubectl get foo\nkubectl version --client\n');
    expect(await run(['script', path])).toEqual({
      code: 0,
      stdout: `$ kubectl get foo\nerror: the server doesn't have a resource type "foo"\n$ kubectl version --client\nClient Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n`,
      stderr: '',
    });
  });

  it('reads the script from stdin with -', async () => {
    expect(await run(['script', '-'], 'kubectl get nodes -o name\n')).toMatchObject({ code: 0, stdout: '$ kubectl get nodes -o name\nnode/controlplane\nnode/node01\nnode/node02\n' });
  });

  it('builds the cluster from --cluster', async () => {
    const spec = file('cluster.yaml', 'nodes:\n- {name: cp, role: control-plane}\n- {name: w1}\n');
    expect((await run(['script', '-', '--cluster', spec], 'kubectl get nodes -o name\n')).stdout).toBe('$ kubectl get nodes -o name\nnode/cp\nnode/w1\n');
  });

  it('is deterministic for a seed', async () => {
    const script = 'kubectl get pods -A -o wide\n';
    expect((await run(['script', '-', '--seed', '3'], script)).stdout).toBe((await run(['script', '-', '--seed=3'], script)).stdout);
  });

  it.each([
    [['script', '/nonexistent/s.sh'], 'kubetutor script: cannot read /nonexistent/s.sh\n', 1],
    [['script'], 'kubetutor script: a script file (or - for stdin) is required\nusage: kubetutor script FILE|- [--seed N] [--cluster SPEC.yaml]\n', 2],
    [['script', '-', '--seed', 'x'], 'kubetutor script: --seed needs a whole number, got "x"\nusage: kubetutor script FILE|- [--seed N] [--cluster SPEC.yaml]\n', 2],
    [['nope'], expect.stringMatching(/^kubetutor: unknown command "nope"\n/), 2],
  ])('%j fails with one clear line', async (argv, stderr, code) => {
    expect(await run(argv as string[], '')).toMatchObject({ code, stderr, stdout: '' });
  });

  it('reports a script that does not parse', async () => {
    expect(await run(['script', '-'], "kubectl get 'pods\n")).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^kubetutor script: stdin: line 1: /) });
  });

  it('prints its usage', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('kubetutor script FILE|-') });
  });
});

describe('parseClusterSpec', () => {
  it('reads nodes with roles, labels, taints and capacity', async () => {
    expect(parseClusterSpec('version: v1.30.2\nnodes:\n- name: cp\n  role: control-plane\n- name: gpu1\n  labels: {gpu: "true"}\n  taints: [{key: gpu, value: "yes", effect: NoSchedule}]\n  capacity: {cpu: "8"}\n')).toEqual({
      ok: true,
      spec: {
        version: 'v1.30.2',
        nodes: [
          { name: 'cp', role: 'control-plane' },
          { name: 'gpu1', labels: { gpu: 'true' }, taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }], capacity: { cpu: '8' } },
        ],
      },
    });
  });

  it.each([
    ['nodes: []\n', 'nodes: at least one node is required'],
    ['nodes:\n- name: A\n', 'nodes[0].name: must be a DNS name such as node01'],
    ['nodes:\n- name: a\n  role: boss\n', 'nodes[0].role: must be control-plane or worker'],
    ['nodes:\n- name: a\n- name: a\n', 'nodes: duplicate node name "a"'],
    ['nodes:\n- name: a\n  taints: [{key: k, effect: Never}]\n', 'nodes[0].taints[0]: needs a key and an effect (NoSchedule, PreferNoSchedule or NoExecute)'],
    ['cluster: x\n', 'unknown field "cluster"'],
  ])('%j', (text, error) => {
    expect(parseClusterSpec(text)).toEqual({ ok: false, error });
  });
});
