/**
 * Server-side defaulting: the v1.30 defaulters of each API group, applied by kind. The
 * API server runs applyDefaults on every create and update body (as decoding does), then
 * on create prepareForCreate and, for Jobs, jobCreateDefaults once the uid is known.
 */
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.js';
import { defaultCronJob, defaultJob } from './batch.js';
import { defaultEndpoints, defaultLimitRange, defaultNamespace, defaultNode, defaultReplicationController, defaultSecret } from './core.js';
import { defaultBinding, defaultHorizontalPodAutoscaler, defaultNetworkPolicy } from './misc.js';
import { defaultPod, defaultPodTemplate } from './pod.js';
import { defaultService } from './service.js';
import { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from './storage.js';
import { deepCopy, type Obj } from './util.js';
import type { KubeObject } from '../types.js';

export { jobCreateDefaults } from './batch.js';
export { prepareForCreate, podQOSClass } from './create.js';
export { imageTag } from './pod.js';

const DEFAULTERS: Record<string, (obj: Obj) => void> = {
  Pod: defaultPod,
  PodTemplate: (t) => defaultPodTemplate(t.template),
  ReplicationController: defaultReplicationController,
  Service: defaultService,
  Secret: defaultSecret,
  Namespace: defaultNamespace,
  Node: defaultNode,
  Endpoints: defaultEndpoints,
  LimitRange: defaultLimitRange,
  PersistentVolume: defaultPersistentVolume,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  StorageClass: defaultStorageClass,
  RoleBinding: defaultBinding,
  ClusterRoleBinding: defaultBinding,
  NetworkPolicy: defaultNetworkPolicy,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
};

/** The object with its kind's server-side defaults filled in; the input is not changed. */
export function applyDefaults(obj: KubeObject): KubeObject {
  const out = deepCopy(obj);
  DEFAULTERS[out.kind]?.(out);
  return out;
}
