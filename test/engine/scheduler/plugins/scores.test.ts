import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { Store } from '../../../../src/engine/api/store.js';
import { newCycleState, schedulePod } from '../../../../src/engine/scheduler/framework.js';
import type { NodeInfo } from '../../../../src/engine/scheduler/node-info.js';
import { defaultProfile } from '../../../../src/engine/scheduler/registry.js';
import { balancedAllocation } from '../../../../src/engine/scheduler/plugins/balanced-allocation.js';
import { nodeAffinityScore } from '../../../../src/engine/scheduler/plugins/node-affinity.js';
import { nodeResourcesFitScore } from '../../../../src/engine/scheduler/plugins/node-resources-fit.js';
import { taintTolerationScore } from '../../../../src/engine/scheduler/plugins/taint-toleration.js';
import { podTopologySpreadScore } from '../../../../src/engine/scheduler/plugins/pod-topology-spread.js';
import { imageLocality } from '../../../../src/engine/scheduler/plugins/image-locality.js';
import type { ScorePlugin } from '../../../../src/engine/scheduler/types.js';
import { node, nodeInfo, pod, podRequesting } from '../helpers.js';

/** Normalised scores of one plugin over the nodes, or undefined when it skips. */
function scores(plugin: ScorePlugin, p: KubeObject, nodes: NodeInfo[], store = new Store()): number[] | undefined {
  const state = newCycleState(store, nodes);
  if (plugin.preScore && !plugin.preScore(p, nodes, state)) return undefined;
  const s = nodes.map((n) => plugin.score(p, n, state));
  plugin.normalize?.(s, nodes, state);
  return s;
}

describe('NodeResourcesFit (LeastAllocated)', () => {
  it('scores the free share of cpu and memory after placing the pod, with 100m/200Mi for request-less pods', () => {
    const empty = nodeInfo(node('empty'));
    const busy = nodeInfo(node('busy'), [podRequesting('old', { cpu: '1', memory: '2Gi' })]);
    // empty: cpu (2000-100)/2000 = 95, memory (4096-200)/4096 = 95. busy: cpu 45, memory 45.
    expect(scores(nodeResourcesFitScore, pod('p'), [empty, busy])).toEqual([95, 45]);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it.each([
    ['even cpu and memory use scores 100', podRequesting('p', { cpu: '1', memory: '2Gi' }), 100],
    ['half the cpu and no memory scores 75', podRequesting('p', { cpu: '1' }), 75],
    ['all the cpu and no memory scores 50', podRequesting('p', { cpu: '2' }), 50],
  ])('%s', (_name, p, want) => {
    expect(scores(balancedAllocation, p, [nodeInfo(node('n'))])).toEqual([want]);
  });
});

describe('TaintToleration (PreferNoSchedule)', () => {
  const spot = { key: 'spot', value: 'yes', effect: 'PreferNoSchedule' };
  it.each([
    ['an untolerated PreferNoSchedule taint scores 0, a clean node 100', pod('p'), [0, 100]],
    ['a tolerated one does not count', pod('p', { tolerations: [{ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }] }), [100, 100]],
  ])('%s', (_name, p, want) => {
    expect(scores(taintTolerationScore, p, [nodeInfo(node('a', { taints: [spot] })), nodeInfo(node('b'))])).toEqual(want);
  });
});

describe('NodeAffinity (preferred)', () => {
  const prefer = (weight: number, value: string) => ({ weight, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: [value] }] } });
  it('sums matching weights and scales the best to 100', () => {
    const p = pod('p', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [prefer(80, 'ssd'), prefer(20, 'hdd')] } } });
    const nodes = [nodeInfo(node('a', { labels: { disktype: 'ssd' } })), nodeInfo(node('b', { labels: { disktype: 'hdd' } })), nodeInfo(node('c'))];
    expect(scores(nodeAffinityScore, p, nodes)).toEqual([100, 25, 0]);
  });

  it('skips pods without preferences', () => {
    expect(scores(nodeAffinityScore, pod('p'), [nodeInfo(node('a'))])).toBeUndefined();
  });
});

describe('PodTopologySpread (system defaults)', () => {
  const rsStore = () => {
    const store = new Store();
    store.put('replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', resourceVersion: '1' }, spec: { selector: { matchLabels: { app: 'web' } } } });
    return store;
  };
  const web = (name: string) => pod(name, {}, { labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs-uid', controller: true }] });

  it('prefers the node with fewer pods of the same ReplicaSet', () => {
    const nodes = [nodeInfo(node('node01'), [web('a'), web('b')]), nodeInfo(node('node02'), [web('c')])];
    const s = scores(podTopologySpreadScore, web('new'), nodes, rsStore())!;
    expect(s[1]).toBeGreaterThan(s[0]!);
    expect(s[1]).toBe(100);
  });

  it('skips a pod nothing selects', () => {
    expect(scores(podTopologySpreadScore, pod('bare'), [nodeInfo(node('node01'))], rsStore())).toBeUndefined();
  });
});

describe('ImageLocality', () => {
  it('prefers the node that already has a large image', () => {
    const withImage = node('a');
    withImage.status.images = [{ names: ['docker.io/library/postgres:16'], sizeBytes: 400 * 1024 * 1024 }];
    const nodes = [nodeInfo(withImage), nodeInfo(node('b'))];
    const s = scores(imageLocality, pod('p', { containers: [{ name: 'db', image: 'postgres:16' }] }), nodes)!;
    expect(s[0]).toBeGreaterThan(0);
    expect(s[1]).toBe(0);
  });
});

describe('schedulePod', () => {
  it('spreads request-less pods: the second goes to the emptier node', () => {
    const nodes = [nodeInfo(node('node01'), [pod('first')]), nodeInfo(node('node02'))];
    const d = schedulePod(defaultProfile(), pod('second'), nodes, new Store());
    expect(d.ok && d.node).toBe('node02');
  });

  it('breaks ties by node name', () => {
    const d = schedulePod(defaultProfile(), pod('p'), [nodeInfo(node('node01')), nodeInfo(node('node02'))], new Store());
    expect(d.ok && d.node).toBe('node01');
  });

  it('returns a diagnosis naming the rejecting plugin per node', () => {
    const d = schedulePod(defaultProfile(), podRequesting('p', { cpu: '3' }), [nodeInfo(node('node01', { unschedulable: true })), nodeInfo(node('node02'))], new Store());
    expect(d.ok).toBe(false);
    if (!d.ok) expect([...d.diagnosis.statuses].map(([n, s]) => `${n} ${s.plugin}`)).toEqual(['node01 NodeUnschedulable', 'node02 NodeResourcesFit']);
  });
});
