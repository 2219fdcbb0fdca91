/**
 * `kubectl explain` output, reproducing kubectl v1.30's OpenAPI v3 plaintext template
 * (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) over the schema:
 * header, optional `FIELD:` line, wrapped DESCRIPTION, and FIELDS sorted by name.
 */
import { RESOURCE_TYPES, type ResourceType } from '../discovery.js';
import { definition, definitionForKind, shortName, typeNode, type Definition, type PropSchema, type TypeNode } from './model.js';
import { indent, wrapString } from './wordwrap.js';

/** The printed text, or the error line kubectl prints (with its `error: ` prefix). */
export type ExplainResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** The template's `typeGuess`: `string`, `[]Container`, `map[string]string`, `ObjectMeta`, `IntOrString`. */
export function typeGuess(node: TypeNode): string {
  switch (node.kind) {
    case 'array':
      return `[]${typeGuess(node.of)}`;
    case 'map':
      return `map[string]${typeGuess(node.of)}`;
    case 'ref': {
      // A ref to a typed primitive (metav1.Time is a string) prints the primitive;
      // untyped ones (IntOrString, Quantity) and objects print the definition's name.
      const def = definition(node.name);
      return def?.s === 'string' ? 'string' : shortName(node.name);
    }
    case 'scalar':
      return node.type === 'object' ? 'Object' : node.type;
  }
}

// The template's "description": the field's own text, then that of the type it refers to.
function descriptionOf(fieldDescription: string | undefined, node: TypeNode): string {
  let text = fieldDescription ? `${fieldDescription}\n` : '';
  let n = node;
  while (n.kind === 'array' || n.kind === 'map') n = n.of;
  if (n.kind === 'ref') {
    const d = definition(n.name)?.d;
    if (d) text += `${d}\n`;
  }
  return text;
}

// The object definition whose fields a node lists (through arrays and maps), if any.
function fieldsOf(node: TypeNode): Definition | undefined {
  let n = node;
  while (n.kind === 'array' || n.kind === 'map') n = n.of;
  if (n.kind !== 'ref') return undefined;
  const def = definition(n.name);
  return def?.p && Object.keys(def.p).length ? def : undefined;
}

function enumList(values: readonly string[], long: boolean, indentAmount: number): string {
  const shown = values.map((v) => (v === '' ? '""' : v));
  if (long) return `ENUM:${shown.map((v) => `\n    ${v}`).join('')}`;
  const head = shown.slice(0, 4).join(', ');
  return `\n${' '.repeat(indentAmount)}enum: ${head}${shown.length > 4 ? ', ....' : ''}`;
}

function fieldDetail(name: string, prop: PropSchema, required: boolean, level: number, short: boolean): string {
  const amount = level * 2;
  let out = `${indent(amount, name)}\t<${typeGuess(typeNode(prop.t))}>${required ? ' -required-' : ''}`;
  if (prop.e) out += enumList(prop.e, false, amount);
  out += '\n';
  if (!short) out += `${indent(amount + 2, wrapString(prop.d || '<no description>', 78 - amount))}\n\n`;
  return out;
}

function fieldList(def: Definition, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  if (history.has(def.name)) return ''; // a cycle: the template stops here
  const seen = new Set(history).add(def.name);
  let out = '';
  const props = def.p ?? {};
  for (const name of Object.keys(props).sort()) {
    const prop = props[name];
    out += fieldDetail(name, prop, def.r?.includes(name) ?? false, level, recursive);
    if (recursive) {
      const sub = fieldsOf(typeNode(prop.t));
      if (sub) out += fieldList(sub, level + 1, true, seen);
    }
  }
  return out;
}

function body(description: string, fields: Definition | undefined, recursive: boolean): string {
  let out = `DESCRIPTION:\n${indent(4, wrapString(description || '<empty>', 76))}\n`;
  const list = fields ? fieldList(fields, 1, recursive, new Set()) : '';
  if (list) out += `FIELDS:\n${list}`;
  return out;
}

/**
 * Explains a kind, or a field path inside it (`['spec', 'containers']`), as kubectl v1.30
 * prints it. `group`/`version` go in the header (GROUP only for non-core groups).
 */
export function explainKind(kind: string, fieldPath: readonly string[], opts: { readonly recursive?: boolean; readonly apiVersion?: string } = {}): ExplainResult {
  const root = definitionForKind(kind, opts.apiVersion);
  if (!root?.gvk) return { ok: false, message: `error: couldn't find resource for "${kind}"` };
  const [group, version] = root.gvk;
  let out = `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${kind}\nVERSION:    ${opts.apiVersion?.split('/').pop() ?? version}\n\n`;
  const recursive = opts.recursive ?? false;
  if (fieldPath.length === 0) return { ok: true, text: `${out}${body(root.d ? `${root.d}\n` : '', root, recursive)}\n` };

  let current: Definition | undefined = root;
  let prop: PropSchema | undefined;
  for (const name of fieldPath) {
    prop = current?.p?.[name];
    // kubectl names the last element of the path, whichever one is missing.
    if (!prop) return { ok: false, message: `error: field "${fieldPath[fieldPath.length - 1]}" does not exist` };
    current = fieldsOf(typeNode(prop.t));
  }
  const last = prop!;
  const node = typeNode(last.t);
  out += `FIELD: ${fieldPath[fieldPath.length - 1]} <${typeGuess(node)}>\n`;
  // One blank line follows, as real v1.30 output shows (after the ENUM block when there is one).
  if (last.e) out += `${enumList(last.e, true, 0)}\n`;
  out += '\n';
  return { ok: true, text: `${out}${body(descriptionOf(last.d, node), current, recursive)}\n` };
}

/** The served type a kubectl resource word names: plural, singular, short name or kind. */
export function resolveResourceWord(word: string): ResourceType | undefined {
  const w = word.toLowerCase();
  return RESOURCE_TYPES.find((t) => t.resource === w || t.singular === w || t.shortNames.includes(w) || t.kind.toLowerCase() === w);
}

/**
 * `kubectl explain ARG [--recursive] [--api-version=...]`: ARG is `RESOURCE[.field.path]`,
 * e.g. `deploy.spec.strategy`. Group-qualified words (`deployments.apps`) are not handled.
 */
export function explain(arg: string, opts: { readonly recursive?: boolean; readonly apiVersion?: string } = {}): ExplainResult {
  const [word, ...path] = arg.split('.');
  const t = resolveResourceWord(word);
  if (!t) return { ok: false, message: `error: the server doesn't have a resource type "${word}"` };
  return explainKind(t.kind, path.filter((p) => p !== ''), opts);
}
