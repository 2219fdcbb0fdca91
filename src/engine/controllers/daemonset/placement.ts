/**
 * Where a DaemonSet's pods belong (pkg/controller/daemon/daemon_controller.go
 * NodeShouldRunDaemonPod and pkg/controller/daemon/util): the tolerations every daemon pod
 * gets, the node affinity that pins it to one node, and the predicates the controller
 * checks before creating it.
 */
import { clone } from '../../api/store.js';
import type { KubeObject } from '../../api/types.js';
import { podMatchesNodeAffinity } from '../../scheduler/plugins/node-affinity.js';
import { firstUntoleratedTaint, type Toleration } from '../../scheduler/tolerations.js';

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive node problems and cordoning, and
 * host-network ones the network not being ready yet.
 */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });
  return [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator ?? 'Equal') === (b.operator ?? 'Equal') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '') && a.tolerationSeconds === b.tolerationSeconds;
}

/** The template's pod spec with the daemon tolerations appended where not already present. */
export function withDaemonTolerations(spec: KubeObject['spec']): KubeObject['spec'] {
  const out = clone(spec ?? {});
  out.tolerations = daemonPodTolerations(out);
  return out;
}

/** The tolerations a daemon pod of this template gets: its own plus the daemon ones. */
function daemonPodTolerations(spec: KubeObject['spec']): Toleration[] {
  const tolerations: Toleration[] = [...(spec?.tolerations ?? [])];
  for (const t of daemonTolerations(!!spec?.hostNetwork)) if (!tolerations.some((x) => sameToleration(x, t))) tolerations.push(t);
  return tolerations;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes one term
 * matching the node by name, which is how the default scheduler places daemon pods.
 */
export function pinToNode(spec: KubeObject['spec'], nodeName: string): KubeObject['spec'] {
  const out = clone(spec ?? {});
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  out.affinity = { ...(out.affinity ?? {}), nodeAffinity: { ...(out.affinity?.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required } };
  return out;
}

/** The node a daemon pod is for: its nodeName, or the node its affinity pins it to. */
export function targetNode(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/**
 * NodeShouldRunDaemonPod: whether a new pod should go to the node (nodeName, nodeSelector
 * and required affinity fit, no untolerated NoSchedule/NoExecute taint) and whether an
 * existing one may stay (only NoExecute taints evict).
 */
export function nodeShouldRunDaemonPod(ds: KubeObject, node: KubeObject): Placement {
  // The answer depends on the two objects alone; stored ones are frozen, so it is kept.
  if (!Object.isFrozen(ds) || !Object.isFrozen(node)) return placement(ds, node);
  let byNode = decided.get(ds);
  if (!byNode) decided.set(ds, (byNode = new WeakMap()));
  let answer = byNode.get(node);
  if (!answer) byNode.set(node, (answer = placement(ds, node)));
  return answer;
}

/** Whether a daemon pod should go to a node and whether one there may stay. */
export interface Placement {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
}

const decided = new WeakMap<KubeObject, WeakMap<KubeObject, Placement>>();

function placement(ds: KubeObject, node: KubeObject): Placement {
  // Read-only: a shallow view of the template with the daemon tolerations, not a deep copy per node.
  const template = ds.spec?.template?.spec ?? {};
  const spec = { ...template, tolerations: daemonPodTolerations(template) };
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec };
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!podMatchesNodeAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  return {
    shouldRun: !firstUntoleratedTaint(taints, spec.tolerations, ['NoSchedule', 'NoExecute']),
    shouldContinueRunning: !firstUntoleratedTaint(taints, spec.tolerations, ['NoExecute']),
  };
}
