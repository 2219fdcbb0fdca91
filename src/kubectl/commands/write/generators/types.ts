/**
 * What kubectl's object generators (`create deployment`, `run`, `expose`, ...) are given
 * and give back: the typed object exactly as the real binary builds it before sending, or
 * the error text it prints.
 */
import type { KubeObject } from '../../../../engine/api/types.js';

/** The world a generator may read: files for `--from-file`, the enforced namespace. */
export interface GenContext {
  /** Set when `-n` was given: kubectl then writes metadata.namespace (EnforceNamespace). */
  readonly namespace?: string;
  readonly readFile: (path: string) => string | undefined;
  readonly readDir: (path: string) => string[] | undefined;
}

/**
 * A generated object, or the message kubectl prints after `error: `. `usage` marks
 * cmdutil.UsageErrorf errors, which add `See 'kubectl ... -h' for help and examples`.
 */
export type GenResult = { readonly ok: true; readonly object: KubeObject; readonly warnings?: readonly string[] } | { readonly ok: false; readonly error: string; readonly usage?: boolean };

/** A failed generation. */
export const genError = (error: string, usage = false): GenResult => ({ ok: false, error, usage });

/** A generated object. */
export const generated = (object: KubeObject, warnings?: readonly string[]): GenResult => ({ ok: true, object, ...(warnings?.length ? { warnings } : {}) });

/**
 * ObjectMeta as a typed Go object marshals it: `creationTimestamp: null` always, the
 * namespace only when enforced, labels/annotations only when non-empty.
 */
export function objectMeta(name: string, ctx: Pick<GenContext, 'namespace'> | undefined, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): KubeObject['metadata'] {
  const meta: KubeObject['metadata'] = { name, creationTimestamp: null };
  if (ctx?.namespace) meta.namespace = ctx.namespace;
  if (extra.labels && Object.keys(extra.labels).length > 0) meta.labels = extra.labels;
  if (extra.annotations && Object.keys(extra.annotations).length > 0) meta.annotations = extra.annotations;
  return meta;
}

/** The `resources: {}` every generated container carries (a non-omitempty struct). */
export function container(name: string, image: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, image, ...extra, resources: {} };
}
