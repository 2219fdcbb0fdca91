/**
 * The API server: every read and write of the cluster goes through here, as a user, along
 * the real request path (see pipeline.ts). It answers with values or Status errors, never
 * throws for a bad request.
 */
import type { Clock } from '../clock.js';
import type { Random } from '../random.js';
import { apiVersionOf, qualifiedResource, resourceType, servesApiVersion, type ResourceType } from './discovery.js';
import { alreadyExists, badRequest, conflict, fieldErrorMessage, forbidden, invalid, methodNotAllowed, notFound } from './errors.js';
import type { AdmissionRequest, Decision, Operation, Pipeline, RequestAttributes } from './pipeline.js';
import { clone, copyUnfrozen, deepFreeze, type Store } from './store.js';
import { fail, ok, type FieldError, type KubeObject, type Result, type StatusError, type UserInfo } from './types.js';

/** Options every write takes (metav1.CreateOptions / UpdateOptions). */
export interface WriteOptions {
  readonly dryRun?: boolean;
  /** Strict (kubectl's default), Warn or Ignore. */
  readonly fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

/**
 * A write from one of the cluster's own components (controllers, scheduler, kubelets).
 * Their objects are built by the engine's code from data it already holds, as a real
 * component's are from typed Go structs, so strict decoding and the schema's Required /
 * NotSupported checks cannot fail for them: the server skips those two stages. Defaulting,
 * admission and the kind's own validation run as for anyone.
 */
export interface SystemWriteOptions extends WriteOptions {
  readonly systemComponent?: boolean;
}

/**
 * Under vitest the stages skipped for system components run anyway, and a write they would
 * reject throws: a component bug cannot hide behind the shortcut, and every test run checks
 * that the shortcut changes nothing.
 */
const VERIFY_SYSTEM_WRITES = typeof process !== 'undefined' && !!process.env.VITEST;

/** metav1.DeleteOptions. */
export interface DeleteOptions extends WriteOptions {
  readonly gracePeriodSeconds?: number;
  readonly propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** A successful write, with warnings the server sent back (shown by kubectl as `Warning: ...`). */
export interface WriteResult {
  readonly object: KubeObject;
  readonly warnings: readonly string[];
}

/** Kinds whose status a create resets, as their strategies' PrepareForCreate do. */
const STATUS_ON_CREATE: Record<string, (obj: KubeObject) => unknown> = {
  Pod: () => ({ phase: 'Pending' }),
  PersistentVolumeClaim: () => ({ phase: 'Pending' }),
  PersistentVolume: () => ({ phase: 'Pending' }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  StatefulSet: () => ({ replicas: 0, availableReplicas: 0 }),
  DaemonSet: () => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  Service: (o) => (o.spec?.type === 'LoadBalancer' ? { loadBalancer: {} } : { loadBalancer: {} }),
  HorizontalPodAutoscaler: () => ({ currentReplicas: 0, desiredReplicas: 0 }),
};

export class ApiServer {
  constructor(
    readonly store: Store,
    private readonly clock: Clock,
    private readonly random: Random,
    private pipeline: Pipeline,
  ) {}

  /** Virtual now, RFC 3339. */
  nowRfc3339(): string {
    return this.clock.nowRfc3339();
  }

  /** The identity a request impersonating `as` runs with, or the Forbidden the server answers. */
  impersonate(requester: UserInfo, as: { user?: string; groups?: string[] }): Result<UserInfo> {
    return this.pipeline.impersonate(requester, as, this.store);
  }

  /** Replaces the request path's stages (used while the cluster is assembled). */
  usePipeline(pipeline: Pipeline): void {
    this.pipeline = pipeline;
  }

  /** Resolves a resource name or fails as the server would for an unknown path. */
  typeOf(resource: string): Result<ResourceType> {
    const t = resourceType(resource);
    return t ? ok(t) : fail(notFoundPath(resource));
  }

  /** Authorization step; the Forbidden error carries the real message. */
  authorize(attrs: RequestAttributes, t?: ResourceType): StatusError | undefined {
    const decision: Decision = this.pipeline.authorize(attrs, this.store);
    if (decision.allowed) return undefined;
    return forbidden(this.pipeline.forbiddenMessage(attrs, decision), t, attrs.name);
  }

  private attrs(user: UserInfo, verb: string, t: ResourceType, namespace: string | undefined, name?: string, subresource?: string): RequestAttributes {
    return { user, verb, apiGroup: t.group, resource: t.resource, subresource, namespace: t.namespaced ? namespace : undefined, name, resourceRequest: true };
  }

  get(user: UserInfo, resource: string, namespace: string | undefined, name: string): Result<KubeObject> {
    const t = resourceType(resource);
    if (!t) return fail(notFoundPath(resource));
    const denied = this.authorize(this.attrs(user, 'get', t, namespace, name), t);
    if (denied) return fail(denied);
    if (t.namespaced && namespace === undefined) return fail(badRequest('the server could not find the requested resource'));
    const obj = this.store.get(resource, t.namespaced ? namespace : undefined, name);
    return obj ? ok(obj) : fail(notFound(t, name));
  }

  list(user: UserInfo, resource: string, namespace: string | undefined, filter?: (o: KubeObject) => boolean): Result<{ items: readonly KubeObject[]; resourceVersion: string }> {
    const t = resourceType(resource);
    if (!t) return fail(notFoundPath(resource));
    const denied = this.authorize(this.attrs(user, 'list', t, namespace), t);
    if (denied) return fail(denied);
    const all = this.store.list(resource, t.namespaced ? namespace : undefined);
    return ok({ items: filter ? all.filter(filter) : all, resourceVersion: String(this.store.resourceVersion()) });
  }

  create(user: UserInfo, resource: string, namespace: string | undefined, input: KubeObject, opts: SystemWriteOptions = {}, subresource?: string): Result<WriteResult> {
    const t = resourceType(resource);
    if (!t) return fail(notFoundPath(resource));
    if (!t.verbs.includes('create')) return fail(methodNotAllowed('the server does not allow this method on the requested resource'));
    const ns = t.namespaced ? (namespace ?? input.metadata?.namespace ?? 'default') : undefined;
    const denied = this.authorize(this.attrs(user, 'create', t, ns, undefined, subresource), t);
    if (denied) return fail(denied);
    const decoded = this.decode(t, input, opts, ns, user);
    if (!decoded.ok) return decoded;
    let obj = decoded.value.object;
    const warnings = [...decoded.value.warnings];
    const review = this.pipeline.review(t.resource, obj, user, this.store);
    if (review) return ok({ object: deepFreeze(copyUnfrozen(review)), warnings });
    // rest.BeforeCreate: name generation, uid, timestamps, then the strategy's PrepareForCreate.
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + this.random.string(5);
    if (!obj.metadata.name) return fail(invalid(t.kind, '', [{ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' }], t.group));
    if (t.namespaced) obj.metadata.namespace = ns;
    else delete obj.metadata.namespace;
    obj.metadata.uid = this.random.uuid();
    obj.metadata.creationTimestamp = this.clock.nowRfc3339();
    delete obj.metadata.deletionTimestamp;
    delete obj.metadata.resourceVersion;
    if (t.hasGeneration) obj.metadata.generation = 1;
    const resetStatus = STATUS_ON_CREATE[t.kind];
    if (resetStatus) obj.status = resetStatus(obj);
    obj = this.pipeline.prepareForCreate(this.pipeline.applyDefaults(obj));
    const admitted = this.admit('CREATE', t, obj, undefined, user, opts, subresource);
    if (!admitted.ok) return admitted;
    obj = admitted.value;
    const errors = this.validated(obj, opts, user, () => this.pipeline.validateCreate(obj));
    if (errors.length > 0) return fail(invalid(t.kind, obj.metadata.name!, errors, t.group));
    const rejected = this.validateAdmission('CREATE', t, obj, undefined, user, opts, subresource);
    if (rejected) return fail(rejected);
    if (this.store.get(t.resource, obj.metadata.namespace, obj.metadata.name!)) return fail(alreadyExists(t, obj.metadata.name!));
    const allocated = this.pipeline.allocate(obj, undefined, this.store, this.random);
    if (!allocated.ok) return fail(invalid(t.kind, obj.metadata.name!, allocated.errors, t.group));
    obj = allocated.value;
    if (opts.dryRun) return ok({ object: deepFreeze(obj), warnings });
    obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.store.put(t.resource, obj);
    return ok({ object: obj, warnings });
  }

  /**
   * Replaces an object. Through the main resource, status changes are ignored; through
   * `status`, everything but status is ignored; through a pod's `ephemeralcontainers`,
   * everything but spec.ephemeralContainers — as the real strategies do.
   */
  update(user: UserInfo, resource: string, namespace: string | undefined, input: KubeObject, opts: SystemWriteOptions = {}, subresource?: 'status' | 'scale' | 'ephemeralcontainers'): Result<WriteResult> {
    const t = resourceType(resource);
    if (!t) return fail(notFoundPath(resource));
    const name = input.metadata?.name ?? '';
    const ns = t.namespaced ? (namespace ?? input.metadata?.namespace ?? 'default') : undefined;
    const denied = this.authorize(this.attrs(user, 'update', t, ns, name, subresource), t);
    if (denied) return fail(denied);
    const old = this.store.get(t.resource, ns, name);
    if (!old) return fail(notFound(t, name));
    const decoded = this.decode(t, input, opts, ns, user);
    if (!decoded.ok) return decoded;
    let obj = decoded.value.object;
    const rv = input.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) return fail(conflict(t, name));
    // Fields the server owns cannot be changed by an update.
    obj.metadata = { ...obj.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, namespace: old.metadata.namespace };
    if (old.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
      obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else delete obj.metadata.deletionTimestamp;
    if (subresource === 'status') {
      // The stored object with the new status; its other parts are frozen, so shared.
      obj = { ...old, metadata: { ...old.metadata }, status: copyUnfrozen(obj.status) };
    } else if (subresource === 'ephemeralcontainers') {
      // dropNonEphemeralContainerUpdates: the stored pod with only the new ephemeral containers.
      const next = clone(old);
      next.spec = { ...next.spec, ephemeralContainers: copyUnfrozen(obj.spec?.ephemeralContainers) };
      if (next.spec.ephemeralContainers === undefined) delete next.spec.ephemeralContainers;
      obj = next;
    } else if (t.hasStatus && 'status' in old) obj.status = old.status;
    if (t.hasGeneration) obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged(old, obj) ? 1 : 0);
    if (subresource !== 'status') obj = this.pipeline.applyDefaults(this.pipeline.prepareForUpdate(obj, old));
    const admitted = this.admit('UPDATE', t, obj, old, user, opts, subresource);
    if (!admitted.ok) return admitted;
    obj = admitted.value;
    if (subresource === 'ephemeralcontainers') {
      const errors = this.validated(obj, opts, user, () => this.pipeline.validateEphemeralContainersUpdate?.(obj, old) ?? []);
      if (errors.length > 0) return fail(invalid(t.kind, name, errors, t.group));
    } else if (subresource !== 'status') {
      const errors = this.validated(obj, opts, user, () => this.pipeline.validateUpdate(obj, old));
      if (errors.length > 0) return fail(invalid(t.kind, name, errors, t.group));
    }
    const rejected = this.validateAdmission('UPDATE', t, obj, old, user, opts, subresource);
    if (rejected) return fail(rejected);
    if (subresource !== 'status') {
      const allocated = this.pipeline.allocate(obj, old, this.store, this.random);
      if (!allocated.ok) return fail(invalid(t.kind, name, allocated.errors, t.group));
      obj = allocated.value;
    }
    if (opts.dryRun) return ok({ object: deepFreeze(obj), warnings: decoded.value.warnings });
    // Removing the last finalizer of an object being deleted completes its deletion.
    // A pod is gone only once its kubelet has confirmed (grace period 0) and its finalizers are done.
    const confirmed = t.kind !== 'Pod' || obj.metadata.deletionGracePeriodSeconds === 0;
    if (obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).length === 0 && confirmed && t.kind !== 'Namespace') {
      const gone = this.store.remove(t.resource, ns, name)!;
      return ok({ object: gone, warnings: [] });
    }
    if (unchanged(old, obj)) return ok({ object: old, warnings: decoded.value.warnings });
    obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.store.put(t.resource, obj);
    return ok({ object: obj, warnings: decoded.value.warnings });
  }

  /**
   * Deletes an object: at once, or gracefully (pods on a node get a deletionTimestamp and
   * wait for their kubelet), or after finalizers (Foreground/Orphan add theirs).
   */
  delete(user: UserInfo, resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Result<WriteResult> {
    const t = resourceType(resource);
    if (!t) return fail(notFoundPath(resource));
    const ns = t.namespaced ? (namespace ?? 'default') : undefined;
    const denied = this.authorize(this.attrs(user, 'delete', t, ns, name), t);
    if (denied) return fail(denied);
    const old = this.store.get(t.resource, ns, name);
    if (!old) return fail(notFound(t, name));
    const rejected = this.validateAdmission('DELETE', t, old, old, user, opts);
    if (rejected) return fail(rejected);
    if (opts.dryRun) return ok({ object: old, warnings: [] });
    const finalizers = [...(old.metadata.finalizers ?? [])];
    const policy = opts.propagationPolicy ?? 'Background';
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    const grace = t.kind === 'Pod' ? podGracePeriod(old, opts.gracePeriodSeconds) : 0;
    if (t.kind === 'Namespace') return ok({ object: this.markNamespaceTerminating(old), warnings: [] });
    if (finalizers.length === 0 && grace === 0) {
      const gone = this.store.remove(t.resource, ns, name)!;
      return ok({ object: gone, warnings: [] });
    }
    if (old.metadata.deletionTimestamp) {
      // A second delete may only shorten the grace period (kubectl delete --grace-period=0 --force).
      const current = old.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace >= current && sameList(finalizers, old.metadata.finalizers)) return ok({ object: old, warnings: [] });
    }
    const obj: KubeObject = { ...old, metadata: { ...old.metadata } };
    obj.metadata.finalizers = finalizers.length > 0 ? finalizers : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    obj.metadata.deletionTimestamp = obj.metadata.deletionTimestamp && grace > 0 ? obj.metadata.deletionTimestamp : this.clock.nowRfc3339();
    if (grace > 0 || t.kind === 'Pod') obj.metadata.deletionGracePeriodSeconds = grace;
    if (t.hasGeneration) obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
    if (t.kind === 'Pod' && grace === 0 && finalizers.length === 0) {
      const gone = this.store.remove(t.resource, ns, name)!;
      return ok({ object: gone, warnings: [] });
    }
    obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.store.put(t.resource, obj);
    return ok({ object: obj, warnings: [] });
  }

  /**
   * pods/binding: the binding storage sets spec.nodeName and the PodScheduled condition in
   * one write, which an ordinary pod update may not do.
   */
  bindPod(user: UserInfo, namespace: string, name: string, nodeName: string): Result<KubeObject> {
    const t = resourceType('pods')!;
    const denied = this.authorize(this.attrs(user, 'create', t, namespace, name, 'binding'), t);
    if (denied) return fail(denied);
    const old = this.store.get('pods', namespace, name);
    if (!old) return fail(notFound(t, name));
    if (old.metadata.deletionTimestamp) return fail(conflict(t, name, 'pod is being deleted, cannot be assigned to a host'));
    if (old.spec?.nodeName) return fail(conflict(t, name, `pod ${name} is already assigned to node "${old.spec.nodeName}"`));
    const pod: KubeObject = { ...old, metadata: { ...old.metadata }, spec: { ...old.spec, nodeName } };
    const now = this.clock.nowRfc3339();
    const conditions = (pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'PodScheduled');
    pod.status = { ...pod.status, conditions: [...conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }] };
    pod.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.store.put('pods', pod);
    return ok(pod);
  }

  /** Removes an object whose deletion is complete (kubelet after a graceful stop, finalizers done). */
  finalizeDelete(resource: string, namespace: string | undefined, name: string): void {
    const obj = this.store.get(resource, namespace, name);
    if (!obj) return;
    if ((obj.metadata.finalizers ?? []).length === 0) {
      this.store.remove(resource, namespace, name);
      return;
    }
    // Finalizers still pending (e.g. the Job tracking finalizer): the object stays, marked as
    // confirmed, until the last one is removed.
    if (obj.metadata.deletionGracePeriodSeconds === 0 && obj.metadata.deletionTimestamp) return;
    const copy: KubeObject = { ...obj, metadata: { ...obj.metadata } };
    copy.metadata.deletionTimestamp ??= this.clock.nowRfc3339();
    copy.metadata.deletionGracePeriodSeconds = 0;
    copy.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.store.put(resource, copy);
  }

  private markNamespaceTerminating(old: KubeObject): KubeObject {
    if (old.metadata.deletionTimestamp) return old;
    const obj: KubeObject = { ...old, metadata: { ...old.metadata } };
    obj.metadata.deletionTimestamp = this.clock.nowRfc3339();
    obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
    obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.store.put('namespaces', obj);
    return obj;
  }

  /**
   * Validation: the schema's errors first, then the kind's own that the schema did not
   * already report. A system component's object skips the schema (see SystemWriteOptions).
   */
  private validated(obj: KubeObject, opts: SystemWriteOptions, user: UserInfo, semantic: () => FieldError[]): FieldError[] {
    if (opts.systemComponent) {
      if (VERIFY_SYSTEM_WRITES) {
        const schema = this.pipeline.validateSchema(obj);
        if (schema.length > 0) throw new Error(`${user.name} wrote ${obj.kind} ${obj.metadata.name}, which schema validation rejects: ${schema.map(fieldErrorMessage).join('; ')}`);
      }
      return semantic();
    }
    const schema = this.pipeline.validateSchema(obj);
    if (schema.length === 0) return semantic();
    const seen = new Set(schema.map(fieldErrorMessage));
    return [...schema, ...semantic().filter((e) => !seen.has(fieldErrorMessage(e)))];
  }

  private decode(t: ResourceType, input: KubeObject, opts: SystemWriteOptions, ns: string | undefined, user: UserInfo): Result<{ object: KubeObject; warnings: string[] }> {
    if (!input || typeof input !== 'object' || !input.metadata || typeof input.metadata !== 'object') {
      return fail(badRequest(`${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: missing metadata`));
    }
    if (input.kind !== undefined && input.kind !== t.kind) {
      return fail(badRequest(`the object provided is unrecognized (must be of type ${t.kind}): ${input.kind}`));
    }
    if (input.apiVersion !== undefined && !servesApiVersion(t, input.apiVersion)) {
      return fail(badRequest(`the API version in the data (${input.apiVersion}) does not match the expected API version (${apiVersionOf(t)})`));
    }
    if (t.namespaced && input.metadata.namespace && ns && input.metadata.namespace !== ns) {
      return fail(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
    }
    const mode = opts.fieldValidation ?? 'Strict';
    const warnings: string[] = [];
    // Stages up to defaulting change only the top level and metadata; defaulting then makes
    // the deep copy the server owns (the status and ephemeral-container paths, which skip
    // it, copy the part they keep). The caller's objects are never changed or frozen.
    const object: KubeObject = { ...input, metadata: { ...input.metadata } };
    object.apiVersion = input.apiVersion ?? apiVersionOf(t);
    object.kind = t.kind;
    if (opts.systemComponent) {
      const err = VERIFY_SYSTEM_WRITES ? this.pipeline.decode(t.resource, object, { strict: true }) : undefined;
      if (err) throw new Error(`${user.name} wrote ${t.kind} ${object.metadata.name}, which strict decoding rejects: ${err.message}`);
    } else {
      const err = this.pipeline.decode(t.resource, object, { strict: mode === 'Strict' });
      if (err) return fail(err);
    }
    if (mode === 'Warn') warnings.push(...this.pipeline.unknownFieldWarnings(object));
    object.apiVersion = apiVersionOf(t);
    delete object.metadata.managedFields;
    return ok({ object, warnings });
  }

  private request(op: Operation, t: ResourceType, obj: KubeObject, old: KubeObject | undefined, user: UserInfo, opts: WriteOptions, subresource?: string): AdmissionRequest {
    return { operation: op, resource: t.resource, subresource, object: obj, oldObject: old, namespace: obj.metadata.namespace, user, store: this.store, random: this.random, dryRun: !!opts.dryRun, now: this.clock.nowRfc3339() };
  }

  private admit(op: Operation, t: ResourceType, obj: KubeObject, old: KubeObject | undefined, user: UserInfo, opts: WriteOptions, subresource?: string): Result<KubeObject> {
    let req = this.request(op, t, obj, old, user, opts, subresource);
    for (const plugin of this.pipeline.mutating) {
      if (!plugin.mutate) continue;
      const r = plugin.mutate(req);
      if (!r.ok) return r;
      if (r.value !== req.object) req = { ...req, object: r.value, namespace: r.value.metadata.namespace };
    }
    return ok(req.object);
  }

  private validateAdmission(op: Operation, t: ResourceType, obj: KubeObject, old: KubeObject | undefined, user: UserInfo, opts: WriteOptions, subresource?: string): StatusError | undefined {
    const req = this.request(op, t, obj, old, user, opts, subresource);
    for (const plugin of this.pipeline.validating) {
      const err = plugin.validate?.(req);
      if (err) return err;
    }
    return undefined;
  }
}

function notFoundPath(resource: string): StatusError {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `the server could not find the requested resource (${resource})` };
}

/** The effective grace period for deleting a pod (pod strategy CheckGracefulDelete). */
function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  if (!pod.spec?.nodeName) return 0;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
  const grace = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  // The API server turns a request for 0 without force into 1s; kubectl sends 1 for --now.
  return Math.max(0, grace);
}

/** Whether anything but metadata and status differs, key order included (as comparing their JSON does). */
function specChanged(old: KubeObject, obj: KubeObject): boolean {
  const { metadata: _m, status: _s, ...before } = old;
  const { metadata: _n, status: _t, ...after } = obj;
  return !sameJson(before, after);
}

/** A value JSON leaves out of an object (and writes as null in a list). */
const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Plain data: anything else (Dates, boxed values, toJSON) is compared by its JSON text. */
function plain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === Array.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * Whether `JSON.stringify(a) === JSON.stringify(b)` — key order counts — without building
 * the strings; shared (frozen, stored) parts compare at once.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b && typeof a !== 'bigint') return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    const leaf = (v: unknown): unknown => (skipped(v) ? undefined : typeof v === 'number' && !Number.isFinite(v) ? null : v);
    if (typeof a === 'bigint' || typeof b === 'bigint' || (typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null)) return JSON.stringify(a) === JSON.stringify(b);
    return leaf(a) === leaf(b);
  }
  if (!plain(a) || !plain(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(skipped(a[i]) ? null : a[i], skipped(b[i]) ? null : b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xs = Object.keys(x);
  const ys = Object.keys(y);
  let j = 0;
  for (const k of xs) {
    if (skipped(x[k])) continue;
    while (j < ys.length && skipped(y[ys[j]!])) j++;
    if (j >= ys.length || ys[j] !== k || !sameJson(x[k], y[k])) return false;
    j++;
  }
  while (j < ys.length && skipped(y[ys[j]!])) j++;
  return j === ys.length;
}

function unchanged(old: KubeObject, obj: KubeObject): boolean {
  const a = { ...old, metadata: { ...old.metadata, resourceVersion: undefined } };
  const b = { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } };
  return jsonEqual(a, b);
}

/**
 * Whether two values serialise to the same JSON up to key order (what comparing their
 * stableJson says), without building the strings: absent and undefined fields are the
 * same, and so are undefined and null in a list.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined || typeof x[k] === 'function') continue;
    count++;
    if (!jsonEqual(x[k], y[k])) return false;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined && typeof y[k] !== 'function') count--;
  return count === 0;
}

/** JSON with sorted keys, so that key order does not count as a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

export { qualifiedResource };
