/**
 * The rules of the default ClusterRoles of a v1.30 API server, transcribed from
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml (what
 * `kubectl get clusterrole view -o yaml` shows), plus the ClusterRoles kubeadm adds.
 * The system:controller:* roles are left out: the engine's controllers do not use RBAC.
 */
import type { PolicyRule } from './rules.js';

const R = ['get', 'list', 'watch'];
const W = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const EVENTS_WRITE = ['create', 'patch', 'update'];

/** A resource rule: groups, resources, verbs and optional resourceNames, in the YAML's field order. */
function r(apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): PolicyRule {
  return resourceNames ? { apiGroups, resourceNames, resources, verbs } : { apiGroups, resources, verbs };
}

/** A non-resource URL rule. */
function nr(nonResourceURLs: string[], verbs: string[]): PolicyRule {
  return { nonResourceURLs, verbs };
}

/** One default ClusterRole: its name, aggregation labels it carries, and its rules. */
export interface BootstrapRole {
  readonly name: string;
  readonly labels?: Record<string, string>;
  /** For admin/edit/view: the aggregate-to label its aggregationRule selects. */
  readonly aggregates?: string;
  readonly rules: readonly PolicyRule[];
  /** kubeadm's own roles carry no rbac-defaults label or autoupdate annotation. */
  readonly kubeadm?: boolean;
}

