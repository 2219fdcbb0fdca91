/**
 * PodTopologySpread: a pod's DoNotSchedule constraints keep the skew between topology
 * domains within maxSkew; its ScheduleAnyway constraints — or, when it has none, the
 * cluster defaults (hostname maxSkew 3, zone maxSkew 5) over the pods of the same
 * Service, ReplicaSet or StatefulSet — prefer the emptier domain. That default is what
 * spreads a Deployment's replicas across nodes.
 */
import type { KubeObject } from '../../api/types.js';
import type { StoreReader } from '../../api/store.js';
import { fromLabelSelector, labelsMatch, type LabelSelector, type Requirement, type Selector } from '../../api/selectors.js';
import { labelKey, type NodeInfo } from '../node-info.js';
import { firstUntoleratedTaint } from '../tolerations.js';
import { MAX_NODE_SCORE, SUCCESS, unresolvable, unschedulable, type FilterPlugin, type PreFilterPlugin, type ScorePlugin } from '../types.js';
import { podMatchesNodeAffinity } from './node-affinity.js';
import { pairKey } from './affinity-terms.js';

export const ERR_REASON_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_MISSING_LABEL = `${ERR_REASON_CONSTRAINTS} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';

/** A parsed constraint. */
interface Constraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  readonly honorAffinity: boolean;
  readonly honorTaints: boolean;
}

/** The system defaults of the default profile (podtopologyspread.systemDefaultConstraints). */
const SYSTEM_DEFAULTS = [
  { topologyKey: HOSTNAME, maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5 },
];

function parseConstraints(pod: KubeObject, action: string): Constraint[] {
  const labels = pod.metadata.labels ?? {};
  return ((pod.spec?.topologySpreadConstraints ?? []) as KubeObject[])
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => {
      // matchLabelKeys adds `key in (pod's value)` for each key the pod has.
      const extra: Requirement[] = ((c.matchLabelKeys ?? []) as string[]).filter((k) => k in labels).map((k) => ({ key: k, operator: 'in' as const, values: [labels[k]!] }));
      return {
        maxSkew: c.maxSkew ?? 1,
        topologyKey: c.topologyKey,
        // A constraint without a labelSelector selects no pod: an unsatisfiable requirement.
        selector: c.labelSelector ? [...fromLabelSelector(c.labelSelector as LabelSelector), ...extra] : [{ key: '', operator: 'in' as const, values: [] }],
        minDomains: c.minDomains ?? 1,
        honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
        honorTaints: c.nodeTaintsPolicy === 'Honor',
      };
    });
}

/**
 * helper.DefaultSelector: the union of the selectors of the Services, ReplicaSets and
 * StatefulSets in the pod's namespace that select it. Empty when nothing selects it.
 */
export function defaultSelector(pod: KubeObject, store: StoreReader): Selector {
  const ns = pod.metadata.namespace!;
  const labels = pod.metadata.labels ?? {};
  const reqs: Requirement[] = [];
  const fromMap = (m: Record<string, string>) => Object.entries(m).map(([key, v]) => ({ key, operator: '=' as const, values: [v] }));
  for (const svc of store.list('services', ns)) {
    const sel = svc.spec?.selector as Record<string, string> | undefined;
    if (sel && Object.keys(sel).length > 0 && labelsMatch(fromMap(sel), labels)) reqs.push(...fromMap(sel));
  }
  // The ReplicaSet or StatefulSet that selects a pod is, in practice, its controller:
  // looking it up by owner avoids walking every set in the namespace for each pod.
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller && (r.kind === 'ReplicaSet' || r.kind === 'StatefulSet'));
  const owner = ref && store.get(ref.kind === 'ReplicaSet' ? 'replicasets' : 'statefulsets', ns, ref.name);
  const sel = owner?.spec?.selector as LabelSelector | undefined;
  if (sel) {
    const s = fromLabelSelector(sel);
    if (s.length > 0 && labelsMatch(s, labels)) reqs.push(...s);
  }
  return reqs;
}

/** Pods on a node in the namespace matching a selector, ignoring terminating ones. */
function countMatching(node: NodeInfo, selector: Selector, namespace: string): number {
  let n = 0;
  // An equality requirement narrows the candidates to the pods carrying that label.
  const eq = selector.find((r) => r.operator === '=');
  const candidates = eq ? node.byLabel.get(labelKey(namespace, eq.key, eq.values[0]!)) ?? [] : node.pods.values();
  for (const p of candidates) {
    if (p.pod.metadata.deletionTimestamp || p.pod.metadata.namespace !== namespace) continue;
    if (labelsMatch(selector, p.pod.metadata.labels)) n++;
  }
  return n;
}

interface FilterState {
  readonly constraints: Constraint[];
  readonly pairCounts: Map<string, number>;
  /** Per constraint: the smallest count over its domains, and how many domains there are. */
  readonly min: number[];
  readonly domains: number[];
}

const KEY = 'PodTopologySpread';

