/**
 * Schema-level validation: the Required and NotSupported field errors the server's
 * validation returns for fields the OpenAPI schema marks required or enumerates. Kind-
 * specific rules (names, ports, selectors matching templates) live with each kind's
 * validator; this covers what the schema alone can say. `status` is skipped: the server
 * resets it on create and validates it only through the status subresource.
 */
import type { FieldError, KubeObject } from '../types.js';
import { definition, definitionForKind, typeNode, type Definition, type PropSchema, type TypeNode } from './model.js';

/**
 * Supported values in the order v1.30's Go validation lists them where that is not sorted
 * order (most validators print `sets.List(...)`, which is sorted).
 */
const VALIDATION_ORDER: Readonly<Record<string, readonly string[]>> = {
  'io.k8s.api.core.v1.PodSpec#restartPolicy': ['Always', 'OnFailure', 'Never'],
  'io.k8s.api.core.v1.PodSpec#dnsPolicy': ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  'io.k8s.api.core.v1.Container#terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'io.k8s.api.core.v1.Toleration#operator': ['Equal', 'Exists'],
  'io.k8s.api.core.v1.Toleration#effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'io.k8s.api.core.v1.Taint#effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'io.k8s.api.apps.v1.DeploymentStrategy#type': ['Recreate', 'RollingUpdate'],
};

/**
 * Required fields whose Go type is a pointer to a struct, so validation can see them
 * missing. Other required struct fields (a Deployment's `template`) are Go values: the
 * server validates their insides instead of reporting them missing.
 */
const REQUIRED_STRUCT_POINTERS = new Set(['io.k8s.api.apps.v1.DeploymentSpec#selector', 'io.k8s.api.apps.v1.ReplicaSetSpec#selector', 'io.k8s.api.apps.v1.StatefulSetSpec#selector', 'io.k8s.api.apps.v1.DaemonSetSpec#selector']);

/** `supported values: "Always", "OnFailure", "Never"`, as field.NotSupported words it. */
export function supportedValuesDetail(values: readonly string[]): string {
  return `supported values: ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

function supported(defName: string, field: string, values: readonly string[]): readonly string[] {
  return VALIDATION_ORDER[`${defName}#${field}`] ?? [...values].sort();
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Required lists the server accepts empty or null: the schema marks them required only
 * because the Go field has no omitempty, and no validator insists on an item (an
 * EndpointSlice with no endpoints is the placeholder the EndpointSlice controller writes).
 */
const EMPTY_LIST_ALLOWED = new Set(['io.k8s.api.discovery.v1.EndpointSlice#endpoints']);

function checkObject(value: Record<string, unknown>, def: Definition, path: string, errors: FieldError[]): void {
  const props = def.p ?? {};
  for (const field of def.r ?? []) {
    const prop = props[field];
    if (!prop || !isMissing(value[field])) continue;
    if (EMPTY_LIST_ALLOWED.has(`${def.name}#${field}`)) continue;
    const node = typeNode(prop.t);
    const ref = node.kind === 'ref' ? definition(node.name) : undefined;
    if (ref && !ref.s && !REQUIRED_STRUCT_POINTERS.has(`${def.name}#${field}`)) continue;
    if (ref?.s === 'int-or-string') continue; // validated as a port or percentage by the kind
    errors.push({ type: 'Required', field: path ? `${path}.${field}` : field });
  }
  for (const [field, prop] of Object.entries(props)) {
    if (!path && field === 'status') continue;
    const v = value[field];
    if (v === undefined || v === null) continue;
    checkProp(v, prop, def.name, field, path ? `${path}.${field}` : field, errors);
  }
}

function checkProp(value: unknown, prop: PropSchema, defName: string, field: string, path: string, errors: FieldError[]): void {
  // Empty enums are left to defaulting, which runs before validation.
  if (prop.e && typeof value === 'string' && value !== '' && !prop.e.includes(value)) {
    errors.push({ type: 'NotSupported', field: path, value, detail: supportedValuesDetail(supported(defName, field, prop.e)) });
  }
  if (prop.ie && Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'string' && !prop.ie!.includes(item)) {
        errors.push({ type: 'NotSupported', field: `${path}[${i}]`, value: item, detail: supportedValuesDetail(supported(defName, field, prop.ie!)) });
      }
    });
  }
  walk(value, typeNode(prop.t), path, errors);
}