const TO_ADMIN = { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' };
const TO_EDIT = { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' };
const TO_VIEW = { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' };

export const BOOTSTRAP_ROLES: readonly BootstrapRole[] = [
  { name: 'admin', aggregates: 'rbac.authorization.k8s.io/aggregate-to-admin', rules: [] },
  { name: 'cluster-admin', rules: [r(['*'], ['*'], ['*']), nr(['*'], ['*'])] },
  { name: 'edit', labels: TO_ADMIN, aggregates: 'rbac.authorization.k8s.io/aggregate-to-edit', rules: [] },
  {
    name: 'system:aggregate-to-admin',
    labels: TO_ADMIN,
    rules: [r(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']), r(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], RW)],
  },
  {
    name: 'system:aggregate-to-edit',
    labels: TO_EDIT,
    rules: [
      r([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], R),
      r([''], ['serviceaccounts'], ['impersonate']),
      r([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], W),
      r([''], ['pods/eviction'], ['create']),
      r([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], W),
      r([''], ['serviceaccounts/token'], ['create']),
      r(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], W),
      r(['autoscaling'], ['horizontalpodautoscalers'], W),
      r(['batch'], ['cronjobs', 'jobs'], W),
      r(['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], W),
      r(['policy'], ['poddisruptionbudgets'], W),
      r(['networking.k8s.io'], ['ingresses', 'networkpolicies'], W),
      r(['coordination.k8s.io'], ['leases'], RW),
    ],
  },
  {
    name: 'system:aggregate-to-view',
    labels: TO_VIEW,
    rules: [
      r([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], R),
      r([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], R),
      r([''], ['namespaces'], R),
      r(['discovery.k8s.io'], ['endpointslices'], R),
      r(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], R),
      r(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], R),
      r(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], R),
      r(['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], R),
      r(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], R),
      r(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], R),
    ],
  },
  { name: 'system:auth-delegator', rules: [r(['authentication.k8s.io'], ['tokenreviews'], ['create']), r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create'])] },
  {
    name: 'system:basic-user',
    rules: [r(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']), r(['authentication.k8s.io'], ['selfsubjectreviews'], ['create'])],
  },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: [r(['certificates.k8s.io'], ['certificatesigningrequests/nodeclient'], ['create'])] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: [r(['certificates.k8s.io'], ['certificatesigningrequests/selfnodeclient'], ['create'])] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-approver', rules: [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kube-apiserver-client'])] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', rules: [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kube-apiserver-client-kubelet'])] },
  { name: 'system:certificates.k8s.io:kubelet-serving-approver', rules: [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/kubelet-serving'])] },
  { name: 'system:certificates.k8s.io:legacy-unknown-approver', rules: [r(['certificates.k8s.io'], ['signers'], ['approve'], ['kubernetes.io/legacy-unknown'])] },
  {
    name: 'system:discovery',
    rules: [nr(['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], ['get'])],
  },
  { name: 'system:heapster', rules: [r([''], ['events', 'namespaces', 'nodes', 'pods'], R), r(['extensions'], ['deployments'], R)] },
  { name: 'system:kube-aggregator', rules: [r([''], ['endpoints', 'services'], R)] },
  {
    name: 'system:kube-controller-manager',
    rules: [
      r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
      r(['coordination.k8s.io'], ['leases'], ['create']),
      r(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-controller-manager']),
      r([''], ['secrets', 'serviceaccounts'], ['create']),
      r([''], ['secrets'], ['delete']),
      r([''], ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], ['get']),
      r([''], ['secrets', 'serviceaccounts'], ['update']),
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      r(['*'], ['*'], ['list', 'watch']),
      r([''], ['serviceaccounts/token'], ['create']),
    ],
  },
  { name: 'system:kube-dns', rules: [r([''], ['endpoints', 'services'], ['list', 'watch'])] },
  {
    name: 'system:kube-scheduler',
    rules: [
      r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
      r(['coordination.k8s.io'], ['leases'], ['create']),
      r(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-scheduler']),
      r([''], ['nodes'], R),
      r([''], ['pods'], ['delete', 'get', 'list', 'watch']),
      r([''], ['bindings', 'pods/binding'], ['create']),
      r([''], ['pods/status'], ['patch', 'update']),
      r([''], ['replicationcontrollers', 'services'], R),
      r(['apps', 'extensions'], ['replicasets'], R),
      r(['apps'], ['statefulsets'], R),
      r(['policy'], ['poddisruptionbudgets'], R),
      r([''], ['persistentvolumeclaims', 'persistentvolumes'], R),
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      r(['storage.k8s.io'], ['csinodes'], R),
      r([''], ['namespaces'], R),
      r(['storage.k8s.io'], ['csidrivers'], R),
      r(['storage.k8s.io'], ['csistoragecapacities'], R),
    ],
  },
  { name: 'system:kubelet-api-admin', rules: [r([''], ['nodes'], R), r([''], ['nodes'], ['proxy']), r([''], ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats'], ['*'])] },
  { name: 'system:monitoring', rules: [nr(['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'], ['get'])] },
  {
    name: 'system:node',
    rules: [
      r(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      r(['authorization.k8s.io'], ['localsubjectaccessreviews', 'subjectaccessreviews'], ['create']),
      r([''], ['services'], R),
      r([''], ['nodes'], ['create', 'get', 'list', 'watch']),
      r([''], ['nodes/status'], ['patch', 'update']),
      r([''], ['nodes'], ['patch', 'update']),
      r([''], ['events'], EVENTS_WRITE),
      r([''], ['pods'], R),
      r([''], ['pods'], ['create', 'delete']),
      r([''], ['pods/status'], ['patch', 'update']),
      r([''], ['pods/eviction'], ['create']),
      r([''], ['configmaps', 'secrets'], R),
      r([''], ['persistentvolumeclaims', 'persistentvolumes'], ['get']),
      r([''], ['endpoints'], ['get']),
      r(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch']),
      r(['coordination.k8s.io'], ['leases'], ['create', 'delete', 'get', 'patch', 'update']),
      r(['storage.k8s.io'], ['volumeattachments'], ['get']),
      r([''], ['serviceaccounts/token'], ['create']),
      r([''], ['persistentvolumeclaims/status'], ['get', 'patch', 'update']),
      r(['storage.k8s.io'], ['csidrivers'], R),
      r(['storage.k8s.io'], ['csinodes'], ['create', 'delete', 'get', 'patch', 'update']),
      r(['node.k8s.io'], ['runtimeclasses'], R),
    ],
  },
  { name: 'system:node-bootstrapper', rules: [r(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch'])] },
  { name: 'system:node-problem-detector', rules: [r([''], ['nodes'], ['get']), r([''], ['nodes/status'], ['patch']), r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE)] },
  {
    name: 'system:node-proxier',
    rules: [r([''], ['endpoints', 'services'], ['list', 'watch']), r([''], ['nodes'], R), r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE), r(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch'])],
  },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      r([''], ['persistentvolumes'], ['create', 'delete', 'get', 'list', 'watch']),
      r([''], ['persistentvolumeclaims'], ['get', 'list', 'update', 'watch']),
      r(['storage.k8s.io'], ['storageclasses'], R),
      r([''], ['events'], ['watch']),
      r(['', 'events.k8s.io'], ['events'], EVENTS_WRITE),
    ],
  },
  { name: 'system:public-info-viewer', rules: [nr(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get'])] },
  { name: 'system:service-account-issuer-discovery', rules: [nr(['/.well-known/openid-configuration', '/openid/v1/jwks'], ['get'])] },
  {
    name: 'system:volume-scheduler',
    rules: [r([''], ['persistentvolumes'], ['get', 'list', 'patch', 'update', 'watch']), r(['storage.k8s.io'], ['storageclasses'], R), r([''], ['persistentvolumeclaims'], ['get', 'list', 'patch', 'update', 'watch'])],
  },
  { name: 'view', labels: TO_EDIT, aggregates: 'rbac.authorization.k8s.io/aggregate-to-view', rules: [] },
  // Added by kubeadm init (phases bootstrap-token and addon/coredns).
  { name: 'kubeadm:get-nodes', kubeadm: true, rules: [r([''], ['nodes'], ['get'])] },
  {
    name: 'system:coredns',
    kubeadm: true,
    rules: [r([''], ['endpoints', 'services', 'pods', 'namespaces'], ['list', 'watch']), r(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch'])],
  },
];
