/**
 * The admission plugins a kubeadm v1.30 API server runs, in kube-apiserver's
 * AllOrderedPlugins order (pkg/kubeapiserver/options/plugins.go): mutating ones first,
 * then validating ones, ResourceQuota last.
 */
import type { AdmissionPlugin } from '../pipeline.js';
import { defaultStorageClassPlugin } from './default-storage-class.js';
import { defaultTolerationSeconds } from './default-toleration-seconds.js';
import { limitRanger } from './limit-ranger.js';
import { namespaceLifecycle } from './namespace-lifecycle.js';
import { priority } from './priority.js';
import { resourceQuota } from './resource-quota.js';
import { serviceAccount } from './service-account.js';
import { storageObjectInUseProtection } from './storage-object-in-use-protection.js';
import { taintNodesByCondition } from './taint-nodes-by-condition.js';

/** Mutating admission, in order. */
export const mutatingPlugins: readonly AdmissionPlugin[] = [
  namespaceLifecycle,
  limitRanger,
  serviceAccount,
  taintNodesByCondition,
  priority,
  defaultTolerationSeconds,
  defaultStorageClassPlugin,
  storageObjectInUseProtection,
];

/** Validating admission, in order. */
export const validatingPlugins: readonly AdmissionPlugin[] = [limitRanger, serviceAccount, resourceQuota];

export { admissionForbidden } from './forbidden.js';
export { IMMORTAL_NAMESPACES } from './namespace-lifecycle.js';
export { limitRangeItemDefaults, type LimitRangeItem } from './limit-ranger.js';
export { TOKEN_MOUNT_PATH, tokenVolumeSource } from './service-account.js';
export { SYSTEM_PRIORITY_CLASSES } from './priority.js';
export { DEFAULT_TOLERATION_SECONDS } from './default-toleration-seconds.js';
export { defaultStorageClass } from './default-storage-class.js';
export { computeQuotaUsage, objectCountName, podChargesQuota, resourceForQuotaName, usageOf } from './quota-usage.js';
export { podRequests, podLimits } from './resources.js';
export {
  namespaceLifecycle,
  limitRanger,
  serviceAccount,
  taintNodesByCondition,
  priority,
  defaultTolerationSeconds,
  defaultStorageClassPlugin,
  storageObjectInUseProtection,
  resourceQuota,
};
