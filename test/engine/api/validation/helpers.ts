import { fieldErrorMessage } from '../../../../src/engine/api/errors.js';
import { applyDefaults } from '../../../../src/engine/api/defaults/index.js';
import { GO_SYNTAX, validateCreate, validateUpdate } from '../../../../src/engine/api/validation/index.js';
import type { FieldError, KubeObject } from '../../../../src/engine/api/types.js';

/** A cause as the server prints it, including values pre-rendered as Go syntax. */
export function render(e: FieldError): string {
  const v = e.value as Record<symbol, string> | undefined;
  if (v && typeof v === 'object' && GO_SYNTAX in v) return fieldErrorMessage({ ...e, value: '@@GO@@' }).replace('"@@GO@@"', v[GO_SYNTAX]!);
  return fieldErrorMessage(e);
}

/** The rendered causes of creating `obj` after defaulting, with a namespace filled in. */
export function createErrors(obj: KubeObject): string[] {
  return validateCreate(withNamespace(applyDefaults(obj))).map(render);
}

/** The rendered causes of updating `old` to `obj`, both defaulted. */
export function updateErrors(obj: KubeObject, old: KubeObject): string[] {
  return validateUpdate(withNamespace(applyDefaults(obj)), withNamespace(applyDefaults(old))).map(render);
}

const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding']);

function withNamespace(obj: KubeObject): KubeObject {
  if (CLUSTER_SCOPED.has(obj.kind) || obj.metadata.namespace) return obj;
  return { ...obj, metadata: { ...obj.metadata, namespace: 'default' } };
}

export const pod = (name: string, spec: object, metadata: object = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata }, spec });

export const deployment = (spec: object, name = 'web'): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec });

export const template = (labels: Record<string, string> | undefined, containers: object[] = [{ name: 'web', image: 'nginx:1.25' }]) => ({
  metadata: labels ? { labels } : {},
  spec: { containers },
});