export const podTopologySpreadPreFilter: PreFilterPlugin = {
  name: 'PodTopologySpread',
  preFilter(pod, state) {
    const constraints = parseConstraints(pod, 'DoNotSchedule');
    if (constraints.length === 0) return SUCCESS;
    const pairCounts = new Map<string, number>();
    const ns = pod.metadata.namespace!;
    for (const node of state.nodes) {
      if (!node.node || !constraints.every((c) => c.topologyKey in node.labels)) continue;
      for (const c of constraints) {
        if (c.honorAffinity && !podMatchesNodeAffinity(pod, node.node)) continue;
        if (c.honorTaints && firstUntoleratedTaint(node.node.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute'])) continue;
        const k = pairKey(c.topologyKey, node.labels[c.topologyKey]!);
        pairCounts.set(k, (pairCounts.get(k) ?? 0) + countMatching(node, c.selector, ns));
      }
    }
    const min = constraints.map(() => Infinity);
    const domains = constraints.map(() => 0);
    constraints.forEach((c, i) => {
      for (const [k, n] of pairCounts) {
        if (!k.startsWith(`${c.topologyKey}\u0000`)) continue;
        domains[i]!++;
        min[i] = Math.min(min[i]!, n);
      }
    });
    state.data.set(KEY, { constraints, pairCounts, min, domains } satisfies FilterState);
    return SUCCESS;
  },
};

export const podTopologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  filter(pod, node, state) {
    const s = state.data.get(KEY) as FilterState | undefined;
    if (!s) return SUCCESS;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const value = node.labels[c.topologyKey];
      if (value === undefined) return unresolvable(ERR_REASON_MISSING_LABEL);
      // Fewer domains than minDomains: the global minimum is taken as 0.
      const minMatch = s.domains[i]! < c.minDomains ? 0 : s.min[i]!;
      const self = labelsMatch(c.selector, pod.metadata.labels) ? 1 : 0;
      const skew = (s.pairCounts.get(pairKey(c.topologyKey, value)) ?? 0) + self - minMatch;
      if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS);
    }
    return SUCCESS;
  },
};

interface ScoreState {
  readonly constraints: Constraint[];
  readonly ignored: Set<string>;
  readonly pairCounts: Map<string, number>;
  readonly weights: number[];
}

const SCORE_KEY = 'PodTopologySpread/score';

export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  preScore(pod, nodes, state) {
    let constraints: Constraint[];
    const own = (pod.spec?.topologySpreadConstraints ?? []).length > 0;
    if (own) constraints = parseConstraints(pod, 'ScheduleAnyway');
    else {
      const selector = defaultSelector(pod, state.store);
      if (selector.length === 0) return false;
      constraints = SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, minDomains: 1, honorAffinity: true, honorTaints: false }));
    }
    if (constraints.length === 0 || nodes.length === 0) return false;
    // The system defaults do not require every node to carry every topology label.
    const ignored = new Set<string>();
    const pairCounts = new Map<string, number>();
    const sizes = constraints.map(() => 0);
    for (const node of nodes) {
      if (own && !constraints.every((c) => c.topologyKey in node.labels)) {
        ignored.add(node.name);
        continue;
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === HOSTNAME) return;
        const k = pairKey(c.topologyKey, node.labels[c.topologyKey] ?? '');
        if (!pairCounts.has(k)) {
          pairCounts.set(k, 0);
          sizes[i]!++;
        }
      });
    }
    const ns = pod.metadata.namespace!;
    for (const node of state.nodes) {
      if (!node.node) continue;
      for (const c of constraints) {
        if (c.topologyKey === HOSTNAME) continue;
        if (c.honorAffinity && !podMatchesNodeAffinity(pod, node.node)) continue;
        const k = pairKey(c.topologyKey, node.labels[c.topologyKey] ?? '');
        if (!pairCounts.has(k) || !(c.topologyKey in node.labels)) continue;
        pairCounts.set(k, pairCounts.get(k)! + countMatching(node, c.selector, ns));
      }
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? nodes.length - ignored.size : sizes[i]!) + 2));
    state.data.set(SCORE_KEY, { constraints, ignored, pairCounts, weights } satisfies ScoreState);
    return true;
  },
  score(pod, node, state) {
    const s = state.data.get(SCORE_KEY) as ScoreState;
    if (s.ignored.has(node.name)) return 0;
    let score = 0;
    s.constraints.forEach((c, i) => {
      const value = node.labels[c.topologyKey];
      if (value === undefined) return;
      const count = c.topologyKey === HOSTNAME ? countMatching(node, c.selector, pod.metadata.namespace!) : (s.pairCounts.get(pairKey(c.topologyKey, value)) ?? 0);
      score += count * s.weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(score);
  },
  normalize(scores, nodes, state) {
    const s = state.data.get(SCORE_KEY) as ScoreState;
    let min = Infinity;
    let max = 0;
    nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) return;
      min = Math.min(min, scores[i]!);
      max = Math.max(max, scores[i]!);
    });
    nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
    });
  },
};
