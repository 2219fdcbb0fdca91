/**
 * The small generators: `create namespace|serviceaccount|quota|poddisruptionbudget|
 * priorityclass` (create_namespace.go, create_serviceaccount.go, create_quota.go,
 * create_pdb.go, create_priorityclass.go).
 */
import { formatQuantity, parseQuantity } from '../../../../engine/api/quantity.js';
import { genError, generated, objectMeta, type GenContext, type GenResult } from './types.js';

/** `kubectl create namespace NAME`. */
export function namespace(name: string): GenResult {
  return generated({ apiVersion: 'v1', kind: 'Namespace', metadata: objectMeta(name, undefined), spec: {}, status: {} });
}

/** `kubectl create serviceaccount NAME`. */
export function serviceAccount(name: string, ctx: GenContext): GenResult {
  return generated({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: objectMeta(name, ctx) });
}

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** A quantity in its canonical form (resource.Quantity.String), or undefined when invalid. */
export function canonicalQuantity(text: string): string | undefined {
  const q = parseQuantity(text);
  return q ? formatQuantity(q.value, q.format) : undefined;
}

/** `kubectl create quota NAME --hard=cpu=1,pods=10 [--scopes=...]`. */
export function quota(name: string, o: { hard: string; scopes: string }, ctx: GenContext): GenResult {
  const spec: Record<string, unknown> = {};
  if (o.hard) {
    const hard: Record<string, string> = {};
    for (const statement of o.hard.split(',')) {
      const parts = statement.split('=');
      if (parts.length !== 2) return genError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
      const q = canonicalQuantity(parts[1]!);
      if (q === undefined) return genError(QUANTITY_ERROR);
      hard[parts[0]!] = q;
    }
    spec.hard = hard;
  }
  if (o.scopes) spec.scopes = o.scopes.split(',');
  return generated({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: objectMeta(name, ctx), spec, status: {} });
}

/**
 * metav1.ParseToLabelSelector for the forms learners type: `a=b,c!=d,e in (x,y),f`.
 * Equality goes to matchLabels, the rest to matchExpressions.
 */
export function labelSelectorFromText(text: string): { ok: true; selector: Record<string, unknown> } | { ok: false; error: string } {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Record<string, unknown>[] = [];
  const parts = text.match(/(?:[^,(]|\([^)]*\))+/g) ?? [];
  for (const raw of parts) {
    const part = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([^\s=!]+)\s*(?:==?)\s*([^\s=!]*)$/.exec(part))) matchLabels[m[1]!] = m[2]!;
    else if ((m = /^([^\s=!]+)\s*!=\s*(\S*)$/.exec(part))) matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    else if ((m = /^([^\s=!]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      matchExpressions.push({ key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3]!.split(',').map((v) => v.trim()) });
    } else if ((m = /^!([^\s=!]+)$/.exec(part))) matchExpressions.push({ key: m[1], operator: 'DoesNotExist' });
    else if ((m = /^([^\s=!]+)$/.exec(part))) matchExpressions.push({ key: m[1], operator: 'Exists' });
    else return { ok: false, error: `unable to parse requirement: found '${part}', expected: identifier` };
  }
  const selector: Record<string, unknown> = {};
  if (matchExpressions.length > 0) selector.matchExpressions = matchExpressions;
  if (Object.keys(matchLabels).length > 0) selector.matchLabels = matchLabels;
  return { ok: true, selector };
}

const intOrPercent = (v: string): number | string => (/^[0-9]+$/.test(v) ? Number(v) : v);

/** `kubectl create pdb NAME --selector=... --min-available=N|--max-unavailable=N`. */
export function podDisruptionBudget(name: string, o: { selector: string; minAvailable: string; maxUnavailable: string }, ctx: GenContext): GenResult {
  if (!o.selector) return genError('a selector must be specified');
  if (!o.maxUnavailable && !o.minAvailable) return genError('one of min-available or max-unavailable must be specified');
  if (o.maxUnavailable && o.minAvailable) return genError('min-available and max-unavailable cannot be both specified');
  if (o.minAvailable && !/^[0-9]+%?$/.test(o.minAvailable)) return genError('invalid format specified for min-available');
  if (o.maxUnavailable && !/^[0-9]+%?$/.test(o.maxUnavailable)) return genError('invalid format specified for max-unavailable');
  const selector = labelSelectorFromText(o.selector);
  if (!selector.ok) return genError(selector.error);
  const spec: Record<string, unknown> = { selector: selector.selector };
  if (o.minAvailable) spec.minAvailable = intOrPercent(o.minAvailable);
  if (o.maxUnavailable) spec.maxUnavailable = intOrPercent(o.maxUnavailable);
  return generated({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(name, ctx),
    spec,
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  });
}

/** `kubectl create priorityclass NAME --value=N`. */
export function priorityClass(name: string, o: { value: number; globalDefault: boolean; description: string; preemptionPolicy: string }): GenResult {
  const obj: Record<string, unknown> = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: objectMeta(name, undefined), value: o.value };
  if (o.description) obj.description = o.description;
  if (o.globalDefault) obj.globalDefault = true;
  obj.preemptionPolicy = o.preemptionPolicy;
  return generated(obj as never);
}
