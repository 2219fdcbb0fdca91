/**
 * Label and field selectors: the `-l app=web,tier!=db,env in (a,b),!legacy` syntax of
 * k8s.io/apimachinery/pkg/labels, metav1.LabelSelector objects, and field selectors.
 */
import type { KubeObject } from './types.js';

export type Operator = 'in' | 'notin' | 'exists' | '!' | '=' | '!=' | 'gt' | 'lt';

/** One requirement of a parsed selector. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** A parsed selector: requirements that must all hold. An empty one matches everything. */
export type Selector = readonly Requirement[];

/** A metav1.LabelSelector as it appears in specs. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export type ParseResult = { ok: true; selector: Selector } | { ok: false; error: string };

/** Parses a selector string as labels.Parse does; errors carry the library's wording. */
export function parseLabelSelector(text: string): ParseResult {
  const requirements: Requirement[] = [];
  const src = text.trim();
  if (src === '') return { ok: true, selector: [] };
  for (const part of splitTopLevel(src)) {
    const p = part.trim();
    let m: RegExpExecArray | null;
    if ((m = /^!\s*([^\s=!(),]+)$/.exec(p))) requirements.push({ key: m[1]!, operator: '!', values: [] });
    else if ((m = /^([^\s=!(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p)))
      requirements.push({ key: m[1]!, operator: m[2] as Operator, values: m[3]!.split(',').map((v) => v.trim()) });
    else if ((m = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(p)))
      requirements.push({ key: m[1]!, operator: m[2] === '!=' ? '!=' : '=', values: [m[3]!] });
    else if ((m = /^([^\s=!(),]+)$/.exec(p))) requirements.push({ key: m[1]!, operator: 'exists', values: [] });
    else return { ok: false, error: `unable to parse requirement: found '${p}', expected: '=', '!=', '==', 'in', notin'` };
  }
  return { ok: true, selector: requirements };
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** Whether labels satisfy every requirement. */
export function labelsMatch(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.operator) {
      case '=':
        if (!has || v !== r.values[0]) return false;
        break;
      case '!=':
        if (has && v === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'gt':
        if (!has || !(Number(v) > Number(r.values[0]))) return false;
        break;
      case 'lt':
        if (!has || !(Number(v) < Number(r.values[0]))) return false;
        break;
    }
  }
  return true;
}

/** Converts a metav1.LabelSelector to requirements (LabelSelectorAsSelector). */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  if (!ls) return [];
  const reqs: Requirement[] = Object.entries(ls.matchLabels ?? {}).map(([key, value]) => ({ key, operator: '=' as const, values: [value] }));
  for (const e of ls.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    const operator: Operator = op === 'in' ? 'in' : op === 'notin' ? 'notin' : op === 'exists' ? 'exists' : op === 'doesnotexist' ? '!' : op === 'gt' ? 'gt' : 'lt';
    reqs.push({ key: e.key, operator, values: e.values ?? [] });
  }
  return reqs;
}

/** Whether labels match a metav1.LabelSelector. A null selector matches nothing; an empty one everything. */
export function matchesLabelSelector(ls: LabelSelector | undefined | null, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (ls === null || ls === undefined) return false;
  return labelsMatch(fromLabelSelector(ls), labels);
}

/** Whether labels match a plain map selector (Service.spec.selector): every pair present. */
export function matchesMapSelector(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector)) if (l[k] !== v) return false;
  return true;
}

/** `app=web,tier=db` for a map, as kubectl prints selectors. */
export function formatMapSelector(selector: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(selector ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** A parsed field selector term. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** The fields each resource supports in field selectors (metadata.* for all). */
const FIELD_SUPPORT: Record<string, readonly string[]> = {
  pods: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  events: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  secrets: ['type'],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
  replicasets: ['status.replicas'],
  jobs: ['status.successful'],
};

/** Parses `--field-selector`; unsupported fields get the server's error. */
export function parseFieldSelector(text: string, resource: string): { ok: true; selector: FieldRequirement[] } | { ok: false; error: string } {
  const out: FieldRequirement[] = [];
  if (text.trim() === '') return { ok: true, selector: out };
  for (const part of text.split(',')) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${part}'` };
    const field = m[1]!.trim();
    const supported = field === 'metadata.name' || field === 'metadata.namespace' || (FIELD_SUPPORT[resource] ?? []).includes(field);
    if (!supported) return { ok: false, error: `field label not supported: ${field}` };
    out.push({ field, operator: m[2] === '!=' ? '!=' : '=', value: m[3]!.trim() });
  }
  return { ok: true, selector: out };
}

/** Reads a dotted field path from an object as the server's field-label conversion does. */
export function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'source') return String(obj.source?.component ?? '');
  let cur: unknown = obj;
  for (const key of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

/** Whether an object satisfies every field requirement. */
export function fieldsMatch(selector: readonly FieldRequirement[], obj: KubeObject): boolean {
  for (const r of selector) {
    const v = fieldValue(obj, r.field);
    if (r.operator === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
