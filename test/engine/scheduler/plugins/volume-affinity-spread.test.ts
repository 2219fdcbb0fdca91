import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { Store } from '../../../../src/engine/api/store.js';
import { newCycleState, runFilters, runPreFilter } from '../../../../src/engine/scheduler/framework.js';
import type { NodeInfo } from '../../../../src/engine/scheduler/node-info.js';
import { defaultProfile } from '../../../../src/engine/scheduler/registry.js';
import { node, nodeInfo, pod } from '../helpers.js';

/** A store holding the given objects. */
function storeWith(objects: [string, KubeObject][]): Store {
  const store = new Store();
  for (const [resource, obj] of objects) store.put(resource, { ...obj, metadata: { ...obj.metadata, resourceVersion: String(store.nextResourceVersion()) } });
  return store;
}

/** PreFilter then Filter for every node: `node: verdict`, or the PreFilter rejection. */
function verdicts(p: KubeObject, nodes: NodeInfo[], store = new Store()): string[] {
  const profile = defaultProfile();
  const state = newCycleState(store, nodes);
  const pre = runPreFilter(profile, p, state);
  if (pre.code !== 'Success') return [`PreFilter ${pre.plugin} ${pre.code}: ${pre.reasons.join(', ')}`];
  return nodes.map((n) => {
    const s = runFilters(profile, p, n, state);
    return `${n.name}: ${s.code === 'Success' ? 'Success' : `${s.plugin} ${s.code}: ${s.reasons.join(', ')}`}`;
  });
}

const withClaim = (name: string, claim = 'data') => pod(name, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] });
const pvc = (name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  status: { phase: spec.volumeName ? 'Bound' : 'Pending' },
});
const pv = (name: string, spec: Record<string, unknown>, phase = 'Available'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], ...spec },
  status: { phase },
});
const sc = (name: string, mode: string, provisioner = 'rancher.io/local-path'): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name },
  provisioner,
  volumeBindingMode: mode,
});
const onlyOn = (host: string) => ({ nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } } });

describe('VolumeBinding', () => {
  const nodes = () => [nodeInfo(node('node01')), nodeInfo(node('node02'))];

  it.each([
    ['a missing claim', [], ['PreFilter VolumeBinding UnschedulableAndUnresolvable: persistentvolumeclaim "data" not found']],
    ['an unbound claim without a class', [['persistentvolumeclaims', pvc('data', { storageClassName: '' })]], ['PreFilter VolumeBinding UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims']],
    [
      'an unbound claim of an Immediate class',
      [['storageclasses', sc('fast', 'Immediate')], ['persistentvolumeclaims', pvc('data', { storageClassName: 'fast' })]],
      ['PreFilter VolumeBinding UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims'],
    ],
    [
      'a claim being deleted',
      [['persistentvolumeclaims', { ...pvc('data', { volumeName: 'pv1' }), metadata: { name: 'data', namespace: 'default', deletionTimestamp: '2024-07-01T10:00:00Z' } }]],
      ['PreFilter VolumeBinding UnschedulableAndUnresolvable: persistentvolumeclaim "data" is being deleted'],
    ],
    ['a bound claim, no node affinity', [['persistentvolumeclaims', pvc('data', { volumeName: 'pv1' })], ['persistentvolumes', pv('pv1', {}, 'Bound')]], ['node01: Success', 'node02: Success']],
    [
      'a bound claim whose PV lives on node02',
      [['persistentvolumeclaims', pvc('data', { volumeName: 'pv1' })], ['persistentvolumes', pv('pv1', onlyOn('node02'), 'Bound')]],
      ['node01: VolumeBinding UnschedulableAndUnresolvable: node(s) had volume node affinity conflict', 'node02: Success'],
    ],
    [
      'WaitForFirstConsumer with a provisioner',
      [['storageclasses', sc('standard', 'WaitForFirstConsumer')], ['persistentvolumeclaims', pvc('data', { storageClassName: 'standard' })]],
      ['node01: Success', 'node02: Success'],
    ],
    [
      'WaitForFirstConsumer, no provisioner, no PV',
      [['storageclasses', sc('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner')], ['persistentvolumeclaims', pvc('data', { storageClassName: 'local' })]],
      [
        "node01: VolumeBinding UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind",
        "node02: VolumeBinding UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind",
      ],
    ],
    [
      'WaitForFirstConsumer, no provisioner, a local PV on node01',
      [
        ['storageclasses', sc('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner')],
        ['persistentvolumeclaims', pvc('data', { storageClassName: 'local' })],
        ['persistentvolumes', pv('local-1', { storageClassName: 'local', ...onlyOn('node01') })],
      ],
      ['node01: Success', "node02: VolumeBinding UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind"],
    ],
    [
      'a PV too small does not count',
      [
        ['storageclasses', sc('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner')],
        ['persistentvolumeclaims', pvc('data', { storageClassName: 'local', resources: { requests: { storage: '10Gi' } } })],
        ['persistentvolumes', pv('local-1', { storageClassName: 'local' })],
      ],
      [
        "node01: VolumeBinding UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind",
        "node02: VolumeBinding UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind",
      ],
    ],
  ] as [string, [string, KubeObject][], string[]][])('%s', (_name, objects, want) => {
    expect(verdicts(withClaim('p'), nodes(), storeWith(objects))).toEqual(want);
  });
});

