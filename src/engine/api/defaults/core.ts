/**
 * Defaults of the remaining core/v1 kinds (pkg/apis/core/v1/defaults.go): Secret,
 * Namespace, Node, Endpoints, ReplicationController, LimitRange.
 */
import { defaultPodTemplate } from './pod.js';
import { child, items, objectAt, setDefault, setDefaultString, type Obj } from './util.js';

/** SetDefaults_Secret. */
export function defaultSecret(secret: Obj): void {
  setDefaultString(secret, 'type', 'Opaque');
}

/** SetDefaults_Namespace (the metadata.name label) and SetDefaults_NamespaceStatus. */
export function defaultNamespace(ns: Obj): void {
  const meta = child(ns, 'metadata');
  if (meta.name) meta.labels = { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': meta.name };
  setDefaultString(child(ns, 'status'), 'phase', 'Active');
}

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
export function defaultNode(node: Obj): void {
  const status = objectAt(node, 'status');
  if (status && status.allocatable == null && status.capacity != null) status.allocatable = { ...status.capacity };
}

/** SetDefaults_Endpoints: ports default to TCP. */
export function defaultEndpoints(ep: Obj): void {
  for (const subset of items(ep, 'subsets')) for (const port of items(subset, 'ports')) setDefaultString(port, 'protocol', 'TCP');
}

/** SetDefaults_ReplicationController: selector and labels from the template, replicas 1. */
export function defaultReplicationController(rc: Obj): void {
  const spec = child(rc, 'spec');
  const labels = objectAt(objectAt(spec.template, 'metadata'), 'labels');
  if (labels) {
    if (Object.keys(spec.selector ?? {}).length === 0) spec.selector = { ...labels };
    const meta = child(rc, 'metadata');
    if (Object.keys(meta.labels ?? {}).length === 0) meta.labels = { ...labels };
  }
  setDefault(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

/** SetDefaults_LimitRangeItem for Container items: default from max, request from default or min. */
export function defaultLimitRange(lr: Obj): void {
  for (const item of items(objectAt(lr, 'spec'), 'limits')) {
    if (item.type !== 'Container') continue;
    const def = child(item, 'default');
    const defReq = child(item, 'defaultRequest');
    for (const [k, v] of Object.entries(objectAt(item, 'max') ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(objectAt(item, 'min') ?? {})) if (!(k in defReq)) defReq[k] = v;
  }
}
