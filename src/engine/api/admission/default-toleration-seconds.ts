/**
 * DefaultTolerationSeconds: every pod tolerates a not-ready or unreachable node for 300s
 * before the node lifecycle controller evicts it, unless it already says otherwise.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { ok, type KubeObject, type Result } from '../types.js';
import { copyObject } from './forbidden.js';

/** Seconds a pod stays bound to a NotReady/Unreachable node (kube-apiserver's default flags). */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

interface Toleration {
  key?: string;
  operator?: string;
  effect?: string;
  tolerationSeconds?: number;
}

function tolerates(tolerations: readonly Toleration[], key: string): boolean {
  // An empty key or effect is a wildcard (the real plugin's check).
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
}

function admit(req: AdmissionRequest): Result<KubeObject> {
  if (req.resource !== 'pods' || req.subresource || (req.operation !== 'CREATE' && req.operation !== 'UPDATE')) return ok(req.object);
  const existing: Toleration[] = req.object.spec?.tolerations ?? [];
  const missing = [NOT_READY, UNREACHABLE].filter((key) => !tolerates(existing, key));
  if (missing.length === 0) return ok(req.object);
  const pod = copyObject(req.object);
  pod.spec = pod.spec ?? {};
  pod.spec.tolerations = [...existing, ...missing.map((key) => ({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }))];
  return ok(pod);
}

/** The DefaultTolerationSeconds plugin. */
export const defaultTolerationSeconds: AdmissionPlugin = { name: 'DefaultTolerationSeconds', mutate: admit };
