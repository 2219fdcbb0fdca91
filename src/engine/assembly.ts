/**
 * Puts the API server's request path together from its parts, in the real server's order:
 * RBAC authorization → strict decoding against the OpenAPI schema → defaulting → the
 * strategy's create/update preparation → mutating admission → validation (schema and
 * semantic) → validating admission → allocation (ClusterIPs, node ports) → store.
 */
import type { Patcher } from './api/client.js';
import type { Pipeline } from './api/pipeline.js';
import type { KubeObject } from './api/types.js';
import type { StoreReader } from './api/store.js';
import { accessReview, authorize, forbiddenMessage, impersonate, rulesReview } from './api/rbac/index.js';
import { mutatingPlugins, validatingPlugins } from './api/admission/index.js';
import { applyDefaults, jobCreateDefaults, prepareForCreate } from './api/defaults/index.js';
import { validateCreate, validateUpdate } from './api/validation/index.js';
import { validateAgainstSchema } from './api/schema/validate.js';
import { validateEphemeralContainersUpdate } from './api/validation/ephemeral.js';
import { decode, decodeStatus } from './api/schema/decode.js';
import { allocateService } from './api/allocators.js';
import { applyPatch } from './api/patch.js';

/** ClusterIPs and node ports in use, leaving out those of the Service being updated. */
function serviceAllocations(store: StoreReader, except?: KubeObject): { usedClusterIPs: Set<string>; usedNodePorts: Set<number> } {
  const usedClusterIPs = new Set<string>();
  const usedNodePorts = new Set<number>();
  for (const svc of store.list('services')) {
    if (except && svc.metadata.uid === except.metadata.uid) continue;
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) if (ip !== 'None') usedClusterIPs.add(ip);
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) usedNodePorts.add(p.nodePort);
  }
  return { usedClusterIPs, usedNodePorts };
}

/** A Service update that leaves out its ClusterIP and node ports keeps the allocated ones. */
function keepServiceAllocations(obj: KubeObject, old: KubeObject): KubeObject {
  if (obj.kind !== 'Service' || !old.spec) return obj;
  const spec = { ...(obj.spec ?? {}) };
  if (!spec.clusterIP && old.spec.clusterIP && spec.type !== 'ExternalName') {
    spec.clusterIP = old.spec.clusterIP;
    spec.clusterIPs = old.spec.clusterIPs;
  }
  if (Array.isArray(spec.ports) && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
    spec.ports = spec.ports.map((p: { port: number; protocol?: string; nodePort?: number }) => {
      if (p.nodePort) return p;
      const before = (old.spec.ports ?? []).find((o: { port: number; protocol?: string }) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      return before?.nodePort ? { ...p, nodePort: before.nodePort } : p;
    });
  }
  return { ...obj, spec };
}

/**
 * Secret.stringData is write-only: the v1 conversion merges it into data (base64) and
 * never stores it, so a pod reading the key finds it.
 */
function mergeStringData(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Secret' || !obj.stringData || typeof obj.stringData !== 'object') return obj;
  const data: Record<string, string> = { ...(obj.data ?? {}) };
  for (const [k, v] of Object.entries(obj.stringData as Record<string, unknown>)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  const { stringData: _dropped, ...rest } = obj;
  return { ...rest, data } as KubeObject;
}

/** The request path of this cluster's API server. */
export function assemblePipeline(): Pipeline {
  return {
    authorize,
    forbiddenMessage,
    decode: (_resource, obj, { strict }) => {
      if (strict) return decodeStatus(obj);
      const { error } = decode(obj);
      return error ? decodeStatus({ ...obj, metadata: obj.metadata }) : undefined;
    },
    unknownFieldWarnings: (obj) => decode(obj).unknown.map((f) => `unknown field "${f}"`),
    applyDefaults: (obj) => applyDefaults(mergeStringData(obj)),
    prepareForCreate: (obj) => {
      const prepared = prepareForCreate(obj);
      return prepared.kind === 'Job' ? jobCreateDefaults(prepared, prepared.metadata.uid!) : prepared;
    },
    prepareForUpdate: keepServiceAllocations,
    validateSchema: validateAgainstSchema,
    validateCreate,
    validateUpdate,
    validateEphemeralContainersUpdate,
    allocate: (obj, old, store, random) => {
      if (obj.kind !== 'Service') return { ok: true, value: obj };
      return allocateService(obj, serviceAllocations(store, old), random);
    },
    mutating: mutatingPlugins,
    validating: validatingPlugins,
    review: (resource, obj, user, store) => {
      switch (resource) {
        case 'selfsubjectaccessreviews':
        case 'subjectaccessreviews':
        case 'localsubjectaccessreviews':
          return accessReview(obj, user, store);
        case 'selfsubjectrulesreviews':
          return { ...obj, status: rulesReview(user, obj.spec?.namespace ?? 'default', store) };
        case 'selfsubjectreviews':
          return { ...obj, status: { userInfo: { username: user.name, groups: [...user.groups] } } };
        default:
          return undefined;
      }
    },
    impersonate,
  };
}

/** The patcher used by the patch verb: merge, JSON and strategic merge patches. */
export function assemblePatcher(): Patcher {
  return (obj, patch, type) => applyPatch(obj, patch, type);
}
