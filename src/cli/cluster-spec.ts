/**
 * `--cluster SPEC.yaml`: a cluster's shape as YAML — its nodes (name, role, labels,
 * taints, capacity, unschedulable) and version — read strictly, with the field at fault
 * named in the error.
 */
import yaml from 'js-yaml';
import type { ClusterSpec, NodeSpec, TaintSpec } from '../engine/spec.js';

/** A spec, or one line saying what is wrong with it. */
export type ClusterSpecParse = { readonly ok: true; readonly spec: ClusterSpec } | { readonly ok: false; readonly error: string };

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown): v is Record<string, string> => isMap(v) && Object.values(v).every((x) => typeof x === 'string');
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Parses a cluster spec document: `nodes:` (required, non-empty) and optional `version:`. */
export function parseClusterSpec(text: string): ClusterSpecParse {
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (e) {
    return { ok: false, error: `invalid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  if (!isMap(doc)) return { ok: false, error: 'a cluster spec is a mapping with a `nodes` list' };
  for (const key of Object.keys(doc)) if (key !== 'nodes' && key !== 'version') return { ok: false, error: `unknown field "${key}"` };
  if (!Array.isArray(doc.nodes) || doc.nodes.length === 0) return { ok: false, error: 'nodes: at least one node is required' };
  if (doc.version !== undefined && (typeof doc.version !== 'string' || !/^v\d+\.\d+\.\d+$/.test(doc.version))) {
    return { ok: false, error: 'version: must look like v1.30.2' };
  }
  const nodes: NodeSpec[] = [];
  for (const [i, n] of doc.nodes.entries()) {
    const node = parseNode(n, `nodes[${i}]`);
    if (typeof node === 'string') return { ok: false, error: node };
    nodes.push(node);
  }
  const names = new Set<string>();
  for (const n of nodes) {
    if (names.has(n.name)) return { ok: false, error: `nodes: duplicate node name "${n.name}"` };
    names.add(n.name);
  }
  return { ok: true, spec: { nodes, ...(doc.version ? { version: doc.version as string } : {}) } };
}

function parseNode(n: unknown, at: string): NodeSpec | string {
  if (!isMap(n)) return `${at}: must be a mapping`;
  for (const key of Object.keys(n)) {
    if (!['name', 'role', 'labels', 'taints', 'capacity', 'unschedulable'].includes(key)) return `${at}: unknown field "${key}"`;
  }
  if (typeof n.name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(n.name)) return `${at}.name: must be a DNS name such as node01`;
  if (n.role !== undefined && n.role !== 'control-plane' && n.role !== 'worker') return `${at}.role: must be control-plane or worker`;
  if (n.labels !== undefined && !isStringMap(n.labels)) return `${at}.labels: must map strings to strings`;
  if (n.capacity !== undefined && !isStringMap(n.capacity)) return `${at}.capacity: must map resource names to quantities given as strings`;
  if (n.unschedulable !== undefined && typeof n.unschedulable !== 'boolean') return `${at}.unschedulable: must be true or false`;
  const taints: TaintSpec[] = [];
  if (n.taints !== undefined) {
    if (!Array.isArray(n.taints)) return `${at}.taints: must be a list`;
    for (const [j, t] of n.taints.entries()) {
      if (!isMap(t) || typeof t.key !== 'string' || !EFFECTS.includes(t.effect as string)) {
        return `${at}.taints[${j}]: needs a key and an effect (NoSchedule, PreferNoSchedule or NoExecute)`;
      }
      taints.push({ key: t.key, effect: t.effect as TaintSpec['effect'], ...(typeof t.value === 'string' ? { value: t.value } : {}) });
    }
  }
  return {
    name: n.name,
    ...(n.role ? { role: n.role as NodeSpec['role'] } : {}),
    ...(n.labels ? { labels: n.labels } : {}),
    ...(n.taints ? { taints } : {}),
    ...(n.capacity ? { capacity: n.capacity } : {}),
    ...(n.unschedulable !== undefined ? { unschedulable: n.unschedulable as boolean } : {}),
  };
}
