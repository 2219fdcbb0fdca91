/**
 * `kubectl describe` output as pure functions: one describer per resource, registered in
 * one table, the generic describer for everything else (describe.go DescriberFor).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config.js';
import type { DescribeContext, Describer } from './context.js';
import { describeGeneric } from './generic.js';
import { describeHPA } from './hpa.js';
import { describeCronJob, describeJob } from './jobs.js';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './namespace.js';
import { describeEndpoints, describeIngress, describeNetworkPolicy, describeService } from './network.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describeRole, describeRoleBinding } from './rbac.js';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.js';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads.js';

export type { DescribeContext, Describer } from './context.js';

/** The describers by plural resource name. */
export const DESCRIBERS: Readonly<Record<string, Describer>> = {
  pods: describePod,
  deployments: describeDeployment,
  replicasets: describeReplicaSet,
  statefulsets: describeStatefulSet,
  daemonsets: describeDaemonSet,
  jobs: describeJob,
  cronjobs: describeCronJob,
  services: describeService,
  endpoints: describeEndpoints,
  nodes: describeNode,
  namespaces: describeNamespace,
  resourcequotas: describeResourceQuota,
  limitranges: describeLimitRange,
  configmaps: describeConfigMap,
  secrets: describeSecret,
  serviceaccounts: describeServiceAccount,
  persistentvolumes: describePersistentVolume,
  persistentvolumeclaims: describePersistentVolumeClaim,
  storageclasses: describeStorageClass,
  roles: describeRole,
  clusterroles: describeRole,
  rolebindings: describeRoleBinding,
  clusterrolebindings: describeRoleBinding,
  ingresses: describeIngress,
  networkpolicies: describeNetworkPolicy,
  horizontalpodautoscalers: describeHPA,
};

/**
 * The text `kubectl describe <resource> <name>` prints for one object (without the blank
 * line kubectl puts between several objects). `resource` is the plural name, e.g. `pods`.
 */
export function describe(resource: string, obj: KubeObject, ctx: DescribeContext): string {
  const describer = DESCRIBERS[resource] ?? describeGeneric;
  return describer(obj, ctx);
}
