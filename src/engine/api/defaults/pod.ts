/**
 * Pod and PodSpec defaults: SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe,
 * the volume-source defaulters and the declarative `+default` markers of
 * pkg/apis/core/v1 (zz_generated.defaults.go), plus the Pod-only extras of SetDefaults_Pod.
 */
import { child, items, objectAt, setDefault, setDefaultNumber, setDefaultString, type Obj } from './util.js';

/** 0644: the defaultMode of configMap, secret, downwardAPI and projected volumes. */
const DEFAULT_MODE = 420;

/**
 * The tag of an image reference the way parsers.ParseImageName reports it: the tag after
 * the last `:` of the final path segment, `latest` when there is neither tag nor digest,
 * empty when only a digest is given.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon >= 0) return lastSegment.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

/** SetDefaults_HTTPGetAction, for probes and lifecycle handlers alike. */
function defaultHandler(handler: Obj | undefined): void {
  const httpGet = objectAt(handler, 'httpGet');
  if (httpGet) {
    setDefaultString(httpGet, 'path', '/');
    setDefaultString(httpGet, 'scheme', 'HTTP');
  }
  // GRPCAction.Service carries `+default=""`.
  const grpc = objectAt(handler, 'grpc');
  if (grpc) setDefault(grpc, 'service', '');
}

/** SetDefaults_Probe plus its handler. */
function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  setDefaultNumber(probe, 'timeoutSeconds', 1);
  setDefaultNumber(probe, 'periodSeconds', 10);
  setDefaultNumber(probe, 'successThreshold', 1);
  setDefaultNumber(probe, 'failureThreshold', 3);
  defaultHandler(probe);
}

/** SetDefaults_ObjectFieldSelector: fieldRef.apiVersion defaults to v1. */
function defaultFieldRef(holder: Obj | undefined): void {
  const ref = objectAt(holder, 'fieldRef');
  if (ref) setDefaultString(ref, 'apiVersion', 'v1');
}

/** SetDefaults_Container and the defaults of what a container holds. */
export function defaultContainer(c: Obj): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') {
    c.imagePullPolicy = imageTag(String(c.image ?? '')) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  setDefaultString(c, 'terminationMessagePath', '/dev/termination-log');
  setDefaultString(c, 'terminationMessagePolicy', 'File');
  // ContainerPort.Protocol carries `+default="TCP"`.
  for (const port of items(c, 'ports')) setDefaultString(port, 'protocol', 'TCP');
  for (const env of items(c, 'env')) defaultFieldRef(objectAt(env, 'valueFrom'));
  defaultProbe(objectAt(c, 'livenessProbe'));
  defaultProbe(objectAt(c, 'readinessProbe'));
  defaultProbe(objectAt(c, 'startupProbe'));
  const lifecycle = objectAt(c, 'lifecycle');
  defaultHandler(objectAt(lifecycle, 'postStart'));
  defaultHandler(objectAt(lifecycle, 'preStop'));
  // ResourceRequirements is a struct, not a pointer: the server always writes `resources: {}`.
  child(c, 'resources');
}

/** SetDefaults_Volume and the volume-source defaulters. */
function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  for (const key of ['configMap', 'secret', 'downwardAPI', 'projected']) {
    const source = objectAt(v, key);
    if (source) setDefault(source, 'defaultMode', DEFAULT_MODE);
  }
  for (const item of items(objectAt(v, 'downwardAPI'), 'items')) defaultFieldRef(item);
  for (const src of items(objectAt(v, 'projected'), 'sources')) {
    const token = objectAt(src, 'serviceAccountToken');
    if (token) setDefault(token, 'expirationSeconds', 3600);
    for (const item of items(objectAt(src, 'downwardAPI'), 'items')) defaultFieldRef(item);
  }
  const hostPath = objectAt(v, 'hostPath');
  if (hostPath) setDefault(hostPath, 'type', '');
  const claimSpec = objectAt(objectAt(objectAt(v, 'ephemeral'), 'volumeClaimTemplate'), 'spec');
  if (claimSpec) setDefault(claimSpec, 'volumeMode', 'Filesystem');
}

/** SetDefaults_PodSpec and everything nested in a PodSpec (shared by Pods and templates). */
export function defaultPodSpec(spec: Obj): void {
  setDefaultString(spec, 'dnsPolicy', 'ClusterFirst');
  setDefaultString(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefaultString(spec, 'schedulerName', 'default-scheduler');
  // v1 conversion keeps the deprecated `serviceAccount` mirrored with serviceAccountName.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const v of items(spec, 'volumes')) defaultVolume(v);
  for (const c of items(spec, 'initContainers')) defaultContainer(c);
  for (const c of items(spec, 'containers')) defaultContainer(c);
  for (const c of items(spec, 'ephemeralContainers')) defaultContainer(c);
}

/** A pod template inside a workload: PodSpec defaults plus the template's metadata shape. */
export function defaultPodTemplate(template: Obj | undefined): void {
  if (!template) return;
  // ObjectMeta.CreationTimestamp is a struct: v1.30 serialises a template's as `null`.
  const meta = child(template, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(child(template, 'spec'));
}

/** Requests default to limits for each resource with a limit but no request (Pods only). */
function defaultRequestsFromLimits(c: Obj): void {
  const resources = objectAt(c, 'resources');
  const limits = objectAt(resources, 'limits');
  if (!resources || !limits) return;
  const requests = child(resources, 'requests');
  for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
}

/**
 * A Pod's defaults: PodSpec defaults, then SetDefaults_Pod (requests from limits,
 * enableServiceLinks, host-network ports), then what the Priority admission plugin adds to
 * a pod without a priority class (priority 0, preemptionPolicy PreemptLowerPriority).
 */
export function defaultPod(pod: Obj): void {
  const spec = child(pod, 'spec');
  defaultPodSpec(spec);
  for (const c of [...items(spec, 'containers'), ...items(spec, 'initContainers')]) defaultRequestsFromLimits(c);
  setDefault(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const c of [...items(spec, 'containers'), ...items(spec, 'initContainers')]) {
      for (const port of items(c, 'ports')) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
  if (!spec.priorityClassName) {
    setDefault(spec, 'priority', 0);
    setDefaultString(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  }
}
