/**
 * What a describer may read besides the object itself: the virtual time and read access
 * to other objects (a Deployment's ReplicaSets, a node's pods, events). Plain data only.
 */
import type { KubeObject } from '../../../engine/api/types.js';

/** Read access for describers; the kubectl command builds it over the API as the user. */
export interface DescribeContext {
  /** Virtual epoch milliseconds; ages are measured against it. */
  readonly now: number;
  /** One object, or undefined when it does not exist (or cannot be read). */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** All objects of a resource, in one namespace or (namespace undefined) everywhere. */
  list(resource: string, namespace?: string): readonly KubeObject[];
}

/** A describer: one object in, describe text out. */
export type Describer = (obj: KubeObject, ctx: DescribeContext) => string;
