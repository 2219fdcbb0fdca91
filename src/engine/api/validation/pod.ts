/**
 * PodSpec validation (pkg/apis/core/validation/validation.go ValidatePodSpec and the
 * container, port, env, volume, probe and resource checks it calls), for Pods and for the
 * pod templates of workloads. Enum values are checked by the schema layer, not here.
 */
import { formatQuantity, parseQuantity } from '../quantity.js';
import { child, duplicate, eachInvalid, forbidden, index, invalidField, key, nonNegative, notFoundField, required } from './field.js';
import { validateLabels, validateObjectMeta } from './meta.js';
import { isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isValidPortName, isValidPortNum, inclusiveRangeError } from './names.js';
import type { FieldError } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** ValidateDNS1123Label on a path. */
const dns1123Label = (path: string, value: string): FieldError[] => eachInvalid(path, value, isDNS1123Label(value));

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral',
];

/** The required field of each volume source this engine supports. */
const SOURCE_REQUIRED: Record<string, string> = {
  configMap: 'name',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
  hostPath: 'path',
  nfs: 'path',
};

/** ValidateVolumes: unique DNS-label names, exactly one source, the source's own requirements. */
function validateVolumes(volumes: Obj[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const p = index(path, i);
    const name = String(v.name ?? '');
    if (!name) errs.push(required(child(p, 'name')));
    else errs.push(...dns1123Label(child(p, 'name'), name));
    if (name && names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else if (name) names.add(name);
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
    if (sources.length === 0) errs.push(required(p, 'must specify a volume type'));
    for (const extra of sources.slice(1)) errs.push(forbidden(child(p, extra), 'may not specify more than 1 volume type'));
    const source = sources[0];
    if (source && SOURCE_REQUIRED[source] && !v[source][SOURCE_REQUIRED[source]!]) errs.push(required(child(child(p, source), SOURCE_REQUIRED[source]!)));
  });
  return { errs, names };
}

function validateHandler(handler: Obj, path: string): FieldError[] {
  const kinds = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'].filter((k) => handler[k] != null);
  if (kinds.length === 0) return [required(path, 'must specify a handler type')];
  const errs: FieldError[] = kinds.slice(1).map((k) => forbidden(child(path, k), 'may not specify more than 1 handler type'));
  for (const k of ['httpGet', 'tcpSocket']) {
    const port = handler[k]?.port;
    if (handler[k] == null) continue;
    const p = child(child(path, k), 'port');
    if (typeof port === 'number') errs.push(...eachInvalid(p, port, isValidPortNum(port)));
    else if (typeof port === 'string') errs.push(...eachInvalid(p, port, isValidPortName(port)));
    else errs.push(required(p));
  }
  if (handler.exec && !(Array.isArray(handler.exec.command) && handler.exec.command.length > 0)) errs.push(required(child(child(path, 'exec'), 'command')));
  return errs;
}

function validateProbe(probe: Obj | undefined, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(child(path, f), probe[f]));
  }
  // Liveness and startup probes act on the first failure, so only one success counts.
  if (mustSucceedOnce && probe.successThreshold != null && probe.successThreshold !== 1) {
    errs.push(invalidField(child(path, 'successThreshold'), probe.successThreshold, 'must be 1'));
  }
  return errs;
}

function validatePorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) errs.push(...eachInvalid(child(p, 'name'), port.name, msgs));
      else if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(child(p, 'containerPort')));
    else errs.push(...eachInvalid(child(p, 'containerPort'), port.containerPort, isValidPortNum(port.containerPort)));
    if (port.hostPort) errs.push(...eachInvalid(child(p, 'hostPort'), port.hostPort, isValidPortNum(port.hostPort)));
    if (!port.protocol) errs.push(required(child(p, 'protocol')));
  });
  return errs;
}

function validateEnv(env: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((e, i) => {
    const p = index(path, i);
    if (!e.name) errs.push(required(child(p, 'name')));
    else errs.push(...eachInvalid(child(p, 'name'), e.name, isEnvVarName(e.name)));
    const from = e.valueFrom;
    if (from) {
      if (e.value) errs.push(invalidField(child(p, 'valueFrom'), '', 'may not be specified when `value` is not empty'));
      for (const [ref, keyField] of [['configMapKeyRef', 'key'], ['secretKeyRef', 'key'], ['fieldRef', 'fieldPath'], ['resourceFieldRef', 'resource']] as const) {
        if (from[ref] && !from[ref][keyField]) errs.push(required(child(child(child(p, 'valueFrom'), ref), keyField)));
      }
    }
  });
  return errs;
}

/** ValidateResourceRequirements: non-negative quantities and requests within limits. */
function validateResources(resources: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits: Obj = resources?.limits ?? {};
  const requests: Obj = resources?.requests ?? {};
  for (const [name, text] of Object.entries(limits)) {
    const q = parseQuantity(text);
    if (q && q.value < 0) errs.push(invalidField(key(child(path, 'limits'), name), String(text), 'must be greater than or equal to 0'));
  }
  for (const [name, text] of Object.entries(requests)) {
    const q = parseQuantity(text);
    if (!q) continue;
    if (q.value < 0) errs.push(invalidField(key(child(path, 'requests'), name), String(text), 'must be greater than or equal to 0'));
    const lim = parseQuantity(limits[name]);
    if (!lim) continue;
    // Values print canonically (Quantity.String), whatever the manifest wrote.
    const shown = formatQuantity(q.value, q.format);
    const limShown = formatQuantity(lim.value, lim.format);
    if (name.startsWith('hugepages-') && q.value !== lim.value) {
      errs.push(invalidField(child(path, 'requests'), shown, `must be equal to ${name} limit of ${limShown}`));
    } else if (q.value > lim.value) {
      errs.push(invalidField(child(path, 'requests'), shown, `must be less than or equal to ${name} limit of ${limShown}`));
    }
  }
  return errs;
}

