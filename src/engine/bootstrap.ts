/**
 * What `kubeadm init` and `kubeadm join` leave behind: namespaces, nodes, the control-plane
 * static pods, CoreDNS, kube-proxy, the `kubernetes` and `kube-dns` Services, and a
 * default StorageClass. Written through the API like any client would.
 */
import type { ApiClient } from './api/client.js';
import type { KubeObject } from './api/types.js';
import type { ClusterInternals } from './cluster.js';
import { healthyNodeConditions, nodeInternalIP, nodeObject, registeringNodeConditions } from './nodes.js';
import { KUBERNETES_VERSION, type ClusterSpec } from './spec.js';
import { clone } from './api/store.js';
import { extraBootstrapObjects } from './bootstrap-extras.js';
import { bootstrapPolicy } from './api/rbac/index.js';
import { replayBootstrap } from './boot-replay.js';

/** A stable 32-hex hash standing in for the kubelet's hash of a static pod manifest. */
function mirrorHash(text: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * Creates the objects every new cluster has. Fails loudly: a broken bootstrap is a bug.
 * The first bootstrap of a spec runs through the API; later ones replay it (boot-replay.ts).
 */
export function bootstrapCluster(admin: ApiClient, internals: ClusterInternals, spec: ClusterSpec): void {
  replayBootstrap(JSON.stringify(spec), internals, () => createSystemObjects(admin, internals, spec));
}

function createSystemObjects(admin: ApiClient, internals: ClusterInternals, spec: ClusterSpec): void {
  const must = (resource: string, ns: string | undefined, obj: KubeObject): KubeObject => {
    const r = admin.create(resource, ns, obj);
    if (!r.ok) throw new Error(`bootstrap: cannot create ${resource} ${obj.metadata.name}: ${r.error.message}`);
    return r.value.object;
  };
  for (const ns of SYSTEM_NAMESPACES) must('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  // The serviceaccount controller would create these within a second of each namespace.
  for (const ns of SYSTEM_NAMESPACES) must('serviceaccounts', ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  for (const sa of ['coredns', 'kube-proxy']) must('serviceaccounts', 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: 'kube-system' } });
  for (const obj of bootstrapPolicy()) must(obj.kind === 'ClusterRole' ? 'clusterroles' : 'clusterrolebindings', undefined, obj);
  for (const obj of extraBootstrapObjects()) must(obj.resource, obj.object.metadata.namespace, obj.object);

  const now = internals.clock.nowRfc3339();
  spec.nodes.forEach((n, i) => {
    // The kubelet registers its node NotReady, then posts Ready; the node lifecycle
    // controller lifts the not-ready taint admission put on the new node.
    const registering = nodeObject(n, i, internals.random, spec.version ?? KUBERNETES_VERSION);
    registering.status.conditions = registeringNodeConditions(now);
    const node = must('nodes', undefined, registering);
    const ready = clone(node);
    ready.status.conditions = healthyNodeConditions(now, now);
    admin.updateStatus('nodes', undefined, ready);
    must('leases', 'kube-node-lease', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: n.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: n.name, uid: node.metadata.uid! }] },
      spec: { holderIdentity: n.name, leaseDurationSeconds: 40, renewTime: internals.clock.nowMicro() },
    });
  });

  const controlPlane = spec.nodes.find((n) => n.role === 'control-plane');
  const apiserverIP = nodeInternalIP(Math.max(0, spec.nodes.findIndex((n) => n.role === 'control-plane')));
  must('services', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP', sessionAffinity: 'None' },
  });
  must('endpoints', 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  must('services', 'kube-system', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      type: 'ClusterIP',
    },
  });
  must('deployments', 'kube-system', coreDNSDeployment());
  must('daemonsets', 'kube-system', kubeProxyDaemonSet());
  if (controlPlane) {
    // The kubelet makes a mirror pod for each static pod, owned by its Node.
    const node = admin.get('nodes', undefined, controlPlane.name);
    const owner = node.ok ? [{ apiVersion: 'v1', kind: 'Node', name: controlPlane.name, uid: node.value.metadata.uid!, controller: true }] : undefined;
    for (const pod of staticPods(controlPlane.name, apiserverIP)) must('pods', 'kube-system', owner ? { ...pod, metadata: { ...pod.metadata, ownerReferences: owner } } : pod);
  }
  must('storageclasses', undefined, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
}

function coreDNSDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.1',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
            },
          ],
          dnsPolicy: 'Default',
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  };
}

function kubeProxyDaemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          containers: [
            {
              name: 'kube-proxy',
              image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
              securityContext: { privileged: true },
            },
          ],
        },
      },
    },
  };
}

/** The control-plane static pods (mirror pods) kubeadm runs on the control-plane node. */
function staticPods(node: string, ip: string): KubeObject[] {
  const pod = (component: string, image: string, command: string[], cpu: string, tier = 'control-plane'): KubeObject => {
    const hash = mirrorHash(component);
    return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node}`,
      namespace: 'kube-system',
      labels: { component, tier },
      annotations: {
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': '2024-06-28T10:00:00.000000000Z',
        'kubernetes.io/config.source': 'file',
      },
    },
    spec: {
      nodeName: node,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      containers: [{ name: component, image, command, resources: { requests: { cpu } } }],
    },
  };
  };
  return [
    pod('etcd', 'registry.k8s.io/etcd:3.5.12-0', ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd'], '100m'),
    pod('kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, ['kube-apiserver', `--advertise-address=${ip}`, '--authorization-mode=Node,RBAC', '--service-cluster-ip-range=10.96.0.0/12'], '250m'),
    pod('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16', '--allocate-node-cidrs=true'], '200m'),
    pod('kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, ['kube-scheduler', '--leader-elect=true'], '100m'),
  ];
}
