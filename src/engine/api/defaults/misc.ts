/**
 * Defaults of RBAC (pkg/apis/rbac/v1/defaults.go), NetworkPolicy
 * (pkg/apis/networking/v1/defaults.go) and HorizontalPodAutoscaler
 * (pkg/apis/autoscaling/v1 and v2 defaults.go).
 */
import { child, items, objectAt, setDefault, setDefaultString, type Obj } from './util.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** SetDefaults_RoleBinding / ClusterRoleBinding and SetDefaults_Subject. */
export function defaultBinding(binding: Obj): void {
  const roleRef = objectAt(binding, 'roleRef');
  if (roleRef) setDefaultString(roleRef, 'apiGroup', RBAC_GROUP);
  for (const subject of items(binding, 'subjects')) {
    if (subject.apiGroup) continue;
    // A ServiceAccount's group defaults to "", which `omitempty` leaves out of the stored
    // object: no apiGroup key at all, whether it was absent or sent empty.
    if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = RBAC_GROUP;
    else delete subject.apiGroup;
  }
}

/** SetDefaults_NetworkPolicy and the `+default="TCP"` on NetworkPolicyPort.protocol. */
export function defaultNetworkPolicy(np: Obj): void {
  const spec = child(np, 'spec');
  for (const rule of [...items(spec, 'ingress'), ...items(spec, 'egress')]) {
    for (const port of items(rule, 'ports')) setDefaultString(port, 'protocol', 'TCP');
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

function scalingRules(rules: Obj | undefined, up: boolean): Obj {
  const out: Obj = { ...(rules ?? {}) };
  setDefault(out, 'stabilizationWindowSeconds', up ? 0 : 300);
  setDefault(out, 'selectPolicy', 'Max');
  if (!Array.isArray(out.policies)) {
    out.policies = up
      ? [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ]
      : [{ type: 'Percent', value: 100, periodSeconds: 15 }];
  }
  return out;
}

/**
 * SetDefaults_HorizontalPodAutoscaler: minReplicas 1; in autoscaling/v2 a CPU target of
 * 80% when no metrics are given, and the scale-up/scale-down rules filled in only when a
 * behavior is given.
 */
export function defaultHorizontalPodAutoscaler(hpa: Obj): void {
  const spec = child(hpa, 'spec');
  setDefault(spec, 'minReplicas', 1);
  if (hpa.apiVersion === 'autoscaling/v1') return;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  const behavior = objectAt(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = scalingRules(objectAt(behavior, 'scaleUp'), true);
    behavior.scaleDown = scalingRules(objectAt(behavior, 'scaleDown'), false);
  }
}
