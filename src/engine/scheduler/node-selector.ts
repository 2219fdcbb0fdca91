/**
 * v1.NodeSelector matching (component-helpers/scheduling/corev1/nodeaffinity): terms are
 * ORed, the expressions and fields within a term are ANDed. Used by NodeAffinity and by
 * the node affinity of PersistentVolumes.
 */
import type { KubeObject } from '../api/types.js';

/** A node selector requirement (matchExpressions / matchFields entry). */
export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

/** One term of a NodeSelector. */
export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[];
  readonly matchFields?: readonly NodeSelectorRequirement[];
}

const INTEGER = /^[+-]?\d+$/;

/** Whether one requirement holds for a map of values (labels, or fields). */
export function requirementMatches(r: NodeSelectorRequirement, values: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(values, r.key);
  const v = values[r.key];
  const wanted = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && wanted.includes(v!);
    case 'NotIn':
      return !has || !wanted.includes(v!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      // Both sides must be integers; anything else never matches (labels.Requirement).
      if (!has || !INTEGER.test(v!) || wanted.length !== 1 || !INTEGER.test(wanted[0]!)) return false;
      return r.operator === 'Gt' ? Number(v) > Number(wanted[0]) : Number(v) < Number(wanted[0]);
    }
    default:
      return false;
  }
}

/** Whether a term matches a node. An empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  if (!exprs.every((r) => requirementMatches(r, labels))) return false;
  // metadata.name is the only field a node selector may name.
  const nodeFields = { 'metadata.name': node.metadata.name ?? '' };
  return fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, nodeFields));
}

/** Whether any term of a NodeSelector matches the node. */
export function nodeSelectorMatches(terms: readonly NodeSelectorTerm[] | undefined, node: KubeObject): boolean {
  return (terms ?? []).some((t) => termMatches(t, node));
}
