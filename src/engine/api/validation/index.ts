/**
 * Semantic validation as the v1.30 API server runs it after defaulting: per-kind create
 * rules and update rules (the update rules include the create rules' checks of the new
 * object plus what may not change). Errors come back in the server's order, ready for
 * errors.ts invalid().
 */
import { typeForKind } from '../discovery.js';
import { validateWorkload, validateWorkloadUpdate } from './apps.js';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from './batch.js';
import { validateConfigMap, validateDataUpdate, validateHPA, validateIngress, validateNamespace, validateNode, validateSecret, validateServiceAccount } from './core.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { nameIsDNSSubdomain } from './names.js';
import { validatePod, validatePodUpdate } from './podupdate.js';
import { validateBinding, validateRbacUpdate, validateRole } from './rbac.js';
import { validateService, validateServiceUpdate } from './service.js';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from './storage.js';
import type { FieldError, KubeObject } from '../types.js';

export { cronScheduleError } from './cron.js';
export { GO_SYNTAX, goValue, type GoValue } from './field.js';
export { POD_UPDATE_FORBIDDEN } from './podupdate.js';

type Create = (obj: KubeObject) => FieldError[];
type Update = (obj: KubeObject, old: KubeObject) => FieldError[];

const CREATE: Record<string, Create> = {
  Pod: validatePod,
  Service: validateService,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  Namespace: validateNamespace,
  ServiceAccount: validateServiceAccount,
  Node: validateNode,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PersistentVolume: validatePersistentVolume,
  StorageClass: validateStorageClass,
  Deployment: validateWorkload,
  ReplicaSet: validateWorkload,
  StatefulSet: validateWorkload,
  DaemonSet: validateWorkload,
  Job: validateJob,
  CronJob: validateCronJob,
  Role: validateRole,
  ClusterRole: validateRole,
  RoleBinding: validateBinding,
  ClusterRoleBinding: validateBinding,
  HorizontalPodAutoscaler: validateHPA,
  Ingress: validateIngress,
};

const UPDATE: Record<string, Update> = {
  Pod: validatePodUpdate,
  Service: validateServiceUpdate,
  ConfigMap: validateDataUpdate,
  Secret: validateDataUpdate,
  PersistentVolumeClaim: validatePersistentVolumeClaimUpdate,
  PersistentVolume: validatePersistentVolumeUpdate,
  StorageClass: validateStorageClassUpdate,
  Deployment: validateWorkloadUpdate,
  ReplicaSet: validateWorkloadUpdate,
  StatefulSet: validateWorkloadUpdate,
  DaemonSet: validateWorkloadUpdate,
  Job: validateJobUpdate,
  CronJob: validateCronJobUpdate,
  Role: validateRbacUpdate,
  ClusterRole: validateRbacUpdate,
  RoleBinding: validateRbacUpdate,
  ClusterRoleBinding: validateRbacUpdate,
};

/** The errors the server would report creating this (already defaulted) object. */
export function validateCreate(obj: KubeObject): FieldError[] {
  const fn = CREATE[obj.kind];
  if (fn) return fn(obj);
  // Kinds without their own rules still get ObjectMeta validation.
  return validateObjectMeta(obj.metadata, typeForKind(obj.kind)?.namespaced ?? true, nameIsDNSSubdomain);
}

/** The errors the server would report replacing `old` with this (already defaulted) object. */
export function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const fn = UPDATE[obj.kind];
  if (fn) return fn(obj, old);
  const create = CREATE[obj.kind];
  const spec = create ? create(obj).filter((e) => !e.field.startsWith('metadata.')) : [];
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...spec];
}
