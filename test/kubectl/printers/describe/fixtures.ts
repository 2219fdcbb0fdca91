/**
 * Realistic objects as a kubeadm v1.30 cluster stores them, and a DescribeContext over a
 * fixed list of objects.
 */
import type { KubeObject } from '../../../../src/engine/api/types.js';
import type { DescribeContext } from '../../../../src/kubectl/printers/describe/index.js';

const RESOURCE_OF_KIND: Record<string, string> = {
  Pod: 'pods',
  ReplicaSet: 'replicasets',
  Deployment: 'deployments',
  Event: 'events',
  Endpoints: 'endpoints',
  Service: 'services',
  Node: 'nodes',
  Lease: 'leases',
  Secret: 'secrets',
};

/** A context that serves `objects` at virtual time `now`. */
export function contextOf(now: string, objects: readonly KubeObject[]): DescribeContext {
  const of = (resource: string): KubeObject[] => objects.filter((o) => RESOURCE_OF_KIND[o.kind] === resource);
  return {
    now: Date.parse(now),
    get: (resource, namespace, name) => of(resource).find((o) => o.metadata.name === name && (o.metadata.namespace ?? undefined) === namespace),
    list: (resource, namespace) => of(resource).filter((o) => namespace === undefined || o.metadata.namespace === namespace),
  };
}

/** An event as the kubelet or a controller records it. */
export function event(fields: {
  name: string;
  involved: { kind: string; name: string; namespace?: string; uid?: string };
  type?: string;
  reason: string;
  message: string;
  component: string;
  first: string;
  last?: string;
  count?: number;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    // Events about cluster-scoped objects (namespace '') are stored in `default`.
    metadata: { name: fields.name, namespace: fields.involved.namespace || 'default' },
    involvedObject: { apiVersion: 'v1', ...fields.involved, namespace: fields.involved.namespace ?? 'default' },
    type: fields.type ?? 'Normal',
    reason: fields.reason,
    message: fields.message,
    source: { component: fields.component },
    firstTimestamp: fields.first,
    lastTimestamp: fields.last ?? fields.first,
    count: fields.count ?? 1,
  };
}

export const POD_UID = '5f2d3c1a-9b7e-4c8d-a1f2-3e4d5c6b7a81';
export const CONTAINER_ID = 'containerd://' + 'a1b2c3d4'.repeat(8);
export const IMAGE_ID = 'docker.io/library/nginx@sha256:' + '0f1e2d3c'.repeat(8);

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const API_ACCESS_VOLUME = {
  name: 'kube-api-access-7xk2p',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};

/** The running web pod of reference §2. */
export function runningPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-7d4b9c8f6d-x2x9k',
      namespace: 'default',
      uid: POD_UID,
      creationTimestamp: '2024-07-01T10:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f6d', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          volumeMounts: [{ name: 'kube-api-access-7xk2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      nodeName: 'node01',
      priority: 0,
      serviceAccountName: 'default',
      tolerations: DEFAULT_TOLERATIONS,
      volumes: [API_ACCESS_VOLUME],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
        { type: 'ContainersReady', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
      hostIP: '172.18.0.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: '2024-07-01T10:00:00Z',
      containerStatuses: [
        {
          name: 'web',
          state: { running: { startedAt: '2024-07-01T10:00:05Z' } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'docker.io/library/nginx:1.27',
          imageID: IMAGE_ID,
          containerID: CONTAINER_ID,
          started: true,
        },
      ],
      qosClass: 'BestEffort',
    },
  };
}

/** The Deployment of reference §2 with its one ReplicaSet. */
export function webDeployment(): KubeObject[] {
  const template = {
    metadata: { labels: { app: 'web' } },
    spec: {
      containers: [{ name: 'nginx', image: 'nginx:1.27', resources: {}, imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always',
    },
  };
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'deploy-uid',
      creationTimestamp: '2024-07-01T10:00:00Z',
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '1', 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}\n' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-7d4b9c8f6d" has successfully progressed.' },
      ],
    },
  };
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-7d4b9c8f6d',
      namespace: 'default',
      uid: 'rs-uid',
      creationTimestamp: '2024-07-01T10:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'deploy-uid', controller: true }],
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' } },
      template: { ...structuredClone(template), metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' } } },
    },
    status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
  };
  return [deployment, rs];
}
