/**
 * The stages a write passes through in the API server, in the real server's order:
 * authenticate → authorize → decode (strict fields) → default → mutating admission →
 * validate → validating admission → store. Each stage is a plain function so the
 * architecture lesson can point at them one by one.
 */
import { clone, type StoreReader } from './store.js';
import type { Random } from '../random.js';
import type { FieldError, KubeObject, Result, StatusError, UserInfo } from './types.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** What authorization is asked (authorizer.Attributes). */
export interface RequestAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly resourceRequest: boolean;
  readonly path?: string;
}

/** An authorizer's answer. */
export interface Decision {
  readonly allowed: boolean;
  readonly reason?: string;
  /** Set when a binding refers to a missing role: kubectl shows it after `: RBAC: `. */
  readonly evaluationError?: string;
}

/** One admission request (admission.Attributes). */
export interface AdmissionRequest {
  readonly operation: Operation;
  readonly resource: string;
  readonly subresource?: string;
  readonly object: KubeObject;
  readonly oldObject?: KubeObject;
  readonly namespace?: string;
  readonly user: UserInfo;
  readonly store: StoreReader;
  readonly random: Random;
  readonly dryRun: boolean;
  readonly now: string;
}

/** An admission plugin: mutating ones return the changed object, validating ones an error. */
export interface AdmissionPlugin {
  readonly name: string;
  mutate?(req: AdmissionRequest): Result<KubeObject>;
  validate?(req: AdmissionRequest): StatusError | undefined;
}

/** The pluggable stages; anything left out is a no-op. */
export interface Pipeline {
  authorize(attrs: RequestAttributes, store: StoreReader): Decision;
  forbiddenMessage(attrs: RequestAttributes, decision: Decision): string;
  /** Strict decoding: an error (BadRequest) for unknown or mistyped fields. */
  decode(resource: string, obj: KubeObject, opts: { strict: boolean }): StatusError | undefined;
  /** Unknown-field warnings for fieldValidation=Warn. */
  unknownFieldWarnings(obj: KubeObject): string[];
  /**
   * Defaulting. Returns a deep copy the server then owns (its input's insides may be the
   * caller's objects, which must not be changed or frozen).
   */
  applyDefaults(obj: KubeObject): KubeObject;
  /** Create-only changes of the kind's strategy (PrepareForCreate), after defaults. */
  prepareForCreate(obj: KubeObject): KubeObject;
  /** Update-only carry-overs from the stored object (a Service keeps its ClusterIP). */
  prepareForUpdate(obj: KubeObject, old: KubeObject): KubeObject;
  /** Allocation done by the kind's storage (ClusterIPs, node ports), after validation. */
  allocate(obj: KubeObject, old: KubeObject | undefined, store: StoreReader, random: Random): { ok: true; value: KubeObject } | { ok: false; errors: FieldError[] };
  /**
   * What the OpenAPI schema alone can say (Required, NotSupported); reported before the
   * kind's own errors, which leave out any the schema already gave.
   */
  validateSchema(obj: KubeObject): FieldError[];
  /** The kind's own (semantic) validation of a create. */
  validateCreate(obj: KubeObject): FieldError[];
  validateUpdate(obj: KubeObject, old: KubeObject): FieldError[];
  /** Validation of a pod written through pods/ephemeralcontainers (instead of validateUpdate). */
  validateEphemeralContainersUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  readonly mutating: readonly AdmissionPlugin[];
  readonly validating: readonly AdmissionPlugin[];
  /**
   * Create-only review resources (access reviews, self subject reviews) answered at once
   * and never stored; undefined for every other resource.
   */
  review(resource: string, obj: KubeObject, user: UserInfo, store: StoreReader): KubeObject | undefined;
  /** Impersonation (`--as`, `--as-group`), authorized as the real filter authorizes it. */
  impersonate(requester: UserInfo, as: { user?: string; groups?: string[] }, store: StoreReader): Result<UserInfo>;
}

/** A pipeline that allows everything and changes nothing: the starting point to extend. */
export const permissivePipeline: Pipeline = {
  authorize: () => ({ allowed: true }),
  forbiddenMessage: () => 'forbidden',
  decode: () => undefined,
  unknownFieldWarnings: () => [],
  applyDefaults: (obj) => clone(obj),
  prepareForCreate: (obj) => obj,
  prepareForUpdate: (obj) => obj,
  allocate: (obj) => ({ ok: true, value: obj }),
  validateSchema: () => [],
  validateCreate: () => [],
  validateUpdate: () => [],
  mutating: [],
  validating: [],
  review: () => undefined,
  impersonate: (requester) => ({ ok: true, value: requester }),
};
