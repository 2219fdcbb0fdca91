import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster.js';
import { installKubelets, nodeMetrics, podMetrics } from '../../../../src/engine/node/index.js';
import { createKubectlEnv, runKubectlLine, outputText, streamText } from '../../../../src/kubectl/index.js';
import { PortForwards } from '../../../../src/kubectl/commands/ops/index.js';
import { deployment, session } from './helpers.js';

function withMetrics() {
  const cluster = createCluster();
  installKubelets(cluster);
  const portForwards = new PortForwards();
  const env = Object.assign(createKubectlEnv(cluster), {
    metrics: { node: (n: string) => nodeMetrics(cluster, n), pod: (ns: string, n: string) => podMetrics(cluster, ns, n) },
    portForwards,
  });
  const k = (line: string) => {
    const r = runKubectlLine(line, env);
    return { out: streamText(r.output, 'stdout'), err: streamText(r.output, 'stderr'), text: outputText(r.output), code: r.exitCode };
  };
  return { cluster, k, portForwards };
}

describe('kubectl top (real kubelet metrics)', () => {
  it('prints nodes with CPU and memory and their share, every cell padded', () => {
    const { k } = withMetrics();
    const lines = k('top nodes').out.split('\n');
    expect(lines[0]).toBe('NAME           CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%   ');
    expect(lines.slice(1, 4).map((l) => l.split(/ +/)[0])).toEqual(['controlplane', 'node01', 'node02']);
    expect(lines[1]).toMatch(/^controlplane +\d+m +\d+% +\d+Mi +\d+% +$/);
  });

  it('prints pods, -A with namespaces, --containers per container', () => {
    const { k } = withMetrics();
    expect(k('top pods -n kube-system').out.split('\n')[0]).toBe('NAME                                   CPU(cores)   MEMORY(bytes)   ');
    expect(k('top pods -A').out.split('\n')[0]).toMatch(/^NAMESPACE +NAME +CPU\(cores\) +MEMORY\(bytes\) +$/);
    expect(k('top pods -n kube-system --containers').out.split('\n')[0]).toMatch(/^POD +NAME +CPU\(cores\) +MEMORY\(bytes\) +$/);
    expect(k('top pods').err).toBe('No resources found in default namespace.\n');
  });
});

describe('kubectl port-forward', () => {
  it('prints the forwarding lines and records the forward for the TUI', () => {
    const { cluster, k, portForwards } = withMetrics();
    cluster.client().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'http' }] }] } });
    cluster.advance(30_000);
    expect(k('port-forward pod/web 8080:http').out).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(portForwards.lookup(8080)).toEqual({ localPort: 8080, namespace: 'default', pod: 'web', podPort: 80 });
    expect(k('port-forward web').err).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
  });
});

describe('kubectl debug', () => {
  it('creates a node debugger pod on the node', () => {
    const s = session();
    const r = s.k('debug node/node01 --image=busybox:1.36');
    expect(r.out).toMatch(/^Creating debugging pod node-debugger-node01-[a-z0-9]{5} with container debugger on node node01\.\n$/);
  });

  it('copies a pod with --copy-to', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25', 1));
    s.cluster.advance(5000);
    const pods = s.cluster.client().list('pods', { namespace: 'default' });
    const name = pods.ok ? pods.value.items[0]!.metadata.name : '';
    expect(s.k(`debug ${name} --copy-to=web-debug --image=busybox:1.36`).code).toBe(0);
    expect(s.cluster.client().get('pods', 'default', 'web-debug').ok).toBe(true);
    expect(s.k(`debug ${name}`).err).toBe('error: you must specify --image when not using --copy-to.\n');
  });
});

describe('verbs the tutor does not offer', () => {
  it.each([
    ['completion bash', 0],
    ['proxy', 1],
    ['cp a b', 1],
    ['attach web', 1],
  ])('%s answers in one line', (line, code) => {
    const r = session({ kubelet: 'none' }).k(line);
    expect(r.code).toBe(code);
    expect(r.text.split('\n').length).toBe(2);
  });
});
