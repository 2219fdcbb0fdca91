/**
 * `-o name` and the operation lines of mutating commands (cli-runtime's NamePrinter):
 * `lowercase(kind)[.group]/name`, then an optional operation and ` (dry run)`.
 */
import { typeForKind } from '../../engine/api/discovery.js';
import type { KubeObject } from '../../engine/api/types.js';

/** `pod`, `deployment.apps`, `rolebinding.rbac.authorization.k8s.io`: the kind as the name printer shows it. */
export function kindQualifier(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0]! : (typeForKind(obj.kind)?.group ?? '');
  return (group ? `${obj.kind}.${group}` : obj.kind).toLowerCase();
}

/**
 * One name-printer line without the newline: `deployment.apps/web`,
 * `pod/nginx created`, `deployment.apps/web created (dry run)`.
 */
export function nameLine(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>, operation?: string, dryRun = false): string {
  const op = operation ? ` ${operation}` : '';
  return `${kindQualifier(obj)}/${obj.metadata.name ?? ''}${op}${dryRun ? ' (dry run)' : ''}`;
}

/** `kubectl get -o name`: one line per object. */
export function printNames(objects: readonly KubeObject[], operation?: string, dryRun = false): string {
  return objects.map((o) => `${nameLine(o, operation, dryRun)}\n`).join('');
}
