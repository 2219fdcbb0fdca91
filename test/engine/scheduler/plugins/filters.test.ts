import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { Store } from '../../../../src/engine/api/store.js';
import { newCycleState } from '../../../../src/engine/scheduler/framework.js';
import type { NodeInfo } from '../../../../src/engine/scheduler/node-info.js';
import { nodeUnschedulable } from '../../../../src/engine/scheduler/plugins/node-unschedulable.js';
import { nodeName } from '../../../../src/engine/scheduler/plugins/node-name.js';
import { taintTolerationFilter } from '../../../../src/engine/scheduler/plugins/taint-toleration.js';
import { nodeAffinityFilter } from '../../../../src/engine/scheduler/plugins/node-affinity.js';
import { nodePorts } from '../../../../src/engine/scheduler/plugins/node-ports.js';
import { nodeResourcesFitFilter } from '../../../../src/engine/scheduler/plugins/node-resources-fit.js';
import type { FilterPlugin } from '../../../../src/engine/scheduler/types.js';
import { node, nodeInfo, pod, podRequesting } from '../helpers.js';

/** Runs one filter and renders its verdict as `Code: reason, reason`. */
function verdict(plugin: FilterPlugin, p: KubeObject, info: NodeInfo): string {
  const s = plugin.filter(p, info, newCycleState(new Store(), [info]));
  return s.code === 'Success' ? 'Success' : `${s.code}: ${s.reasons.join(', ')}`;
}

const cpTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('NodeUnschedulable', () => {
  it.each([
    ['a schedulable node', pod('p'), node('n'), 'Success'],
    ['a cordoned node', pod('p'), node('n', { unschedulable: true }), "UnschedulableAndUnresolvable: node(s) were unschedulable"],
    [
      'a cordoned node, pod tolerates the cordon',
      pod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      node('n', { unschedulable: true }),
      'Success',
    ],
    ['a cordoned node, pod tolerates everything', pod('p', { tolerations: [{ operator: 'Exists' }] }), node('n', { unschedulable: true }), 'Success'],
  ])('%s', (_name, p, n, want) => {
    expect(verdict(nodeUnschedulable, p, nodeInfo(n))).toBe(want);
  });
});

describe('NodeName', () => {
  it.each([
    ['no nodeName', pod('p'), 'Success'],
    ['the same node', pod('p', { nodeName: 'n' }), 'Success'],
    ['another node', pod('p', { nodeName: 'other' }), "UnschedulableAndUnresolvable: node(s) didn't match the requested node name"],
  ])('%s', (_name, p, want) => {
    expect(verdict(nodeName, p, nodeInfo(node('n')))).toBe(want);
  });
});

describe('TaintToleration', () => {
  it.each([
    ['no taints', pod('p'), [], 'Success'],
    ['control-plane taint, no toleration', pod('p'), [cpTaint], 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    ['tolerated by key and effect (operator Equal, empty value)', pod('p', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }), [cpTaint], 'Success'],
    ['tolerated by key with Exists', pod('p', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] }), [cpTaint], 'Success'],
    ['tolerated by an empty key with Exists', pod('p', { tolerations: [{ operator: 'Exists' }] }), [cpTaint], 'Success'],
    ['the toleration names another effect', pod('p', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoExecute' }] }), [cpTaint], 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    ['Equal with a different value', pod('p', { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'false', effect: 'NoSchedule' }] }), [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }], 'UnschedulableAndUnresolvable: node(s) had untolerated taint {gpu: true}'],
    ['Equal with the same value', pod('p', { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' }] }), [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }], 'Success'],
    ['NoExecute keeps pods out too', pod('p'), [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }], 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node.kubernetes.io/not-ready: }'],
    ['PreferNoSchedule does not filter', pod('p'), [{ key: 'spot', value: 'yes', effect: 'PreferNoSchedule' }], 'Success'],
    [
      'the first untolerated taint in node order is reported',
      pod('p', { tolerations: [{ key: 'a', operator: 'Exists' }] }),
      [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', value: '1', effect: 'NoSchedule' }, { key: 'c', effect: 'NoSchedule' }],
      'UnschedulableAndUnresolvable: node(s) had untolerated taint {b: 1}',
    ],
  ])('%s', (_name, p, taints, want) => {
    expect(verdict(taintTolerationFilter, p, nodeInfo(node('n', { taints })))).toBe(want);
  });
});

describe('NodeAffinity', () => {
  const labelled = node('node01', { labels: { disktype: 'ssd', cores: '8' } });
  const NO = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";
  const required = (...terms: unknown[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
  it.each([
    ['no selector', pod('p'), 'Success'],
    ['nodeSelector matches', pod('p', { nodeSelector: { disktype: 'ssd' } }), 'Success'],
    ['nodeSelector value differs', pod('p', { nodeSelector: { disktype: 'hdd' } }), NO],
    ['every nodeSelector pair must match', pod('p', { nodeSelector: { disktype: 'ssd', zone: 'a' } }), NO],
    ['In', pod('p', required({ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['hdd', 'ssd'] }] })), 'Success'],
    ['NotIn', pod('p', required({ matchExpressions: [{ key: 'disktype', operator: 'NotIn', values: ['ssd'] }] })), NO],
    ['NotIn on a missing label', pod('p', required({ matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['x'] }] })), 'Success'],
    ['Exists', pod('p', required({ matchExpressions: [{ key: 'disktype', operator: 'Exists' }] })), 'Success'],
    ['DoesNotExist', pod('p', required({ matchExpressions: [{ key: 'disktype', operator: 'DoesNotExist' }] })), NO],
    ['Gt', pod('p', required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] })), 'Success'],
    ['Lt', pod('p', required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] })), NO],
    ['expressions in a term are ANDed', pod('p', required({ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }, { key: 'gpu', operator: 'Exists' }] })), NO],
    ['terms are ORed', pod('p', required({ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }, { matchExpressions: [{ key: 'disktype', operator: 'Exists' }] })), 'Success'],
    ['an empty term matches nothing', pod('p', required({})), NO],
    ['matchFields metadata.name', pod('p', required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node01'] }] })), 'Success'],
    ['matchFields another name', pod('p', required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node02'] }] })), NO],
    ['nodeSelector and affinity must both hold', pod('p', { nodeSelector: { disktype: 'hdd' }, ...required({ matchExpressions: [{ key: 'disktype', operator: 'Exists' }] }) }), NO],
  ])('%s', (_name, p, want) => {
    expect(verdict(nodeAffinityFilter, p, nodeInfo(labelled))).toBe(want);
  });
});