function walk(value: unknown, node: TypeNode, path: string, errors: FieldError[]): void {
  if (node.kind === 'array' && Array.isArray(value)) value.forEach((item, i) => walk(item, node.of, `${path}[${i}]`, errors));
  else if (node.kind === 'map' && value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, node.of, `${path}[${k}]`, errors);
  } else if (node.kind === 'ref' && value && typeof value === 'object' && !Array.isArray(value)) {
    const def = definition(node.name);
    if (def?.p) checkObject(value as Record<string, unknown>, def, path, errors);
  }
}

/** Whether checkObject would find nothing inside a field's value. */
type Walk = (value: unknown) => boolean;

/** What checking a definition needs, worked out once per definition. */
interface Plan {
  /** Required fields that are an error when missing. */
  readonly required: readonly string[];
  /** Fields with something to check: an enum, or objects with a definition inside. */
  readonly fields: readonly { readonly field: string; readonly prop: PropSchema; readonly walk?: Walk }[];
}

const plans = new Map<Definition, Plan>();

function planOf(def: Definition): Plan {
  let plan = plans.get(def);
  if (plan) return plan;
  const props = def.p ?? {};
  const required = (def.r ?? []).filter((field) => {
    const prop = props[field];
    if (!prop || EMPTY_LIST_ALLOWED.has(`${def.name}#${field}`)) return false;
    const node = typeNode(prop.t);
    const ref = node.kind === 'ref' ? definition(node.name) : undefined;
    if (ref && !ref.s && !REQUIRED_STRUCT_POINTERS.has(`${def.name}#${field}`)) return false;
    return ref?.s !== 'int-or-string';
  });
  const fields = Object.entries(props)
    .map(([field, prop]) => ({ field, prop, walk: walkFor(typeNode(prop.t)) }))
    .filter((f) => f.prop.e || f.prop.ie || f.walk);
  plan = { required, fields };
  plans.set(def, plan);
  return plan;
}

/** walk() for one type expression, or undefined where it can find nothing (scalars). */
function walkFor(node: TypeNode): Walk | undefined {
  switch (node.kind) {
    case 'array': {
      const item = walkFor(node.of);
      return (
        item &&
        ((v) => {
          if (!Array.isArray(v)) return true;
          for (const x of v) if (!item(x)) return false;
          return true;
        })
      );
    }
    case 'map': {
      const item = walkFor(node.of);
      return (
        item &&
        ((v) => {
          if (!v || typeof v !== 'object') return true;
          for (const x of Object.values(v)) if (!item(x)) return false;
          return true;
        })
      );
    }
    case 'ref': {
      const def = definition(node.name);
      if (!def?.p) return undefined;
      return (v) => !v || typeof v !== 'object' || Array.isArray(v) || passes(v as Record<string, unknown>, def, false);
    }
    default:
      return undefined;
  }
}

/** Frozen objects known to pass against a definition (they cannot change, so neither can the answer). */
const passed = new WeakMap<object, Definition>();

/**
 * Whether checkObject would find nothing: the same walk without building paths or
 * errors, which only matter once something is wrong.
 */
function passes(value: Record<string, unknown>, def: Definition, root: boolean): boolean {
  if (!root && passed.get(value) === def) return true;
  const plan = planOf(def);
  for (const field of plan.required) if (isMissing(value[field])) return false;
  for (const { field, prop, walk } of plan.fields) {
    if (root && field === 'status') continue;
    const v = value[field];
    if (v === undefined || v === null) continue;
    if (prop.e && typeof v === 'string' && v !== '' && !prop.e.includes(v)) return false;
    if (prop.ie && Array.isArray(v)) for (const item of v) if (typeof item === 'string' && !prop.ie.includes(item)) return false;
    if (walk && !walk(v)) return false;
  }
  if (!root && Object.isFrozen(value)) passed.set(value, def);
  return true;
}

/** Required and NotSupported errors for an object of a served kind, in schema order. */
export function validateAgainstSchema(obj: KubeObject): FieldError[] {
  const def = definitionForKind(obj.kind, obj.apiVersion);
  if (!def) return [];
  // Almost every object passes: check that cheaply, and walk again for the errors only when it does not.
  if (passes(obj as Record<string, unknown>, def, true)) return [];
  const errors: FieldError[] = [];
  checkObject(obj as Record<string, unknown>, def, '', errors);
  return errors;
}
