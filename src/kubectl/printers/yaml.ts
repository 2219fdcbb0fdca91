/**
 * `kubectl -o yaml`: sigs.k8s.io/yaml's Marshal (JSON, then go-yaml v2) of plain objects:
 * keys in go-yaml's order, 2-space indent, lists of a mapping's key at the key's indent,
 * strings quoted exactly when go-yaml quotes them, long strings folded at column 80.
 */
import type { KubeObject } from '../../engine/api/types.js';
import { formatGoNumber } from './go-format.js';
import { scalarStyle, writeFlowScalar, writeLiteral } from './yaml-scalar.js';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLetter = (c: string): boolean => /^\p{L}$/u.test(c);
const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);

/**
 * go-yaml v2's key order (sorter.go keyList.Less): rune by rune, runs of digits compare
 * as numbers and non-letters sort before letters.
 */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

const sortedKeys = (m: Record<string, unknown>): string[] =>
  Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));

const isEmptyCollection = (v: unknown): boolean => (Array.isArray(v) ? v.length === 0 : isMap(v) && sortedKeys(v).length === 0);

// A scalar (or empty collection) written at `column`, continuing on lines indented by `indent`.
function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? formatGoNumber(v) : Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  if (Array.isArray(v)) return '[]';
  if (isMap(v)) return '{}';
  const s = String(v);
  const style = scalarStyle(s, false);
  return style === 'literal' ? writeLiteral(s, indent).replace(/\n$/, '') : writeFlowScalar(s, style, column, indent, true);
}

function key(k: string): string {
  const style = scalarStyle(k, true);
  return writeFlowScalar(k, style === 'literal' ? 'double' : style, 0, 0, false);
}

// A block mapping whose keys sit at `indent`.
function mapping(m: Record<string, unknown>, indent: number): string {
  let out = '';
  for (const k of sortedKeys(m)) {
    const v = m[k];
    const head = ' '.repeat(indent) + key(k) + ':';
    if (isMap(v) && !isEmptyCollection(v)) out += `${head}\n${mapping(v, indent + 2)}`;
    // A mapping's list is "indentless": its dashes align with the key.
    else if (Array.isArray(v) && v.length > 0) out += `${head}\n${sequence(v, indent)}`;
    else out += `${head} ${scalar(v, [...head].length + 1, indent + 2)}\n`;
  }
  return out;
}

// A block sequence whose dashes sit at `indent`; nested collections start on the dash line.
function sequence(items: readonly unknown[], indent: number): string {
  let out = '';
  const dash = `${' '.repeat(indent)}- `;
  for (const item of items) {
    if ((isMap(item) || Array.isArray(item)) && !isEmptyCollection(item)) {
      const body = isMap(item) ? mapping(item, indent + 2) : sequence(item, indent + 2);
      out += dash + body.slice(indent + 2);
    } else {
      out += `${dash}${scalar(item, indent + 2, indent + 2)}\n`;
    }
  }
  return out;
}

/** sigs.k8s.io/yaml.Marshal of a decoded JSON value; always ends with a newline. */
export function toYaml(value: unknown): string {
  if (isMap(value) && !isEmptyCollection(value)) return mapping(value, 0);
  if (Array.isArray(value) && value.length > 0) return sequence(value, 0);
  return `${scalar(value, 0, 0)}\n`;
}

/** The object as `kubectl get` prints it: metadata.managedFields dropped unless asked for. */
export function forOutput(obj: KubeObject, showManagedFields = false): KubeObject {
  if (showManagedFields || obj.metadata?.managedFields === undefined) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** The `kind: List` wrapper kubectl get prints several objects in (get.go printGeneric). */
export function listOf(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...objects], kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * `kubectl get -o yaml`: one object as itself, or (an array, even of one or none) as a
 * List. managedFields are omitted as kubectl does by default.
 */
export function printYaml(objects: KubeObject | readonly KubeObject[], opts: { showManagedFields?: boolean } = {}): string {
  if (!Array.isArray(objects)) return toYaml(forOutput(objects as KubeObject, opts.showManagedFields));
  return toYaml(listOf((objects as readonly KubeObject[]).map((o) => forOutput(o, opts.showManagedFields))));
}

/** Several documents from one YAML printer (`create -f` with -o yaml): joined by `---`. */
export function printYamlDocuments(objects: readonly KubeObject[], opts: { showManagedFields?: boolean } = {}): string {
  return objects.map((o) => toYaml(forOutput(o, opts.showManagedFields))).join('---\n');
}
