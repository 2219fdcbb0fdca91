/**
 * Validation of the small core and auxiliary kinds: ConfigMap, Secret, Namespace,
 * ServiceAccount, Node, HorizontalPodAutoscaler, Ingress.
 */
import { semanticEqual } from './equal.js';
import { eachInvalid, forbidden, invalidField, required } from './field.js';
import { IMMUTABLE, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isConfigMapKey, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, nameIsDNSLabel, nameIsDNSSubdomain, validatePathSegmentName } from './names.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function validateDataKeys(obj: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(obj.data ?? {})) errs.push(...eachInvalid(`data[${k}]`, k, isConfigMapKey(k)));
  for (const k of Object.keys(obj.binaryData ?? {})) {
    errs.push(...eachInvalid(`binaryData[${k}]`, k, isConfigMapKey(k)));
    if (k in (obj.data ?? {})) errs.push(invalidField(`binaryData[${k}]`, k, 'duplicate of key present in data'));
  }
  return errs;
}

/** ValidateConfigMap. */
export function validateConfigMap(cm: KubeObject): FieldError[] {
  return [...validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain), ...validateDataKeys(cm)];
}

/** Required keys per well-known Secret type (ValidateSecret). */
const SECRET_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

/** ValidateSecret. */
export function validateSecret(secret: KubeObject): FieldError[] {
  const errs = [...validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain)];
  for (const k of Object.keys(secret.data ?? {})) errs.push(...eachInvalid(`data[${k}]`, k, isConfigMapKey(k)));
  for (const k of SECRET_KEYS[secret.type] ?? []) if (!(k in (secret.data ?? {}))) errs.push(required(`data[${k}]`));
  if (secret.type === 'kubernetes.io/basic-auth' && !('username' in (secret.data ?? {})) && !('password' in (secret.data ?? {}))) {
    errs.push(required('data[username]'));
  }
  if (secret.type === 'kubernetes.io/service-account-token' && !secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  return errs;
}

/** ConfigMap and Secret updates: `immutable` freezes the data; a Secret's type is fixed. */
export function validateDataUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  errs.push(...validateDataKeys(obj));
  if (obj.kind === 'Secret' && (obj.type ?? '') !== (old.type ?? '')) errs.push(invalidField('type', obj.type ?? '', IMMUTABLE));
  if (old.immutable === true) {
    if (obj.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (!semanticEqual(obj.data, old.data)) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
    if (!semanticEqual(obj.binaryData, old.binaryData)) errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
  }
  return errs;
}

/** ValidateNamespace: a DNS label name and valid finalizer names. */
export function validateNamespace(ns: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) {
    errs.push(...eachInvalid('spec.finalizers', f, isQualifiedName(f)));
    if (!String(f).includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(f)) {
      errs.push(invalidField('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

/** ValidateServiceAccount, ValidateNode: metadata only, in this engine. */
export const validateServiceAccount = (sa: KubeObject): FieldError[] => validateObjectMeta(sa.metadata, true, nameIsDNSSubdomain);
export const validateNode = (node: KubeObject): FieldError[] => validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);

/** ValidateHorizontalPodAutoscaler (replica bounds and the target reference). */
export function validateHPA(hpa: KubeObject): FieldError[] {
  const errs = validateObjectMeta(hpa.metadata, true, nameIsDNSSubdomain);
  const spec: Obj = hpa.spec ?? {};
  if (spec.minReplicas != null && spec.minReplicas < 1) errs.push(invalidField('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
  if ((spec.maxReplicas ?? 0) < 1) errs.push(invalidField('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than 0'));
  if (spec.minReplicas != null && (spec.maxReplicas ?? 0) < spec.minReplicas) {
    errs.push(invalidField('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than or equal to `minReplicas`'));
  }
  const ref: Obj = spec.scaleTargetRef ?? {};
  if (!ref.kind) errs.push(required('spec.scaleTargetRef.kind'));
  else errs.push(...eachInvalid('spec.scaleTargetRef.kind', ref.kind, validatePathSegmentName(ref.kind, false)));
  if (!ref.name) errs.push(required('spec.scaleTargetRef.name'));
  else errs.push(...eachInvalid('spec.scaleTargetRef.name', ref.name, validatePathSegmentName(ref.name, false)));
  return errs;
}

function validateIngressBackend(backend: Obj | undefined, path: string): FieldError[] {
  if (!backend) return [];
  const svc = backend.service;
  if (!svc && !backend.resource) return [invalidField(path, '', 'one backend must be specified')];
  if (!svc) return [];
  const errs: FieldError[] = [];
  if (!svc.name) errs.push(required(`${path}.service.name`));
  const port: Obj = svc.port ?? {};
  if (port.name && port.number) errs.push(invalidField(`${path}.service.port`, '', 'cannot set both port name & port number'));
  else if (port.name) errs.push(...eachInvalid(`${path}.service.port.name`, port.name, isValidPortName(port.name)));
  else if (port.number) errs.push(...eachInvalid(`${path}.service.port.number`, port.number, isValidPortNum(port.number)));
  else errs.push(required(`${path}.service.port`, 'port name or number is required'));
  return errs;
}

/** ValidateIngressCreate: hosts, paths with a pathType, backends. */
export function validateIngress(ing: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain);
  const spec: Obj = ing.spec ?? {};
  if (!spec.defaultBackend && !(spec.rules?.length > 0)) errs.push(invalidField('spec.rules', [], 'either `defaultBackend` or `rules` must be specified'));
  errs.push(...validateIngressBackend(spec.defaultBackend, 'spec.defaultBackend'));
  (spec.rules ?? []).forEach((rule: Obj, i: number) => {
    const p = `spec.rules[${i}]`;
    if (rule.host) {
      const host = String(rule.host);
      const check = host.startsWith('*.') ? isDNS1123Subdomain(host.slice(2)) : isDNS1123Subdomain(host);
      errs.push(...eachInvalid(`${p}.host`, host, check));
    }
    (rule.http?.paths ?? []).forEach((path: Obj, j: number) => {
      const pp = `${p}.http.paths[${j}]`;
      if (!path.pathType) errs.push(required(`${pp}.pathType`, 'pathType must be specified'));
      else if ((path.pathType === 'Exact' || path.pathType === 'Prefix') && !String(path.path ?? '').startsWith('/')) {
        errs.push(invalidField(`${pp}.path`, path.path ?? '', 'must be an absolute path'));
      }
      errs.push(...validateIngressBackend(path.backend, `${pp}.backend`));
    });
  });
  return errs;
}