describe('InterPodAffinity', () => {
  const web = (name: string) => pod(name, {}, { labels: { app: 'web' } });
  const term = (app: string) => ({ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' });
  const affinity = (app: string) => ({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(app)] } } });
  const anti = (app: string) => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(app)] } } });

  it.each([
    ['affinity: goes where a web pod runs', pod('cache', affinity('web')), [[web('w1')], []], ['node01: Success', "node02: InterPodAffinity UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules"]],
    [
      'affinity: no web pod anywhere',
      pod('cache', affinity('web')),
      [[], []],
      ["node01: InterPodAffinity UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules", "node02: InterPodAffinity UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules"],
    ],
    ['affinity to itself: the first pod may go anywhere', pod('w0', affinity('web'), { labels: { app: 'web' } }), [[], []], ['node01: Success', 'node02: Success']],
    ['anti-affinity: avoids the node with a web pod', pod('w2', anti('web'), { labels: { app: 'web' } }), [[web('w1')], []], ["node01: InterPodAffinity Unschedulable: node(s) didn't match pod anti-affinity rules", 'node02: Success']],
    [
      "an existing pod's anti-affinity keeps the new pod away",
      web('w2'),
      [[pod('loner', anti('web'))], []],
      ["node01: InterPodAffinity Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules", 'node02: Success'],
    ],
    ['pods in another namespace do not count', pod('w2', anti('web'), { labels: { app: 'web' } }), [[pod('w1', {}, { namespace: 'other', labels: { app: 'web' } })], []], ['node01: Success', 'node02: Success']],
  ] as [string, KubeObject, KubeObject[][], string[]][])('%s', (_name, p, placed, want) => {
    const nodes = [nodeInfo(node('node01'), placed[0]), nodeInfo(node('node02'), placed[1])];
    expect(verdicts(p, nodes)).toEqual(want);
  });
});

describe('PodTopologySpread', () => {
  const spread = (maxSkew: number) => ({
    topologySpreadConstraints: [{ maxSkew, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }],
  });
  const web = (name: string) => pod(name, {}, { labels: { app: 'web' } });

  it.each([
    ['balanced: either node', 1, [[web('a')], [web('b')]], ['node01: Success', 'node02: Success']],
    ['node01 ahead by one: only node02', 1, [[web('a')], []], ["node01: PodTopologySpread Unschedulable: node(s) didn't match pod topology spread constraints", 'node02: Success']],
    ['maxSkew 2 allows one more', 2, [[web('a')], []], ['node01: Success', 'node02: Success']],
  ] as [string, number, KubeObject[][], string[]][])('%s', (_name, maxSkew, placed, want) => {
    const nodes = [nodeInfo(node('node01'), placed[0]), nodeInfo(node('node02'), placed[1])];
    expect(verdicts(pod('new', spread(maxSkew), { labels: { app: 'web' } }), nodes)).toEqual(want);
  });

  it('rejects a node without the topology label as unresolvable', () => {
    const p = pod('new', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] }, { labels: { app: 'web' } });
    const nodes = [nodeInfo(node('node01', { labels: { 'topology.kubernetes.io/zone': 'a' } })), nodeInfo(node('node02'))];
    expect(verdicts(p, nodes)).toEqual(['node01: Success', "node02: PodTopologySpread UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)"]);
  });
});
