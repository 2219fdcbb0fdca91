/**
 * The plugin registry and the default profile (apis/config/v1/default_plugins.go): which
 * plugins run at each extension point, in which order, and each score's weight.
 */
import { balancedAllocation } from './plugins/balanced-allocation.js';
import { imageLocality } from './plugins/image-locality.js';
import { interPodAffinityFilter, interPodAffinityPreFilter, interPodAffinityScore } from './plugins/inter-pod-affinity.js';
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity.js';
import { nodeName } from './plugins/node-name.js';
import { nodePorts } from './plugins/node-ports.js';
import { nodeResourcesFitFilter, nodeResourcesFitScore } from './plugins/node-resources-fit.js';
import { nodeUnschedulable } from './plugins/node-unschedulable.js';
import { podTopologySpreadFilter, podTopologySpreadPreFilter, podTopologySpreadScore } from './plugins/pod-topology-spread.js';
import { taintTolerationFilter, taintTolerationScore } from './plugins/taint-toleration.js';
import { volumeBindingFilter, volumeBindingPreFilter } from './plugins/volume-binding.js';
import type { FilterPlugin, PreFilterPlugin, ScorePlugin } from './types.js';

/** A scheduling profile: the plugins of each extension point. */
export interface Profile {
  readonly schedulerName: string;
  readonly preFilter: readonly PreFilterPlugin[];
  /** In order; the first plugin that rejects a node gives that node's reason. */
  readonly filter: readonly FilterPlugin[];
  readonly score: readonly { plugin: ScorePlugin; weight: number }[];
}

/** Every filter plugin by name. */
export const FILTER_PLUGINS: Readonly<Record<string, FilterPlugin>> = {
  NodeUnschedulable: nodeUnschedulable,
  NodeName: nodeName,
  TaintToleration: taintTolerationFilter,
  NodeAffinity: nodeAffinityFilter,
  NodePorts: nodePorts,
  NodeResourcesFit: nodeResourcesFitFilter,
  VolumeBinding: volumeBindingFilter,
  PodTopologySpread: podTopologySpreadFilter,
  InterPodAffinity: interPodAffinityFilter,
};

/** Every pre-filter plugin by name. */
export const PRE_FILTER_PLUGINS: Readonly<Record<string, PreFilterPlugin>> = {
  VolumeBinding: volumeBindingPreFilter,
  PodTopologySpread: podTopologySpreadPreFilter,
  InterPodAffinity: interPodAffinityPreFilter,
};

/** Every score plugin by name. */
export const SCORE_PLUGINS: Readonly<Record<string, ScorePlugin>> = {
  TaintToleration: taintTolerationScore,
  NodeAffinity: nodeAffinityScore,
  NodeResourcesFit: nodeResourcesFitScore,
  PodTopologySpread: podTopologySpreadScore,
  InterPodAffinity: interPodAffinityScore,
  NodeResourcesBalancedAllocation: balancedAllocation,
  ImageLocality: imageLocality,
};

/**
 * The default profile's order. VolumeRestrictions, NodeVolumeLimits and VolumeZone sit
 * between NodeResourcesFit and PodTopologySpread upstream; they never reject here (no
 * cloud disks, no zones), so they are left out.
 */
const FILTER_ORDER = ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'VolumeBinding', 'PodTopologySpread', 'InterPodAffinity'];
const PRE_FILTER_ORDER = ['VolumeBinding', 'PodTopologySpread', 'InterPodAffinity'];
const SCORE_WEIGHTS: [string, number][] = [
  ['TaintToleration', 3],
  ['NodeAffinity', 2],
  ['NodeResourcesFit', 1],
  ['PodTopologySpread', 2],
  ['InterPodAffinity', 2],
  ['NodeResourcesBalancedAllocation', 1],
  ['ImageLocality', 1],
];

/** The `default-scheduler` profile. */
export function defaultProfile(): Profile {
  return {
    schedulerName: 'default-scheduler',
    preFilter: PRE_FILTER_ORDER.map((n) => PRE_FILTER_PLUGINS[n]!),
    filter: FILTER_ORDER.map((n) => FILTER_PLUGINS[n]!),
    score: SCORE_WEIGHTS.map(([n, weight]) => ({ plugin: SCORE_PLUGINS[n]!, weight })),
  };
}
