/**
 * Service validation (pkg/apis/core/validation ValidateService, ValidateServiceUpdate).
 * Node-port ranges and address allocation are the allocator's job (allocators.ts).
 */
import { duplicate, eachInvalid, forbidden, goValue, index, invalidField, required } from './field.js';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, nameIsDNS1035Label } from './names.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether text is an IP address (IPv4 dotted quad, or something IPv6-shaped). */
export function isIP(text: string): boolean {
  return IPV4.test(text) || (/^[0-9a-fA-F:]+$/.test(text) && text.includes(':'));
}

/** A ServicePort as `%#v` prints the internal struct in Duplicate errors. */
function goServicePort(protocol: string, port: number): unknown {
  return goValue(`core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`);
}

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(`${path}.name`));
  else if (sp.name) {
    errs.push(...eachInvalid(`${path}.name`, sp.name, isDNS1123Label(sp.name)));
    if (names.has(sp.name)) errs.push(duplicate(`${path}.name`, sp.name));
    else names.add(sp.name);
  }
  errs.push(...eachInvalid(`${path}.port`, sp.port ?? 0, isValidPortNum(sp.port ?? 0)));
  if (!sp.protocol) errs.push(required(`${path}.protocol`));
  const tp = sp.targetPort;
  if (typeof tp === 'number') errs.push(...eachInvalid(`${path}.targetPort`, tp, isValidPortNum(tp)));
  else if (typeof tp === 'string') {
    if (!tp) errs.push(required(`${path}.targetPort`));
    else errs.push(...eachInvalid(`${path}.targetPort`, tp, isValidPortName(tp)));
  }
  return errs;
}

/** ValidateService, for the rules that do not depend on the cluster's ranges. */
export function validateServiceSpec(svc: KubeObject): FieldError[] {
  const spec: Obj = svc.spec ?? {};
  const errs: FieldError[] = [];
  const ports: Obj[] = Array.isArray(spec.ports) ? spec.ports : [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  if (spec.type === 'ExternalName') {
    if (spec.clusterIP && spec.clusterIP !== '') errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy != null) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...eachInvalid('spec.externalName', cname, isDNS1123Subdomain(cname)));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index('spec.ports', i))));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (spec.clusterIP && spec.clusterIP !== 'None' && !isIP(spec.clusterIP)) {
    errs.push(invalidField('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`${index('spec.ports', i)}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    if (p.nodePort) {
      const k = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(k)) errs.push(duplicate(`${index('spec.ports', i)}.nodePort`, p.nodePort));
      nodePorts.add(k);
    }
    const k = `${p.protocol}/${p.port}`;
    if (seen.has(k)) errs.push(duplicate(index('spec.ports', i), goServicePort(p.protocol, p.port)));
    seen.add(k);
  });
  if (spec.externalTrafficPolicy && spec.type !== 'NodePort' && spec.type !== 'LoadBalancer' && !(spec.externalIPs?.length > 0)) {
    errs.push(invalidField('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  }
  return errs;
}

/** Create validation of a Service. */
export function validateService(svc: KubeObject): FieldError[] {
  return [...validateObjectMeta(svc.metadata, true, nameIsDNS1035Label), ...validateServiceSpec(svc)];
}

/** ValidateServiceUpdate: clusterIP may not change unless moving to or from ExternalName. */
export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  const spec: Obj = svc.spec ?? {};
  const prev: Obj = old.spec ?? {};
  const fromOrToExternal = spec.type === 'ExternalName' || prev.type === 'ExternalName';
  // An update that leaves clusterIP empty keeps the allocated one (the registry copies it).
  if (!fromOrToExternal && spec.clusterIP && prev.clusterIP && spec.clusterIP !== prev.clusterIP) {
    errs.push(invalidField('spec.clusterIPs[0]', spec.clusterIPs ?? [spec.clusterIP], 'may not change once set'));
  }
  errs.push(...validateServiceSpec(svc));
  return errs;
}

