/**
 * TaintNodesByCondition: a node registers with the `node.kubernetes.io/not-ready:NoSchedule`
 * taint, which the node lifecycle controller removes once the node reports Ready.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { ok, type KubeObject, type Result } from '../types.js';
import { copyObject } from './forbidden.js';

const NOT_READY_TAINT = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };

function admit(req: AdmissionRequest): Result<KubeObject> {
  if (req.resource !== 'nodes' || req.subresource || req.operation !== 'CREATE') return ok(req.object);
  const taints: { key: string; effect: string }[] = req.object.spec?.taints ?? [];
  if (taints.some((t) => t.key === NOT_READY_TAINT.key && t.effect === NOT_READY_TAINT.effect)) return ok(req.object);
  const node = copyObject(req.object);
  node.spec = { ...node.spec, taints: [...taints, { ...NOT_READY_TAINT }] };
  return ok(node);
}

/** The TaintNodesByCondition plugin. */
export const taintNodesByCondition: AdmissionPlugin = { name: 'TaintNodesByCondition', mutate: admit };
