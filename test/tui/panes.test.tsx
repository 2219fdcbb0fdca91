import { render, cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster.js';
import { PodsPane } from '../../src/tui/panes/PodsPane.js';
import { NodesPane } from '../../src/tui/panes/NodesPane.js';
import { EventsPane } from '../../src/tui/panes/EventsPane.js';
import { bar } from '../../src/tui/panes/node-rows.js';

afterEach(() => cleanup());

describe('live panes', () => {
  it('lists kube-system pods with kubectl statuses and nodes', () => {
    const cluster = createCluster();
    const s = cluster.snapshot();
    const { lastFrame } = render(<PodsPane pods={s.list('pods', 'kube-system')} now={s.time} namespace="kube-system" width={90} height={12} />);
    const frame = lastFrame()!;
    expect(frame).toContain('Pods · kube-system');
    expect(frame).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+NODE/);
    expect(frame).toMatch(/etcd-controlplane\s+1\/1\s+Running\s+0\s+3d\s+controlplane/);
  });

  it('says there are no pods in an empty namespace', () => {
    const cluster = createCluster();
    const { lastFrame } = render(<PodsPane pods={cluster.snapshot().list('pods', 'default')} now={cluster.now()} namespace="default" width={80} height={6} />);
    expect(lastFrame()).toContain('No resources found in default namespace.');
  });

  it('shows every node with its status and roles-free pod counts', () => {
    const cluster = createCluster();
    const s = cluster.snapshot();
    const { lastFrame } = render(<NodesPane nodes={s.list('nodes')} pods={s.list('pods')} width={80} height={6} />);
    expect(lastFrame()).toMatch(/controlplane\s+Ready\s+\d+ pods\s+cpu/);
    expect(lastFrame()).toMatch(/node02\s+Ready/);
  });

  it('shows a warning event newest first', () => {
    const cluster = createCluster();
    cluster.client().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] } });
    cluster.advance(2000);
    const s = cluster.snapshot();
    const { lastFrame } = render(<EventsPane events={s.list('events', 'default')} now={s.time} width={100} height={5} />);
    expect(lastFrame()).toMatch(/Warning\s+FailedScheduling\s+pod\/huge 0\/3 nodes are available/);
  });

  it('draws request bars proportionally', () => {
    expect(bar(0.5, 4)).toBe('▇▇▁▁');
    expect(bar(2, 4)).toBe('▇▇▇▇');
  });
});