function validateMounts(mounts: Obj[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  mounts.forEach((m, i) => {
    const p = index(path, i);
    if (!m.name) errs.push(required(child(p, 'name')));
    if (!volumes.has(m.name)) errs.push(notFoundField(child(p, 'name'), m.name ?? ''));
    if (!m.mountPath) errs.push(required(child(p, 'mountPath')));
    if (seen.has(m.mountPath)) errs.push(invalidField(child(p, 'mountPath'), m.mountPath, 'must be unique'));
    seen.add(m.mountPath);
  });
  return errs;
}

/** validateContainerCommon, plus the probe rules of regular containers. */
function validateContainer(c: Obj, path: string, volumes: Set<string>, regular: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(child(path, 'name')));
  else errs.push(...dns1123Label(child(path, 'name'), c.name));
  if (!c.image) errs.push(required(child(path, 'image')));
  else if (String(c.image).trim() !== c.image) errs.push(invalidField(child(path, 'image'), c.image, 'must not have leading or trailing whitespace'));
  if (!c.terminationMessagePolicy) errs.push(required(child(path, 'terminationMessagePolicy')));
  errs.push(...validatePorts(list(c.ports), child(path, 'ports')));
  errs.push(...validateEnv(list(c.env), child(path, 'env')));
  errs.push(...validateMounts(list(c.volumeMounts), volumes, child(path, 'volumeMounts')));
  if (!c.imagePullPolicy) errs.push(required(child(path, 'imagePullPolicy')));
  errs.push(...validateResources(c.resources, child(path, 'resources')));
  if (regular) {
    errs.push(...validateProbe(c.livenessProbe, child(path, 'livenessProbe'), true));
    errs.push(...validateProbe(c.readinessProbe, child(path, 'readinessProbe'), false));
    errs.push(...validateProbe(c.startupProbe, child(path, 'startupProbe'), true));
    if (c.restartPolicy != null) errs.push(forbidden(child(path, 'restartPolicy'), 'may not be set for non-init containers'));
  } else if (c.restartPolicy !== 'Always') {
    // Plain init containers run to completion: probes make no sense for them.
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[probe] != null) errs.push(forbidden(child(path, probe), 'may not be set for init containers without restartPolicy=Always'));
    }
  }
  return errs;
}

/** ValidatePodSpec, in the server's order, for the checks this engine carries. */
export function validatePodSpec(spec: Obj | undefined, path: string, extraVolumes: readonly string[] = []): FieldError[] {
  const s = spec ?? {};
  const { errs, names: volumes } = validateVolumes(list(s.volumes), child(path, 'volumes'));
  for (const name of extraVolumes) volumes.add(name);
  const containers = list(s.containers);
  if (containers.length === 0) errs.push(required(child(path, 'containers')));
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(child(path, 'containers'), i);
    errs.push(...validateContainer(c, p, volumes, true));
    if (seen.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else seen.add(c.name);
  });
  list(s.initContainers).forEach((c, i) => {
    const p = index(child(path, 'initContainers'), i);
    errs.push(...validateContainer(c, p, volumes, false));
    // Init container names must be unique across init and regular containers.
    if (seen.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else seen.add(c.name);
  });
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  if (s.serviceAccountName) errs.push(...eachInvalid(child(path, 'serviceAccountName'), s.serviceAccountName, isDNS1123Subdomain(s.serviceAccountName)));
  if (s.nodeName) errs.push(...eachInvalid(child(path, 'nodeName'), s.nodeName, isDNS1123Subdomain(s.nodeName)));
  if (s.activeDeadlineSeconds != null && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalidField(child(path, 'activeDeadlineSeconds'), s.activeDeadlineSeconds, inclusiveRangeError(1, 2147483647)));
  }
  if (s.hostname) errs.push(...dns1123Label(child(path, 'hostname'), s.hostname));
  if (s.subdomain) errs.push(...dns1123Label(child(path, 'subdomain'), s.subdomain));
  errs.push(...nonNegative(child(path, 'terminationGracePeriodSeconds'), s.terminationGracePeriodSeconds));
  return errs;
}

/**
 * ValidatePodTemplateSpec: the template's labels, then its spec. `extraVolumes` names
 * volumes supplied from elsewhere (a StatefulSet's volumeClaimTemplates).
 */
export function validatePodTemplateSpec(template: Obj | undefined, path: string, extraVolumes: readonly string[] = []): FieldError[] {
  const meta = template?.metadata ?? {};
  const errs = validateLabels(meta.labels, child(child(path, 'metadata'), 'labels'));
  errs.push(...validatePodSpec(template?.spec, child(path, 'spec'), extraVolumes));
  return errs;
}

export { validateObjectMeta };
