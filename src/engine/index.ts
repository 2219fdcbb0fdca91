/**
 * The engine's public surface: what kubectl, the lessons and the UI may use. Everything
 * else under src/engine is the engine's own business and may change without notice.
 */
export { createCluster, userFor, CLUSTER_AGE_MS, type Cluster, type ClusterOptions, type ClusterSnapshot } from './cluster.js';
export { DEFAULT_CLUSTER, KUBERNETES_VERSION, type ClusterSpec, type NodeSpec, type TaintSpec } from './spec.js';
export { ApiClient, type ExecOptions, type ExecResult, type ListOptions, type LogOptions, type PatchType, type DeleteOptions, type WriteOptions, type WriteResult } from './api/client.js';
export { ADMIN_USER, fail, ok, type FieldError, type KubeObject, type ObjectList, type ObjectMeta, type OwnerReference, type Result, type StatusError, type UserInfo, type WatchEvent } from './api/types.js';
export { setKubeletRunning, isKubeletRunning, podMetrics, nodeMetrics, type PodUsage, type Usage } from './node/index.js';
export { clusterNetwork } from './network/attach.js';
export { EXTERNAL_CLIENT_IP, type ClusterNetwork, type From, type PodRef, type RequestOutcome, type ResolveOutcome, type ConnectOutcome } from './network/index.js';
export { evictPod, type EvictOptions } from './controllers/disruption/index.js';
export { createImageCatalog, builtinCatalog, type CatalogExtension, type ImageCatalog } from './images/catalog.js';
