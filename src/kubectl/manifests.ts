/**
 * Reading objects for `-f`: files, directories (`-R` to recurse), `-f -` from stdin,
 * multi-document YAML split on `---`, JSON, and `kind: List` expansion, with the errors of
 * kubectl's resource builder (cli-runtime resource/visitor.go, builder.go).
 */
import yaml, { YAMLException } from 'js-yaml';
import { servesApiVersion, typeForKind, type ResourceType } from '../engine/api/discovery.js';
import type { KubeObject } from '../engine/api/types.js';
import type { KubectlEnv } from './types.js';
import { goJsonError, goYamlError } from './yaml-errors.js';

/** One object read from a manifest, or the per-object error the builder reports for it. */
export type ManifestItem =
  | { readonly ok: true; readonly source: string; readonly object: KubeObject; readonly type: ResourceType }
  /** `error` is kubectl's text without `error: `, e.g. `resource mapping not found for name: ...`. */
  | { readonly ok: false; readonly source: string; readonly error: string };

/**
 * What `-f` produced: the objects in file order, and the error that stopped reading (a
 * missing path, a YAML syntax error, failed validation). Objects before the stop were
 * read: `create` acts on them first (it visits as it reads), `apply` does not (it reads all).
 */
export interface ManifestRead {
  readonly items: readonly ManifestItem[];
  /** kubectl's text without `error: `, e.g. `error parsing bad.yaml: error converting YAML to JSON: ...`. */
  readonly fatal?: string;
}

/** `--validate`: strict checks apiVersion and kind before sending; the server checks fields. */
export type ValidationDirective = 'strict' | 'warn' | 'ignore';

/** Reads `--validate` (true/strict, warn, false/ignore) or returns kubectl's error text. */
export function parseValidate(value: string): { ok: true; value: ValidationDirective } | { ok: false; error: string } {
  const v = value.toLowerCase();
  if (v === 'true' || v === 'strict') return { ok: true, value: 'strict' };
  if (v === 'warn') return { ok: true, value: 'warn' };
  if (v === 'false' || v === 'ignore') return { ok: true, value: 'ignore' };
  return { ok: false, error: `invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)` };
}

/** The `-f` options of a command. */
export interface ManifestOptions {
  readonly filenames: readonly string[];
  readonly recursive?: boolean;
  readonly validate?: ValidationDirective;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];
const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** Reads every `-f` argument in order. */
export function readManifests(env: KubectlEnv, opts: ManifestOptions): ManifestRead {
  const items: ManifestItem[] = [];
  for (const name of opts.filenames) {
    const sources = name === '-' ? [{ source: 'STDIN', text: env.stdin ?? '' }] : expandPath(env, name, opts.recursive ?? false);
    if (typeof sources === 'string') return { items, fatal: sources };
    for (const { source, text } of sources) {
      const fatal = readStream(text, source, opts.validate ?? 'strict', items);
      if (fatal) return { items, fatal };
    }
  }
  return { items };
}

type Source = { source: string; text: string };

