/**
 * Discovery: the one table of resource types the API serves. The API server, kubectl
 * (short names, `api-resources`, RBAC group lookups) and a future REST front all read it.
 */

export type Verb =
  | 'create'
  | 'delete'
  | 'deletecollection'
  | 'get'
  | 'list'
  | 'patch'
  | 'update'
  | 'watch';

const ALL_VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** One served resource type, as `kubectl api-resources` shows it. */
export interface ResourceType {
  /** Plural, lowercase: `deployments`. The engine keys everything by this. */
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  /** API group, `''` for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly verbs: readonly Verb[];
  /** Subresources served, e.g. `status`, `scale`, `log`. */
  readonly subresources: readonly string[];
  /** Whether metadata.generation tracks spec changes for this kind. */
  readonly hasGeneration: boolean;
  /** Whether spec and status are written through separate endpoints. */
  readonly hasStatus: boolean;
  /** Categories (`all`), used by `kubectl get all`. */
  readonly categories: readonly string[];
}

type Row = [
  resource: string,
  singular: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[],
  subresources: string[],
  flags: { gen?: boolean; noStatus?: boolean; all?: boolean; verbs?: Verb[] },
];

// Order follows `kubectl api-resources` on a kubeadm v1.30 cluster (core first, then by group).
const ROWS: Row[] = [
  ['bindings', 'binding', 'Binding', '', 'v1', true, [], [], { noStatus: true, verbs: ['create'] }],
  ['componentstatuses', 'componentstatus', 'ComponentStatus', '', 'v1', false, ['cs'], [], { noStatus: true, verbs: ['get', 'list'] }],
  ['configmaps', 'configmap', 'ConfigMap', '', 'v1', true, ['cm'], [], { noStatus: true }],
  ['endpoints', 'endpoints', 'Endpoints', '', 'v1', true, ['ep'], [], { noStatus: true }],
  ['events', 'event', 'Event', '', 'v1', true, ['ev'], [], { noStatus: true }],
  ['limitranges', 'limitrange', 'LimitRange', '', 'v1', true, ['limits'], [], { noStatus: true }],
  ['namespaces', 'namespace', 'Namespace', '', 'v1', false, ['ns'], ['status', 'finalize'], {}],
  ['nodes', 'node', 'Node', '', 'v1', false, ['no'], ['status', 'proxy'], {}],
  ['persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', '', 'v1', true, ['pvc'], ['status'], {}],
  ['persistentvolumes', 'persistentvolume', 'PersistentVolume', '', 'v1', false, ['pv'], ['status'], {}],
  ['pods', 'pod', 'Pod', '', 'v1', true, ['po'], ['status', 'log', 'exec', 'binding', 'eviction', 'ephemeralcontainers', 'portforward', 'attach'], { all: true }],
  ['replicationcontrollers', 'replicationcontroller', 'ReplicationController', '', 'v1', true, ['rc'], ['status', 'scale'], { gen: true, all: true }],
  ['resourcequotas', 'resourcequota', 'ResourceQuota', '', 'v1', true, ['quota'], ['status'], {}],
  ['secrets', 'secret', 'Secret', '', 'v1', true, [], [], { noStatus: true }],
  ['serviceaccounts', 'serviceaccount', 'ServiceAccount', '', 'v1', true, ['sa'], ['token'], { noStatus: true }],
  ['services', 'service', 'Service', '', 'v1', true, ['svc'], ['status', 'proxy'], { all: true }],
  ['controllerrevisions', 'controllerrevision', 'ControllerRevision', 'apps', 'v1', true, [], [], { noStatus: true }],
  ['daemonsets', 'daemonset', 'DaemonSet', 'apps', 'v1', true, ['ds'], ['status'], { gen: true, all: true }],
  ['deployments', 'deployment', 'Deployment', 'apps', 'v1', true, ['deploy'], ['status', 'scale'], { gen: true, all: true }],
  ['replicasets', 'replicaset', 'ReplicaSet', 'apps', 'v1', true, ['rs'], ['status', 'scale'], { gen: true, all: true }],
  ['statefulsets', 'statefulset', 'StatefulSet', 'apps', 'v1', true, ['sts'], ['status', 'scale'], { gen: true, all: true }],
  ['selfsubjectreviews', 'selfsubjectreview', 'SelfSubjectReview', 'authentication.k8s.io', 'v1', false, [], [], { noStatus: true, verbs: ['create'] }],
  ['tokenreviews', 'tokenreview', 'TokenReview', 'authentication.k8s.io', 'v1', false, [], [], { noStatus: true, verbs: ['create'] }],
  ['localsubjectaccessreviews', 'localsubjectaccessreview', 'LocalSubjectAccessReview', 'authorization.k8s.io', 'v1', true, [], [], { noStatus: true, verbs: ['create'] }],
  ['selfsubjectaccessreviews', 'selfsubjectaccessreview', 'SelfSubjectAccessReview', 'authorization.k8s.io', 'v1', false, [], [], { noStatus: true, verbs: ['create'] }],
  ['selfsubjectrulesreviews', 'selfsubjectrulesreview', 'SelfSubjectRulesReview', 'authorization.k8s.io', 'v1', false, [], [], { noStatus: true, verbs: ['create'] }],
  ['subjectaccessreviews', 'subjectaccessreview', 'SubjectAccessReview', 'authorization.k8s.io', 'v1', false, [], [], { noStatus: true, verbs: ['create'] }],
  ['horizontalpodautoscalers', 'horizontalpodautoscaler', 'HorizontalPodAutoscaler', 'autoscaling', 'v2', true, ['hpa'], ['status'], { gen: true, all: true }],
  ['cronjobs', 'cronjob', 'CronJob', 'batch', 'v1', true, ['cj'], ['status'], { gen: true, all: true }],
  ['jobs', 'job', 'Job', 'batch', 'v1', true, [], ['status'], { gen: true, all: true }],
  ['leases', 'lease', 'Lease', 'coordination.k8s.io', 'v1', true, [], [], { noStatus: true }],
  ['endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io', 'v1', true, [], [], { noStatus: true }],
  ['ingressclasses', 'ingressclass', 'IngressClass', 'networking.k8s.io', 'v1', false, [], [], { noStatus: true, gen: true }],
  ['ingresses', 'ingress', 'Ingress', 'networking.k8s.io', 'v1', true, ['ing'], ['status'], { gen: true }],
  ['networkpolicies', 'networkpolicy', 'NetworkPolicy', 'networking.k8s.io', 'v1', true, ['netpol'], [], { noStatus: true, gen: true }],
  ['poddisruptionbudgets', 'poddisruptionbudget', 'PodDisruptionBudget', 'policy', 'v1', true, ['pdb'], ['status'], { gen: true }],
  ['clusterrolebindings', 'clusterrolebinding', 'ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', false, [], [], { noStatus: true }],
  ['clusterroles', 'clusterrole', 'ClusterRole', 'rbac.authorization.k8s.io', 'v1', false, [], [], { noStatus: true }],
  ['rolebindings', 'rolebinding', 'RoleBinding', 'rbac.authorization.k8s.io', 'v1', true, [], [], { noStatus: true }],
  ['roles', 'role', 'Role', 'rbac.authorization.k8s.io', 'v1', true, [], [], { noStatus: true }],
  ['storageclasses', 'storageclass', 'StorageClass', 'storage.k8s.io', 'v1', false, ['sc'], [], { noStatus: true }],
];

/** Every served resource type, in `kubectl api-resources` order. */
export const RESOURCE_TYPES: readonly ResourceType[] = ROWS.map(
  ([resource, singular, kind, group, version, namespaced, shortNames, subresources, f]) => ({
    resource,
    singular,
    kind,
    group,
    version,
    namespaced,
    shortNames,
    subresources,
    verbs: f.verbs ?? ALL_VERBS,
    hasGeneration: f.gen ?? false,
    hasStatus: !f.noStatus,
    categories: f.all ? ['all'] : [],
  }),
);

const byResource = new Map(RESOURCE_TYPES.map((t) => [t.resource, t]));
const byKind = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));

/** The type served under a plural resource name (`deployments`), if any. */
export function resourceType(resource: string): ResourceType | undefined {
  return byResource.get(resource);
}

/** The type of a kind (`Deployment`), if served. */
export function typeForKind(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `deployments.apps`, or `pods` for the core group: how errors and RBAC name a resource. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** Whether an object's apiVersion is one the server serves its kind under. */
export function servesApiVersion(t: ResourceType, apiVersion: string): boolean {
  return apiVersion === apiVersionOf(t) || (t.kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v1');
}
