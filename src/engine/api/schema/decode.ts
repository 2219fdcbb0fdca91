/**
 * Strict decoding as the API server does it (sigs.k8s.io/json into the versioned Go types,
 * with field validation Strict, kubectl's default): the first type mismatch is fatal and
 * worded as Go's json.UnmarshalTypeError; otherwise every unknown field is collected.
 */
import { badRequest } from '../errors.js';
import type { KubeObject, StatusError } from '../types.js';
import { definition, definitionForKind, shortName, typeNode, type Definition, type TypeNode } from './model.js';

/** What decoding an object found. */
export interface DecodeResult {
  /** The fatal decode error text (`json: cannot unmarshal ...`), if any. */
  readonly error?: string;
  /** Unknown fields in document order, as `spec.containers[0].imagee`. */
  readonly unknown: readonly string[];
}

// resource.Quantity's parse error (apimachinery/pkg/api/resource ErrFormatWrong).
const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_RE = /^[+-]?(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** JSON value kinds as Go's decoder names them in UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'number' : `number ${v}`;
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

/** The Go type a type expression decodes into: `[]v1.Container`, `int32`, `map[string]string`. */
export function goType(node: TypeNode, format?: string): string {
  switch (node.kind) {
    case 'array':
      return `[]${goType(node.of, format)}`;
    case 'map':
      return `map[string]${goType(node.of, format)}`;
    case 'ref': {
      const parts = node.name.split('.');
      return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
    }
    case 'scalar':
      switch (node.type) {
        case 'integer':
          return format === 'int64' ? 'int64' : 'int32';
        case 'boolean':
          return 'bool';
        case 'number':
          return 'float64';
        case 'object':
          return 'map[string]interface {}';
        default:
          return 'string';
      }
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Decoder {
  error?: string;
  readonly unknown: string[] = [];

  /** Records the first fatal error; Go's decoder reports only the earliest. */
  private fail(message: string): void {
    this.error ??= message;
  }

  private typeError(value: unknown, struct: string, goPath: string, type: string): void {
    this.fail(`json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${goPath} of type ${type}`);
  }

  object(value: Record<string, unknown>, def: Definition, path: string, goPath: string): void {
    const props = def.p ?? {};
    const struct = shortName(def.name);
    for (const key of Object.keys(value).sort()) {
      const child = path ? `${path}.${key}` : key;
      const prop = props[key];
      if (!prop) {
        this.unknown.push(child);
        continue;
      }
      this.value(value[key], typeNode(prop.t), prop.f, child, goPath ? `${goPath}.${key}` : key, struct);
    }
  }

  value(value: unknown, node: TypeNode, format: string | undefined, path: string, goPath: string, struct: string): void {
    if (value === null || value === undefined) return; // null decodes to the zero value
    switch (node.kind) {
      case 'array':
        if (!Array.isArray(value)) return this.typeError(value, struct, goPath, goType(node, format));
        value.forEach((item, i) => this.value(item, node.of, format, `${path}[${i}]`, goPath, struct));
        return;
      case 'map':
        if (!isPlainObject(value)) return this.typeError(value, struct, goPath, goType(node, format));
        for (const key of Object.keys(value).sort()) this.value(value[key], node.of, format, `${path}[${key}]`, goPath, struct);
        return;
      case 'scalar':
        return this.scalar(value, node.type, format, struct, goPath);
      case 'ref':
        return this.ref(value, node, path, goPath, struct);
    }
  }

  private scalar(value: unknown, type: string, format: string | undefined, struct: string, goPath: string): void {
    const goName = goType({ kind: 'scalar', type: type as 'string' }, format);
    const bits = format === 'int64' ? 63 : 31;
    const okValue =
      type === 'object' ||
      (type === 'string' && typeof value === 'string') ||
      (type === 'boolean' && typeof value === 'boolean') ||
      (type === 'number' && typeof value === 'number') ||
      (type === 'integer' && typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** bits);
    if (!okValue) this.typeError(value, struct, goPath, goName);
  }

  private ref(value: unknown, node: TypeNode & { kind: 'ref' }, path: string, goPath: string, struct: string): void {
    const def = definition(node.name);
    if (!def) return;
    if (def.s === 'quantity') {
      // Quantity has its own UnmarshalJSON: anything that does not parse is a format error.
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !QUANTITY_RE.test(text.trim())) this.fail(QUANTITY_ERROR);
      return;
    }
    if (def.s === 'int-or-string') {
      // IntOrString.UnmarshalJSON decodes non-strings into an int32 with a fresh decoder.
      if (typeof value === 'string') return;
      if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(`json: cannot unmarshal ${jsonKind(value)} into Go value of type int32`);
      return;
    }
    if (def.s === 'string') {
      // metav1.Time: a string in RFC 3339.
      if (typeof value !== 'string') this.fail(`json: cannot unmarshal ${jsonKind(value)} into Go value of type string`);
      else if (!RFC3339_RE.test(value)) this.fail(`parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${value}" as "2006"`);
      return;
    }
    if (!def.p || Object.keys(def.p).length === 0) return; // RawExtension, FieldsV1: free-form
    if (!isPlainObject(value)) return this.typeError(value, struct, goPath, goType(node));
    this.object(value, def, path, goPath);
  }
}

/** Whether a value decodes with no error and no unknown field. */
type Check = (value: unknown) => boolean;

/**
 * Objects known to decode cleanly against a definition. Only frozen objects (the store's,
 * shared into a new write) are remembered: they cannot change, so neither can the answer.
 */
const cleanObjects = new WeakMap<object, Definition>();

/**
 * The Decoder's walk, compiled once per type expression into checks that neither sort
 * keys nor build paths: those only matter once something is wrong.
 */
const compiled = new Map<string, Check>();

function checkFor(node: TypeNode, format: string | undefined): Check {
  switch (node.kind) {
    case 'array': {
      const item = checkFor(node.of, format);
      return (v) => {
        if (v === null || v === undefined) return true;
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
        return true;
      };
    }
    case 'map': {
      const item = checkFor(node.of, format);
      return (v) => {
        if (v === null || v === undefined) return true;
        if (!isPlainObject(v)) return false;
        for (const key of Object.keys(v)) if (!item(v[key])) return false;
        return true;
      };
    }
    case 'scalar':
      return scalarCheck(node.type, format);
    case 'ref':
      return refCheck(node.name);
  }
}

function scalarCheck(type: string, format: string | undefined): Check {
  const limit = 2 ** (format === 'int64' ? 63 : 31);
  switch (type) {
    case 'object':
      return () => true;
    case 'string':
      return (v) => v === null || v === undefined || typeof v === 'string';
    case 'boolean':
      return (v) => v === null || v === undefined || typeof v === 'boolean';
    case 'number':
      return (v) => v === null || v === undefined || typeof v === 'number';
    case 'integer':
      return (v) => v === null || v === undefined || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= limit);
    default:
      return (v) => v === null || v === undefined;
  }
}

/** The check of a definition, built on first use (definitions refer to each other in cycles). */
function refCheck(name: string): Check {
  const key = `@${name}`;
  let check = compiled.get(key);
  if (check) return check;
  let built: Check | undefined;
  check = (v) => (built ??= buildRefCheck(name))(v);
  compiled.set(key, check);
  return check;
}

function buildRefCheck(name: string): Check {
  const def = definition(name);
  if (!def) return () => true;
  if (def.s === 'quantity') {
    return (v) => {
      if (v === null || v === undefined) return true;
      const text = typeof v === 'number' ? String(v) : v;
      return typeof text === 'string' && QUANTITY_RE.test(text.trim());
    };
  }
  if (def.s === 'int-or-string') return (v) => v === null || v === undefined || typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
  if (def.s === 'string') return (v) => v === null || v === undefined || (typeof v === 'string' && RFC3339_RE.test(v));
  if (!def.p || Object.keys(def.p).length === 0) return () => true;
  const check = objectCheck(def);
  return (v) => v === null || v === undefined || (isPlainObject(v) && check(v));
}

function objectCheck(def: Definition): (value: Record<string, unknown>) => boolean {
  const props = def.p ?? {};
  // Field name -> its check, or null for a field the definition does not have.
  const fields = new Map<string, Check | null>();
  const fieldCheck = (key: string): Check | null => {
    let check = fields.get(key);
    if (check === undefined) {
      const prop = props[key];
      check = prop ? checkFor(typeNode(prop.t), prop.f) : null;
      fields.set(key, check);
    }
    return check;
  };
  return (value) => {
    if (cleanObjects.get(value) === def) return true;
    for (const key of Object.keys(value)) {
      const check = fieldCheck(key);
      if (check === null || !check(value[key])) return false;
    }
    if (Object.isFrozen(value)) cleanObjects.set(value, def);
    return true;
  };
}

const kindChecks = new Map<Definition, (value: Record<string, unknown>) => boolean>();

function cleanObject(value: Record<string, unknown>, def: Definition): boolean {
  let check = kindChecks.get(def);
  if (!check) kindChecks.set(def, (check = objectCheck(def)));
  return check(value);
}

/** Decodes an object against its kind's schema, as the server's strict decoder would. */
export function decode(obj: KubeObject): DecodeResult {
  const def = definitionForKind(obj.kind, obj.apiVersion);
  if (!def) return { unknown: [] };
  // Almost every object decodes cleanly: check that cheaply, and walk again for the
  // error and the unknown fields' paths only when it does not.
  if (cleanObject(obj as Record<string, unknown>, def)) return { unknown: [] };
  const d = new Decoder();
  d.object(obj as Record<string, unknown>, def, '', '');
  return { error: d.error, unknown: d.unknown };
}

/** Unknown field paths as the server reports them: `spec.containers[0].imagee`, `metadata.labelz`. */
export function unknownFields(obj: KubeObject): string[] {
  return [...decode(obj).unknown];
}

/**
 * The 400 the server answers for an object it cannot decode strictly (handlers/rest.go
 * transformDecodeError): `Pod in version "v1" cannot be handled as a Pod: strict decoding
 * error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"`. A type
 * mismatch wins over unknown fields. Undefined when the object decodes cleanly.
 */
export function decodeStatus(obj: KubeObject): StatusError | undefined {
  const { error, unknown } = decode(obj);
  const detail = error ?? (unknown.length ? `strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}` : undefined);
  if (!detail) return undefined;
  const slash = obj.apiVersion.indexOf('/');
  const version = slash < 0 ? obj.apiVersion : obj.apiVersion.slice(slash + 1);
  return badRequest(`${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${detail}`);
}
