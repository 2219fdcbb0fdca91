/**
 * The shapes that cross the engine's seam: Kubernetes objects as plain JSON in their real
 * shape, field errors as the API server words them, and results that carry a Status
 * instead of throwing.
 */

/** Standard object metadata (k8s.io/apimachinery ObjectMeta), the fields the engine uses. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  /** RFC 3339, second precision, UTC: `2024-07-01T10:00:00Z`. */
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/**
 * Any Kubernetes object. spec/status stay loosely typed on purpose: the engine handles
 * thirty kinds and validates them against the real schema, not against TS types.
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** The error types of k8s.io/apimachinery/pkg/util/validation/field. */
export type FieldErrorType =
  | 'Required'
  | 'Invalid'
  | 'Forbidden'
  | 'Duplicate'
  | 'NotSupported'
  | 'TooLong'
  | 'TooMany'
  | 'NotFound';

/** One cause of an Invalid (422) response, e.g. `spec.containers[0].image: Required value`. */
export interface FieldError {
  readonly type: FieldErrorType;
  /** The field path as the server prints it: `spec.template.spec.containers[0].image`. */
  readonly field: string;
  /** The offending value (printed for Invalid, Duplicate, NotSupported). */
  readonly value?: unknown;
  /** The explanation after the value, or the list of supported values for NotSupported. */
  readonly detail?: string;
}

/** The reasons a Status can carry (metav1.StatusReason) that this engine produces. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'Gone'
  | 'Timeout'
  | 'InternalError'
  | 'TooManyRequests'
  | 'Unauthorized';

/** A failed API call, as the server's metav1.Status. */
export interface StatusError {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly status: 'Failure';
  readonly message: string;
  readonly reason: StatusReason;
  readonly code: number;
  readonly details?: {
    readonly name?: string;
    readonly group?: string;
    readonly kind?: string;
    readonly causes?: readonly { reason: string; message: string; field: string }[];
  };
}

/** What every API call returns: a value, or the Status the real server would answer. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StatusError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: StatusError): Result<T> => ({ ok: false, error });

/** A user as the authenticator hands it to authorization. */
export interface UserInfo {
  readonly name: string;
  readonly groups: readonly string[];
}

/** The caller used by kubectl unless told otherwise (kubeadm's admin.conf). */
export const ADMIN_USER: UserInfo = {
  name: 'kubernetes-admin',
  groups: ['system:masters', 'system:authenticated'],
};

/** A list response. */
export interface ObjectList {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly resourceVersion: string };
  readonly items: readonly KubeObject[];
}

/** A change seen through watch. */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: KubeObject;
  /** The object before this change (undefined for ADDED); lets handlers see what moved. */
  readonly oldObject?: KubeObject;
  /** The resource (plural, e.g. `pods`) the object belongs to. */
  readonly resource: string;
}
