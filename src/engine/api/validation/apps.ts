/**
 * apps/v1 validation (pkg/apis/apps/validation/validation.go): Deployment, ReplicaSet,
 * StatefulSet and DaemonSet specs, and what their updates may not change.
 */
import { semanticEqual } from './equal.js';
import { forbidden, goLabelSelector, invalidField, nonNegative, notSupported, required } from './field.js';
import { IMMUTABLE, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { nameIsDNSSubdomain, regexError } from './names.js';
import { validatePodTemplateSpec } from './pod.js';
import { selectorIsEmpty, selectorMatchesTemplate, validateLabelSelector } from './selector.js';
import type { FieldError, KubeObject } from '../types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** The selector rules of Deployment and ReplicaSet: required, valid, non-empty. */
function validateSelector(spec: Obj, what: string): FieldError[] {
  if (!spec.selector) return [required('spec.selector')];
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  if (selectorIsEmpty(spec.selector)) errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), `empty selector is invalid for ${what}`));
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet: labels match, valid template, restartPolicy Always. */
function validateTemplate(spec: Obj, kind: string): FieldError[] {
  if (!spec.template) return [required('spec.template')];
  const errs = selectorMatchesTemplate(spec.selector, spec.template, 'spec.template');
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const policy = spec.template.spec?.restartPolicy;
  if (policy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', policy ?? '', ['Always']));
  if (spec.template.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

const PERCENT_FMT = '[0-9]+%';

/** ValidatePositiveIntOrPercent. */
function intOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    return /^[0-9]+%$/.test(value) ? [] : [invalidField(path, value, regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%'))];
  }
  return nonNegative(path, value);
}

const intOrPercentValue = (v: unknown): number => (typeof v === 'string' ? parseInt(v, 10) || 0 : typeof v === 'number' ? v : 0);

function validateDeploymentStrategy(strategy: Obj | undefined): FieldError[] {
  const s = strategy ?? {};
  if (s.type === 'Recreate') {
    return s.rollingUpdate != null ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type !== 'RollingUpdate') return [];
  const ru = s.rollingUpdate;
  if (!ru) return [required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')];
  const p = 'spec.strategy.rollingUpdate';
  const errs = [...intOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...intOrPercent(ru.maxSurge, `${p}.maxSurge`)];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalidField(`${p}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  if (typeof ru.maxUnavailable === 'string' && intOrPercentValue(ru.maxUnavailable) > 100) {
    errs.push(invalidField(`${p}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'));
  }
  return errs;
}

/** ValidateDeployment. */
export function validateDeploymentSpec(d: KubeObject): FieldError[] {
  const spec: Obj = d.spec ?? {};
  const errs = nonNegative('spec.replicas', spec.replicas);
  errs.push(...validateSelector(spec, 'deployment'));
  errs.push(...validateTemplate(spec, 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(spec.strategy));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  if (spec.progressDeadlineSeconds != null) {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalidField('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** ValidateReplicaSetSpec (its empty-selector message really does say "deployment"). */
export function validateReplicaSetSpec(rs: KubeObject): FieldError[] {
  const spec: Obj = rs.spec ?? {};
  const errs = [...nonNegative('spec.replicas', spec.replicas), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds)];
  errs.push(...validateSelector(spec, 'deployment'));
  errs.push(...validateTemplate(spec, 'ReplicaSet'));
  return errs;
}

/** ValidateStatefulSetSpec. */
export function validateStatefulSetSpec(sts: KubeObject): FieldError[] {
  const spec: Obj = sts.spec ?? {};
  const errs: FieldError[] = [];
  const ru = spec.updateStrategy?.rollingUpdate;
  if (spec.updateStrategy?.type === 'OnDelete' && ru != null) {
    errs.push(forbidden('spec.updateStrategy.rollingUpdate', "only allowed for updateStrategy 'RollingUpdate'"));
  }
  if (ru) errs.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', ru.partition));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  errs.push(...nonNegative('spec.replicas', spec.replicas));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  if (!spec.selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (selectorIsEmpty(spec.selector)) errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for statefulset'));
  }
  errs.push(...selectorMatchesTemplate(spec.selector, spec.template, 'spec.template'));
  // Mounts may name a volumeClaimTemplate, so those count as volumes of the template.
  const claims: string[] = (spec.volumeClaimTemplates ?? []).map((c: Obj) => String(c?.metadata?.name ?? ''));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template', claims));
  const policy = spec.template?.spec?.restartPolicy;
  if (policy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', policy ?? '', ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** ValidateDaemonSetSpec. */
export function validateDaemonSetSpec(ds: KubeObject): FieldError[] {
  const spec: Obj = ds.spec ?? {};
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  errs.push(...selectorMatchesTemplate(spec.selector ?? undefined, spec.template, 'spec.template').filter(() => !(spec.selector && selectorIsEmpty(spec.selector))));
  if (spec.selector && selectorIsEmpty(spec.selector)) errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const policy = spec.template?.spec?.restartPolicy;
  if (policy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', policy ?? '', ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  const ru = spec.updateStrategy?.rollingUpdate;
  if (spec.updateStrategy?.type === 'RollingUpdate' && ru) {
    const p = 'spec.updateStrategy.rollingUpdate';
    errs.push(...intOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...intOrPercent(ru.maxSurge, `${p}.maxSurge`));
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalidField(`${p}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}

const SPEC_VALIDATORS: Record<string, (o: KubeObject) => FieldError[]> = {
  Deployment: validateDeploymentSpec,
  ReplicaSet: validateReplicaSetSpec,
  StatefulSet: validateStatefulSetSpec,
  DaemonSet: validateDaemonSetSpec,
};

/** Create validation of an apps/v1 workload. */
export function validateWorkload(obj: KubeObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...(SPEC_VALIDATORS[obj.kind]?.(obj) ?? [])];
}

const STS_MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy'];

/** Update validation: the spec rules again, and an immutable selector (apps/v1). */
export function validateWorkloadUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  errs.push(...(SPEC_VALIDATORS[obj.kind]?.(obj) ?? []));
  if (obj.kind === 'StatefulSet') {
    const rest = (s: Obj | undefined): Obj => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => !STS_MUTABLE.includes(k)));
    if (!semanticEqual(rest(obj.spec), rest(old.spec))) {
      errs.push(forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
    }
  } else if (!semanticEqual(obj.spec?.selector, old.spec?.selector)) {
    errs.push(invalidField('spec.selector', goLabelSelector(obj.spec?.selector), IMMUTABLE));
  }
  return errs;
}

