/**
 * NamespaceLifecycle (apiserver/pkg/admission/plugin/namespace/lifecycle): nothing is
 * created in a namespace that does not exist or is being terminated, and the namespaces
 * the cluster needs may not be deleted.
 */
import { resourceType } from '../discovery.js';
import { forbidden, notFound } from '../errors.js';
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { ok, fail, type KubeObject, type Result } from '../types.js';
import { admissionForbidden } from './forbidden.js';

/** Namespaces that may never be deleted (kube-apiserver's immortal set). */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

function admit(req: AdmissionRequest): Result<KubeObject> {
  const nsType = resourceType('namespaces')!;
  if (req.resource === 'namespaces') {
    const name = req.object?.metadata?.name ?? '';
    if (req.operation === 'DELETE' && IMMORTAL_NAMESPACES.includes(name)) {
      return fail(forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, nsType, name));
    }
    return ok(req.object);
  }
  // Cluster-scoped objects, deletions and access reviews (which must not leak whether a
  // namespace exists) are always let through.
  if (!req.namespace || req.operation === 'DELETE' || req.resource === 'localsubjectaccessreviews') return ok(req.object);
  const ns = req.store.get('namespaces', undefined, req.namespace);
  if (!ns) return fail(notFound(nsType, req.namespace));
  if (req.operation === 'CREATE' && ns.status?.phase === 'Terminating') {
    const err = admissionForbidden(req, `unable to create new content in namespace ${req.namespace} because it is being terminated`);
    return fail({
      ...err,
      details: { ...err.details, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${req.namespace} is being terminated`, field: 'metadata.namespace' }] },
    });
  }
  return ok(req.object);
}

/** The NamespaceLifecycle plugin (a mutating-phase plugin in the real server). */
export const namespaceLifecycle: AdmissionPlugin = { name: 'NamespaceLifecycle', mutate: admit };