describe('NodePorts', () => {
  const withPort = (name: string, hostPort: number, extra: Record<string, unknown> = {}) =>
    pod(name, { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, hostPort, protocol: 'TCP', ...extra }] }] });
  const NO = "Unschedulable: node(s) didn't have free ports for the requested pod ports";
  it.each([
    ['no host ports', pod('p'), [withPort('old', 8080)], 'Success'],
    ['a free port', withPort('p', 8081), [withPort('old', 8080)], 'Success'],
    ['the same port', withPort('p', 8080), [withPort('old', 8080)], NO],
    ['the same port, other protocol', withPort('p', 8080, { protocol: 'UDP' }), [withPort('old', 8080)], 'Success'],
    ['different specific IPs', withPort('p', 8080, { hostIP: '10.0.0.1' }), [withPort('old', 8080, { hostIP: '10.0.0.2' })], 'Success'],
    ['a specific IP against the wildcard', withPort('p', 8080, { hostIP: '10.0.0.1' }), [withPort('old', 8080)], NO],
  ])('%s', (_name, p, existing, want) => {
    expect(verdict(nodePorts, p, nodeInfo(node('n'), existing))).toBe(want);
  });
});

describe('NodeResourcesFit', () => {
  const small = node('n', { allocatable: { cpu: '1', memory: '1Gi', pods: '2' } });
  it.each([
    ['nothing requested', pod('p'), [], 'Success'],
    ['fits', podRequesting('p', { cpu: '500m', memory: '512Mi' }), [], 'Success'],
    ['exactly the free cpu', podRequesting('p', { cpu: '500m' }), [podRequesting('old', { cpu: '500m' })], 'Success'],
    ['cpu over what is left', podRequesting('p', { cpu: '600m' }), [podRequesting('old', { cpu: '500m' })], 'Unschedulable: Insufficient cpu'],
    ['cpu and memory both short', podRequesting('p', { cpu: '2', memory: '2Gi' }), [], 'Unschedulable: Insufficient cpu, Insufficient memory'],
    ['no pod slot left', pod('p'), [pod('a'), pod('b')], 'Unschedulable: Too many pods'],
    ['pods first, then cpu', podRequesting('p', { cpu: '2' }), [pod('a'), pod('b')], 'Unschedulable: Too many pods, Insufficient cpu'],
    ['a limit without a request counts as the request', pod('p', { containers: [{ name: 'w', image: 'x', resources: { limits: { cpu: '2' } } }] }), [], 'Unschedulable: Insufficient cpu'],
    ['an extended resource the node lacks', podRequesting('p', { 'nvidia.com/gpu': '1' }), [], 'Unschedulable: Insufficient nvidia.com/gpu'],
    ['ephemeral storage', podRequesting('p', { 'ephemeral-storage': '1Gi' }), [], 'Unschedulable: Insufficient ephemeral-storage'],
    [
      'the largest init container counts when it beats the containers',
      pod('p', { initContainers: [{ name: 'init', image: 'busybox', resources: { requests: { cpu: '1500m' } } }], containers: [{ name: 'w', image: 'x', resources: { requests: { cpu: '100m' } } }] }),
      [],
      'Unschedulable: Insufficient cpu',
    ],
    ['overhead adds to the requests', podRequesting('p', { cpu: '900m' }, { overhead: { cpu: '200m' } }), [], 'Unschedulable: Insufficient cpu'],
  ])('%s', (_name, p, existing, want) => {
    expect(verdict(nodeResourcesFitFilter, p, nodeInfo(small, existing))).toBe(want);
  });
});
