/**
 * Go struct field order for the objects kubectl's generators build. A typed object
 * marshals its struct fields in declaration order (k8s.io/api types.go) and its maps with
 * sorted keys, which `-o json` and the `--save-config` annotation show; YAML sorts all.
 */

/** A field: its name and what it holds (a struct type, `[T]` a list of T, `map` a map). */
type Field = readonly [name: string, holds?: string];

const STRUCTS: Record<string, readonly Field[]> = {
  ObjectMeta: [
    ['name'], ['generateName'], ['namespace'], ['selfLink'], ['uid'], ['resourceVersion'], ['generation'], ['creationTimestamp'], ['deletionTimestamp'],
    ['deletionGracePeriodSeconds'], ['labels', 'map'], ['annotations', 'map'], ['ownerReferences', '[OwnerReference]'], ['finalizers'], ['managedFields'],
  ],
  OwnerReference: [['apiVersion'], ['kind'], ['name'], ['uid'], ['controller'], ['blockOwnerDeletion']],
  LabelSelector: [['matchLabels', 'map'], ['matchExpressions', '[LabelSelectorRequirement]']],
  LabelSelectorRequirement: [['key'], ['operator'], ['values']],
  Deployment: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'DeploymentSpec'], ['status']],
  DeploymentSpec: [
    ['replicas'], ['selector', 'LabelSelector'], ['template', 'PodTemplateSpec'], ['strategy', 'DeploymentStrategy'], ['minReadySeconds'], ['revisionHistoryLimit'], ['paused'], ['progressDeadlineSeconds'],
  ],
  DeploymentStrategy: [['type'], ['rollingUpdate', 'RollingUpdate']],
  RollingUpdate: [['maxUnavailable'], ['maxSurge']],
  PodTemplateSpec: [['metadata', 'ObjectMeta'], ['spec', 'PodSpec']],
  Pod: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'PodSpec'], ['status']],
  PodSpec: [
    ['volumes'], ['initContainers', '[Container]'], ['containers', '[Container]'], ['ephemeralContainers'], ['restartPolicy'], ['terminationGracePeriodSeconds'], ['activeDeadlineSeconds'],
    ['dnsPolicy'], ['nodeSelector', 'map'], ['serviceAccountName'], ['serviceAccount'], ['automountServiceAccountToken'], ['nodeName'], ['hostNetwork'], ['hostPID'], ['hostIPC'],
    ['shareProcessNamespace'], ['securityContext'], ['imagePullSecrets'], ['hostname'], ['subdomain'], ['affinity'], ['schedulerName'], ['tolerations'], ['hostAliases'],
    ['priorityClassName'], ['priority'], ['dnsConfig'], ['readinessGates'], ['runtimeClassName'], ['enableServiceLinks'], ['preemptionPolicy'], ['overhead'],
    ['topologySpreadConstraints'], ['setHostnameAsFQDN'], ['os'], ['hostUsers'], ['schedulingGates'], ['resourceClaims'],
  ],
  Container: [
    ['name'], ['image'], ['command'], ['args'], ['workingDir'], ['ports', '[ContainerPort]'], ['envFrom'], ['env', '[EnvVar]'], ['resources', 'ResourceRequirements'], ['resizePolicy'],
    ['restartPolicy'], ['volumeMounts'], ['volumeDevices'], ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle'], ['terminationMessagePath'],
    ['terminationMessagePolicy'], ['imagePullPolicy'], ['securityContext'], ['stdin'], ['stdinOnce'], ['tty'],
  ],
  ContainerPort: [['name'], ['hostPort'], ['containerPort'], ['protocol'], ['hostIP']],
  EnvVar: [['name'], ['value'], ['valueFrom']],
  ResourceRequirements: [['limits', 'map'], ['requests', 'map'], ['claims']],
  Service: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'ServiceSpec'], ['status', 'ServiceStatus']],
  ServiceSpec: [
    ['ports', '[ServicePort]'], ['selector', 'map'], ['clusterIP'], ['clusterIPs'], ['type'], ['externalIPs'], ['sessionAffinity'], ['loadBalancerIP'], ['loadBalancerSourceRanges'],
    ['externalName'], ['externalTrafficPolicy'], ['healthCheckNodePort'], ['publishNotReadyAddresses'], ['sessionAffinityConfig'], ['ipFamilies'], ['ipFamilyPolicy'],
    ['allocateLoadBalancerNodePorts'], ['loadBalancerClass'], ['internalTrafficPolicy'], ['trafficDistribution'],
  ],
  ServicePort: [['name'], ['protocol'], ['appProtocol'], ['port'], ['targetPort'], ['nodePort']],
  ServiceStatus: [['loadBalancer'], ['conditions']],
  ReplicaSet: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'ReplicaSetSpec'], ['status', 'ReplicaSetStatus']],
  ReplicaSetSpec: [['replicas'], ['minReadySeconds'], ['selector', 'LabelSelector'], ['template', 'PodTemplateSpec']],
  ReplicaSetStatus: [['replicas'], ['fullyLabeledReplicas'], ['readyReplicas'], ['availableReplicas'], ['observedGeneration'], ['conditions']],
  ControllerRevision: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['data'], ['revision']],
  ConfigMap: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['immutable'], ['data', 'map'], ['binaryData', 'map']],
  Secret: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['immutable'], ['data', 'map'], ['stringData', 'map'], ['type']],
  Namespace: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec'], ['status']],
  ServiceAccount: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['secrets'], ['imagePullSecrets'], ['automountServiceAccountToken']],
  Role: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['rules', '[PolicyRule]']],
  ClusterRole: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['rules', '[PolicyRule]'], ['aggregationRule', 'AggregationRule']],
  AggregationRule: [['clusterRoleSelectors', '[LabelSelector]']],
  PolicyRule: [['verbs'], ['apiGroups'], ['resources'], ['resourceNames'], ['nonResourceURLs']],
  RoleBinding: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['subjects', '[Subject]'], ['roleRef', 'RoleRef']],
  ClusterRoleBinding: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['subjects', '[Subject]'], ['roleRef', 'RoleRef']],
  Subject: [['kind'], ['apiGroup'], ['name'], ['namespace']],
  RoleRef: [['apiGroup'], ['kind'], ['name']],
  Job: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'JobSpec'], ['status']],
  JobSpec: [
    ['parallelism'], ['completions'], ['activeDeadlineSeconds'], ['podFailurePolicy'], ['successPolicy'], ['backoffLimit'], ['backoffLimitPerIndex'], ['maxFailedIndexes'],
    ['selector', 'LabelSelector'], ['manualSelector'], ['template', 'PodTemplateSpec'], ['ttlSecondsAfterFinished'], ['completionMode'], ['suspend'], ['podReplacementPolicy'], ['managedBy'],
  ],
  CronJob: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'CronJobSpec'], ['status']],
  CronJobSpec: [
    ['schedule'], ['timeZone'], ['startingDeadlineSeconds'], ['concurrencyPolicy'], ['suspend'], ['jobTemplate', 'JobTemplateSpec'], ['successfulJobsHistoryLimit'], ['failedJobsHistoryLimit'],
  ],
  JobTemplateSpec: [['metadata', 'ObjectMeta'], ['spec', 'JobSpec']],
  Ingress: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'IngressSpec'], ['status']],
  IngressSpec: [['ingressClassName'], ['defaultBackend', 'IngressBackend'], ['tls', '[IngressTLS]'], ['rules', '[IngressRule]']],
  IngressTLS: [['hosts'], ['secretName']],
  IngressRule: [['host'], ['http', 'HTTPIngressRuleValue']],
  HTTPIngressRuleValue: [['paths', '[HTTPIngressPath]']],
  HTTPIngressPath: [['path'], ['pathType'], ['backend', 'IngressBackend']],
  IngressBackend: [['service', 'IngressServiceBackend'], ['resource']],
  IngressServiceBackend: [['name'], ['port', 'ServiceBackendPort']],
  ServiceBackendPort: [['name'], ['number']],
  ResourceQuota: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'ResourceQuotaSpec'], ['status']],
  ResourceQuotaSpec: [['hard', 'map'], ['scopes'], ['scopeSelector']],
  PodDisruptionBudget: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'PodDisruptionBudgetSpec'], ['status', 'PodDisruptionBudgetStatus']],
  PodDisruptionBudgetSpec: [['minAvailable'], ['selector', 'LabelSelector'], ['maxUnavailable'], ['unhealthyPodEvictionPolicy']],
  PodDisruptionBudgetStatus: [['observedGeneration'], ['disruptedPods', 'map'], ['disruptionsAllowed'], ['currentHealthy'], ['desiredHealthy'], ['expectedPods'], ['conditions']],
  PriorityClass: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['value'], ['globalDefault'], ['description'], ['preemptionPolicy']],
  // autoscaling/v1: the version `kubectl autoscale` builds.
  HorizontalPodAutoscaler: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'HorizontalPodAutoscalerSpec'], ['status', 'HorizontalPodAutoscalerStatus']],
  HorizontalPodAutoscalerSpec: [['scaleTargetRef', 'CrossVersionObjectReference'], ['minReplicas'], ['maxReplicas'], ['targetCPUUtilizationPercentage']],
  CrossVersionObjectReference: [['kind'], ['name'], ['apiVersion']],
  HorizontalPodAutoscalerStatus: [['observedGeneration'], ['lastScaleTime'], ['currentReplicas'], ['desiredReplicas'], ['currentCPUUtilizationPercentage']],
  TokenRequest: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'TokenRequestSpec'], ['status']],
  TokenRequestSpec: [['audiences'], ['expirationSeconds'], ['boundObjectRef', 'BoundObjectReference']],
  BoundObjectReference: [['kind'], ['apiVersion'], ['name'], ['uid']],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A map or an unknown value: keys sorted all the way down, as encoding/json sorts map keys. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sorted(v[k])]),
  );
}

function ordered(v: unknown, holds: string | undefined): unknown {
  if (!holds || holds === 'map') return sorted(v);
  if (holds.startsWith('[')) return Array.isArray(v) ? v.map((x) => ordered(x, holds.slice(1, -1))) : v;
  const fields = STRUCTS[holds];
  if (!fields || !isObject(v)) return sorted(v);
  const out: Record<string, unknown> = {};
  for (const [name, child] of fields) if (name in v) out[name] = ordered(v[name], child);
  // A field missing from the table still shows, after the known ones.
  for (const k of Object.keys(v).sort()) if (!(k in out)) out[k] = sorted(v[k]);
  return out;
}

/** The object with keys in the struct order of its kind's Go type (maps sorted); unknown kinds sorted. */
export function typedOrder<T>(obj: T): T {
  const kind = isObject(obj) && typeof obj.kind === 'string' ? obj.kind : undefined;
  return ordered(obj, kind && STRUCTS[kind] ? kind : undefined) as T;
}
