/**
 * ValidatePodEphemeralContainersUpdate: what the pods/ephemeralcontainers subresource
 * (`kubectl debug POD --image=...`) accepts. New ephemeral containers must be valid
 * containers of their own kind (no ports, probes, lifecycle or resources, a unique name,
 * a target that exists); existing ones may be neither changed nor removed; static pods
 * take none.
 */
import { duplicate, forbidden, index, notFoundField, required } from './field.js';
import { validateObjectMetaUpdate } from './meta.js';
import { semanticEqual } from './equal.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** Container fields an ephemeral container may not set (validateEphemeralContainers), in its order. */
const NOT_FOR_EPHEMERAL = ['lifecycle', 'livenessProbe', 'readinessProbe', 'ports', 'resources', 'startupProbe'];

const list = (spec: Obj, field: string): Obj[] => (Array.isArray(spec[field]) ? spec[field] : []);

/** The ephemeral containers of a pod as a new version would have them, checked against the stored pod. */
export function validateEphemeralContainersUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  // Static pods don't support ephemeral containers (kubernetes#113935).
  if (old.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return [forbidden('[]', 'static pods do not support ephemeral containers')];
  const spec: Obj = pod.spec ?? {};
  const oldSpec: Obj = old.spec ?? {};
  errs.push(...validateEphemeralContainers(spec));
  const next = new Map(list(spec, 'ephemeralContainers').map((c) => [c.name, c]));
  for (const before of list(oldSpec, 'ephemeralContainers')) {
    const now = next.get(before.name);
    if (!now) errs.push(forbidden('spec.ephemeralContainers', `existing ephemeral containers ${JSON.stringify(before.name)} may not be removed\n`));
    else if (!semanticEqual(before, now)) errs.push(forbidden(`spec.ephemeralContainers[${before.name}]`, `existing ephemeral containers ${JSON.stringify(before.name)} may not be changed\n`));
  }
  return errs;
}

/** validateEphemeralContainers: each one on its own and against the pod's other containers. */
function validateEphemeralContainers(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const taken = new Set([...list(spec, 'containers'), ...list(spec, 'initContainers')].map((c) => c.name));
  const targets = new Set([...list(spec, 'containers'), ...list(spec, 'initContainers')].map((c) => c.name));
  list(spec, 'ephemeralContainers').forEach((c, i) => {
    const path = index('spec.ephemeralContainers', i);
    if (!c.name) errs.push(required(`${path}.name`));
    else if (taken.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    else taken.add(c.name);
    if (!c.image) errs.push(required(`${path}.image`));
    for (const field of NOT_FOR_EPHEMERAL) {
      const v = c[field];
      const set = v !== undefined && v !== null && !(typeof v === 'object' && Object.keys(v).length === 0) && !(Array.isArray(v) && v.length === 0);
      if (set) errs.push(forbidden(`${path}.${field}`, 'cannot be set for an Ephemeral Container'));
    }
    if (c.restartPolicy !== undefined) errs.push(forbidden(`${path}.restartPolicy`, 'cannot be set for an Ephemeral Container'));
    if (c.targetContainerName && !targets.has(c.targetContainerName)) errs.push(notFoundField(`${path}.targetContainerName`, c.targetContainerName));
  });
  return errs;
}
