/**
 * The RBAC objects a fresh kubeadm v1.30 cluster has: the API server's default
 * ClusterRoles and ClusterRoleBindings (labelled `kubernetes.io/bootstrapping:
 * rbac-defaults`, annotated for auto-update) and the bindings kubeadm init adds.
 */
import type { KubeObject } from '../types.js';
import type { StoreReader } from '../store.js';
import { BOOTSTRAP_ROLES, type BootstrapRole } from './bootstrap-roles.js';
import { effectiveClusterRoleRules, type Subject } from './resolver.js';

const RBAC_V1 = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';
const DEFAULTS_LABEL = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

const group = (name: string): Subject => ({ apiGroup: RBAC_GROUP, kind: 'Group', name });
const user = (name: string): Subject => ({ apiGroup: RBAC_GROUP, kind: 'User', name });
const sa = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace });

interface BindingSpec {
  readonly name: string;
  readonly role: string;
  readonly subjects: readonly Subject[];
  readonly kubeadm?: boolean;
}

// bootstrappolicy/testdata/cluster-role-bindings.yaml, then kubeadm's own bindings.
const BINDINGS: readonly BindingSpec[] = [
  { name: 'cluster-admin', role: 'cluster-admin', subjects: [group('system:masters')] },
  { name: 'system:basic-user', role: 'system:basic-user', subjects: [group('system:authenticated')] },
  { name: 'system:discovery', role: 'system:discovery', subjects: [group('system:authenticated')] },
  { name: 'system:kube-controller-manager', role: 'system:kube-controller-manager', subjects: [user('system:kube-controller-manager')] },
  { name: 'system:kube-dns', role: 'system:kube-dns', subjects: [sa('kube-system', 'kube-dns')] },
  { name: 'system:kube-scheduler', role: 'system:kube-scheduler', subjects: [user('system:kube-scheduler')] },
  { name: 'system:monitoring', role: 'system:monitoring', subjects: [group('system:monitoring')] },
  // The Node authorizer, not RBAC, grants kubelets their rights: this binding has no subjects.
  { name: 'system:node', role: 'system:node', subjects: [] },
  { name: 'system:node-proxier', role: 'system:node-proxier', subjects: [user('system:kube-proxy')] },
  { name: 'system:public-info-viewer', role: 'system:public-info-viewer', subjects: [group('system:authenticated'), group('system:unauthenticated')] },
  { name: 'system:service-account-issuer-discovery', role: 'system:service-account-issuer-discovery', subjects: [group('system:serviceaccounts')] },
  { name: 'system:volume-scheduler', role: 'system:volume-scheduler', subjects: [user('system:kube-scheduler')] },
  // kubeadm v1.29+: admin.conf's user is in kubeadm:cluster-admins, not system:masters.
  { name: 'kubeadm:cluster-admins', role: 'cluster-admin', subjects: [group('kubeadm:cluster-admins')], kubeadm: true },
  { name: 'kubeadm:get-nodes', role: 'kubeadm:get-nodes', subjects: [group('system:bootstrappers:kubeadm:default-node-token')], kubeadm: true },
  { name: 'kubeadm:kubelet-bootstrap', role: 'system:node-bootstrapper', subjects: [group('system:bootstrappers:kubeadm:default-node-token')], kubeadm: true },
  {
    name: 'kubeadm:node-autoapprove-bootstrap',
    role: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
    subjects: [group('system:bootstrappers:kubeadm:default-node-token')],
    kubeadm: true,
  },
  {
    name: 'kubeadm:node-autoapprove-certificate-rotation',
    role: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient',
    subjects: [group('system:nodes')],
    kubeadm: true,
  },
  { name: 'kubeadm:node-proxier', role: 'system:node-proxier', subjects: [sa('kube-system', 'kube-proxy')], kubeadm: true },
  { name: 'system:coredns', role: 'system:coredns', subjects: [sa('kube-system', 'coredns')], kubeadm: true },
];

function clusterRole(spec: BootstrapRole): KubeObject {
  const labels = spec.kubeadm ? spec.labels : { ...DEFAULTS_LABEL, ...spec.labels };
  const obj: KubeObject = {
    apiVersion: RBAC_V1,
    kind: 'ClusterRole',
    metadata: { name: spec.name, ...(spec.kubeadm ? {} : { annotations: { ...AUTOUPDATE } }), ...(labels ? { labels } : {}) },
    rules: structuredClone(spec.rules),
  };
  if (spec.aggregates) obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [spec.aggregates]: 'true' } }] };
  return obj;
}

function clusterRoleBinding(spec: BindingSpec): KubeObject {
  return {
    apiVersion: RBAC_V1,
    kind: 'ClusterRoleBinding',
    metadata: spec.kubeadm ? { name: spec.name } : { name: spec.name, annotations: { ...AUTOUPDATE }, labels: { ...DEFAULTS_LABEL } },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: spec.role },
    ...(spec.subjects.length ? { subjects: structuredClone(spec.subjects) } : {}),
  };
}

/**
 * The default ClusterRoles and ClusterRoleBindings, fresh copies on each call. admin,
 * edit and view come with their aggregated rules already filled in, as the aggregation
 * controller leaves them moments after start-up.
 */
export function bootstrapPolicy(): KubeObject[] {
  const roles = BOOTSTRAP_ROLES.map(clusterRole);
  const reader: StoreReader = {
    get: (resource, _ns, name) => (resource === 'clusterroles' ? roles.find((r) => r.metadata.name === name) : undefined),
    list: (resource) => (resource === 'clusterroles' ? roles : []),
  };
  const flattened = roles.map((r) => (r.aggregationRule ? { ...r, rules: effectiveClusterRoleRules(r, reader).map((x) => structuredClone(x)) } : r));
  return [...flattened, ...BINDINGS.map(clusterRoleBinding)];
}
