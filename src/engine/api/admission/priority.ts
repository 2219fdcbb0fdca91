/**
 * Priority (plugin/pkg/admission/priority): a new pod gets `priority` (and its
 * `preemptionPolicy`) from its PriorityClass, the cluster's globalDefault class, or 0.
 */
import type { AdmissionPlugin, AdmissionRequest } from '../pipeline.js';
import { ok, fail, type KubeObject, type Result } from '../types.js';
import { admissionForbidden, copyObject } from './forbidden.js';

/** The two classes every cluster has (created by the API server at start-up). */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

const DEFAULT_PREEMPTION = 'PreemptLowerPriority';

interface Resolved {
  className: string;
  priority: number;
  preemptionPolicy: string;
}

function resolve(req: AdmissionRequest, className: string): Resolved | undefined {
  if (!className) {
    const globalDefault = req.store.list('priorityclasses').find((pc) => pc.globalDefault === true);
    if (!globalDefault) return { className: '', priority: 0, preemptionPolicy: DEFAULT_PREEMPTION };
    return { className: globalDefault.metadata.name!, priority: globalDefault.value ?? 0, preemptionPolicy: globalDefault.preemptionPolicy ?? DEFAULT_PREEMPTION };
  }
  const pc = req.store.get('priorityclasses', undefined, className);
  if (pc) return { className, priority: pc.value ?? 0, preemptionPolicy: pc.preemptionPolicy ?? DEFAULT_PREEMPTION };
  const system = SYSTEM_PRIORITY_CLASSES[className];
  return system === undefined ? undefined : { className, priority: system, preemptionPolicy: DEFAULT_PREEMPTION };
}

function admit(req: AdmissionRequest): Result<KubeObject> {
  if (req.resource !== 'pods' || req.subresource || req.operation !== 'CREATE') return ok(req.object);
  const spec = req.object.spec ?? {};
  const resolved = resolve(req, spec.priorityClassName ?? '');
  if (!resolved) return fail(admissionForbidden(req, `no PriorityClass with name ${spec.priorityClassName} was found`));
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== resolved.priority) {
    return fail(
      admissionForbidden(
        req,
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${resolved.priority} from the given PriorityClass name`,
      ),
    );
  }
  if (spec.preemptionPolicy && spec.preemptionPolicy !== resolved.preemptionPolicy) {
    return fail(
      admissionForbidden(
        req,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`,
      ),
    );
  }
  const pod = copyObject(req.object);
  pod.spec = { ...pod.spec, ...(resolved.className ? { priorityClassName: resolved.className } : {}), priority: resolved.priority, preemptionPolicy: resolved.preemptionPolicy };
  return ok(pod);
}

/** The Priority plugin. */
export const priority: AdmissionPlugin = { name: 'Priority', mutate: admit };