/** A file, or a directory's .json/.yaml/.yml files in lexical order (recursing with -R). */
function expandPath(env: KubectlEnv, path: string, recursive: boolean): Source[] | string {
  if (/^https?:\/\//.test(path)) return `unable to read URL "${path}": kubetutor has no network access`;
  const entries = env.readDir(path);
  if (entries === undefined) {
    const text = env.readFile(path);
    return text === undefined ? `the path "${path}" does not exist` : [{ source: path, text }];
  }
  const out: Source[] = [];
  const walk = (dir: string) => {
    for (const entry of [...(env.readDir(dir) ?? [])].sort()) {
      const child = dir.endsWith('/') ? `${dir}${entry}` : `${dir}/${entry}`;
      if (env.readDir(child) !== undefined) {
        if (recursive) walk(child);
        continue;
      }
      if (!EXTENSIONS.some((ext) => entry.endsWith(ext))) continue;
      const text = env.readFile(child);
      if (text !== undefined) out.push({ source: child, text });
    }
  };
  walk(path);
  return out;
}

/** One stream: JSON when it starts with `{`, else YAML documents. Returns the fatal error, if any. */
function readStream(text: string, source: string, validate: ValidationDirective, items: ManifestItem[]): string | undefined {
  const docs = splitStream(text);
  if (typeof docs === 'string') return `error parsing ${source}: ${docs}`;
  for (const doc of docs) {
    let value: unknown;
    if (doc.json) {
      try {
        value = JSON.parse(doc.text);
      } catch (e) {
        return `error parsing ${source}: ${goJsonError(doc.text, e)}`;
      }
    } else {
      try {
        // json: duplicate keys override, as go-yaml's YAMLToJSON lets them.
        value = yaml.load(doc.text, { json: true });
      } catch (e) {
        if (e instanceof YAMLException) return `error parsing ${source}: error converting YAML to JSON: ${goYamlError(e, doc.text)}`;
        throw e;
      }
    }
    if (value === null || value === undefined) continue;
    if (validate === 'strict') {
      const problems = kindProblems(value);
      if (problems.length > 0) {
        const text = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
        return `error validating "${source}": error validating data: ${text}; ${STOP_VALIDATE}`;
      }
    }
    for (const object of flattenList(value)) items.push(toItem(object, source));
  }
  return undefined;
}

/** getObjectKind's checks (kubectl/pkg/validation). */
function kindProblems(value: unknown): string[] {
  const fields = isMap(value) ? value : {};
  const problems: string[] = [];
  if (fields.apiVersion === undefined || fields.apiVersion === null) problems.push('apiVersion not set');
  else if (typeof fields.apiVersion !== 'string') problems.push("apiVersion isn't string type");
  if (fields.kind === undefined || fields.kind === null) problems.push('kind not set');
  else if (typeof fields.kind !== 'string') problems.push("kind isn't string type");
  return problems;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** FlattenListVisitor: a `kind: List` (or `FooList`) stands for its items. */
function flattenList(value: unknown): unknown[] {
  if (isMap(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    return value.items.flatMap(flattenList);
  }
  return [value];
}

/** infoForData: the object's type through the REST mapping, or the builder's mapping error. */
function toItem(value: unknown, source: string): ManifestItem {
  const obj = (isMap(value) ? value : {}) as Record<string, unknown>;
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  if (!kind) return { ok: false, source, error: `unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(value)}'` };
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  const type = typeForKind(kind);
  if (!type || !servesApiVersion(type, apiVersion)) {
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
    return {
      ok: false,
      source,
      error: `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    };
  }
  const object = { ...obj, metadata: { ...meta } } as KubeObject;
  return { ok: true, source, object, type };
}

/** A document of a stream, and whether it is JSON. */
interface Doc {
  readonly text: string;
  readonly json: boolean;
}

/**
 * YAMLOrJSONDecoder: JSON when the stream starts with `{`; otherwise YAMLReader's split on
 * lines starting `---` (only a comment may follow the marker on that line).
 */
function splitStream(text: string): Doc[] | string {
  if (/^\s*\{/.test(text)) return [{ text, json: true }];
  const docs: Doc[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) return `invalid Yaml document separator: ${rest}`;
      if (current.length > 0) docs.push({ text: current.join('\n'), json: false });
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.some((l) => l.trim() !== '')) docs.push({ text: current.join('\n'), json: false });
  return docs.filter((d) => d.text.trim() !== '');
}

/**
 * The namespace an object from a file goes to: its own, else the command's. A different
 * explicit `-n` is kubectl's error (resource.Builder's namespace enforcement).
 */
export function namespaceForObject(
  object: KubeObject,
  type: ResourceType,
  namespace: string,
  explicit: boolean,
): { ok: true; namespace: string | undefined } | { ok: false; error: string } {
  if (!type.namespaced) return { ok: true, namespace: undefined };
  const own = object.metadata.namespace;
  if (own && explicit && own !== namespace) {
    return {
      ok: false,
      error: `the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    };
  }
  return { ok: true, namespace: own || namespace };
}
