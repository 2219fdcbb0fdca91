/**
 * The API as a client sees it: the calls kubectl, lesson checks and controllers make,
 * each as one user. Everything outside src/engine talks to the cluster through this.
 */
import { parseFieldSelector, parseLabelSelector, fieldsMatch, labelsMatch } from './selectors.js';
import { badRequest, invalid, notFound } from './errors.js';
import { resourceType } from './discovery.js';
import type { ApiServer, DeleteOptions, SystemWriteOptions, WriteOptions, WriteResult } from './server.js';
import { clone, type StoredEvent } from './store.js';
import { evictPod, type EvictOptions } from '../controllers/disruption/eviction.js';
import { fail, ok, type KubeObject, type ObjectList, type Result, type UserInfo } from './types.js';

export type { DeleteOptions, EvictOptions, WriteOptions, WriteResult };

/** The API server's own identity, for work it does on a request's behalf (eviction). */
const API_SERVER_USER: UserInfo = { name: 'system:apiserver', groups: ['system:masters'] };

/** metav1.ListOptions, as far as the engine serves them. */
export interface ListOptions {
  /** Omit for all namespaces. */
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

export type PatchType = 'merge' | 'json' | 'strategic';

/** pods/log options. */
export interface LogOptions {
  readonly container?: string;
  readonly previous?: boolean;
  readonly tailLines?: number;
  readonly sinceSeconds?: number;
  readonly timestamps?: boolean;
}

/** pods/exec options and result. */
export interface ExecOptions {
  readonly container?: string;
  readonly command: readonly string[];
  readonly stdin?: string;
}
export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Serves pods/log and pods/exec: the kubelets' side of those subresources. */
export interface PodConnector {
  logs(pod: KubeObject, opts: LogOptions): Result<string>;
  exec(pod: KubeObject, opts: ExecOptions): Result<ExecResult>;
}

/** Applies a patch document (wired to the schema-aware patcher). */
export type Patcher = (obj: KubeObject, patch: unknown, type: PatchType) => Result<KubeObject>;

export interface ApiClientDeps {
  readonly server: ApiServer;
  readonly patcher: () => Patcher;
  readonly connector: () => PodConnector | undefined;
  /** Set for the clients of the cluster's own components: see systemComponent(). */
  readonly systemComponent?: boolean;
}

/** The client: plain data in, plain data (or a Status) out. */
export class ApiClient {
  constructor(
    readonly user: UserInfo,
    private readonly deps: ApiClientDeps,
  ) {}

  private get server(): ApiServer {
    return this.deps.server;
  }

  /**
   * This client as one of the cluster's own components (a controller, the scheduler, a
   * kubelet) uses it: their writes skip strict decoding and the schema checks, which the
   * objects the engine builds always pass (see SystemWriteOptions). Never for users' requests.
   */
  systemComponent(): ApiClient {
    return new ApiClient(this.user, { ...this.deps, systemComponent: true });
  }

  /** Write options with this client's system-component mark. */
  private opts(opts: WriteOptions | undefined): SystemWriteOptions | undefined {
    return this.deps.systemComponent ? { ...opts, systemComponent: true } : opts;
  }

  get(resource: string, namespace: string | undefined, name: string): Result<KubeObject> {
    return this.server.get(this.user, resource, namespace, name);
  }

  list(resource: string, opts: ListOptions = {}): Result<ObjectList> {
    const t = resourceType(resource);
    let filter: ((o: KubeObject) => boolean) | undefined;
    if (opts.labelSelector) {
      const parsed = parseLabelSelector(opts.labelSelector);
      if (!parsed.ok) return fail(badRequest(parsed.error));
      filter = (o) => labelsMatch(parsed.selector, o.metadata.labels);
    }
    if (opts.fieldSelector) {
      const parsed = parseFieldSelector(opts.fieldSelector, resource);
      if (!parsed.ok) return fail(badRequest(parsed.error));
      const prev = filter;
      filter = (o) => (!prev || prev(o)) && fieldsMatch(parsed.selector, o);
    }
    const r = this.server.list(this.user, resource, opts.namespace, filter);
    if (!r.ok) return r;
    return ok({ apiVersion: t ? (t.group ? `${t.group}/${t.version}` : t.version) : 'v1', kind: `${t?.kind ?? 'Unknown'}List`, metadata: { resourceVersion: r.value.resourceVersion }, items: r.value.items });
  }

  create(resource: string, namespace: string | undefined, obj: KubeObject, opts?: WriteOptions): Result<WriteResult> {
    return this.server.create(this.user, resource, namespace, obj, this.opts(opts));
  }

  update(resource: string, namespace: string | undefined, obj: KubeObject, opts?: WriteOptions): Result<WriteResult> {
    return this.server.update(this.user, resource, namespace, obj, this.opts(opts));
  }

  updateStatus(resource: string, namespace: string | undefined, obj: KubeObject): Result<WriteResult> {
    return this.server.update(this.user, resource, namespace, obj, this.opts({}), 'status');
  }

  /** Reads, patches and writes back, as the server's patch handler does (no stale-version check). */
  patch(resource: string, namespace: string | undefined, name: string, patch: unknown, type: PatchType, opts?: WriteOptions & { subresource?: 'status' }): Result<WriteResult> {
    const current = this.server.get(this.user, resource, namespace, name);
    if (!current.ok) return current;
    const patched = this.deps.patcher()(clone(current.value), patch, type);
    if (!patched.ok) return patched;
    const next = patched.value;
    next.metadata = { ...next.metadata, resourceVersion: current.value.metadata.resourceVersion };
    return this.server.update(this.user, resource, namespace, next, this.opts(opts), opts?.subresource);
  }

  delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): Result<WriteResult> {
    return this.server.delete(this.user, resource, namespace, name, opts);
  }

  /** The scale subresource: spec.replicas of a Deployment, ReplicaSet or StatefulSet. */
  getScale(resource: string, namespace: string, name: string): Result<KubeObject> {
    const denied = this.authorizeSub('get', resource, namespace, name, 'scale');
    if (denied) return denied;
    const r = this.server.get(this.user, resource, namespace, name);
    return r.ok ? ok(scaleOf(r.value)) : r;
  }

  updateScale(resource: string, namespace: string, name: string, replicas: number, opts?: WriteOptions): Result<WriteResult> {
    const denied = this.authorizeSub('update', resource, namespace, name, 'scale');
    if (denied) return denied;
    const r = this.server.get(API_SERVER_USER, resource, namespace, name);
    if (!r.ok) return r;
    const obj = clone(r.value);
    obj.spec = { ...obj.spec, replicas };
    return this.server.update(API_SERVER_USER, resource, namespace, obj, opts);
  }

  /**
   * A patch on the scale subresource (what `kubectl scale` sends without preconditions):
   * authorized as `patch` on `<resource>/scale`, applied to the Scale, whose spec.replicas
   * is written back to the object.
   */
  patchScale(resource: string, namespace: string, name: string, patch: unknown, type: PatchType = 'merge', opts?: WriteOptions): Result<WriteResult> {
    const denied = this.authorizeSub('patch', resource, namespace, name, 'scale');
    if (denied) return denied;
    const r = this.server.get(API_SERVER_USER, resource, namespace, name);
    if (!r.ok) return r;
    const patched = this.deps.patcher()(scaleOf(r.value), patch, type);
    if (!patched.ok) return patched;
    const replicas = patched.value.spec?.replicas;
    // ValidateScale: spec.replicas must be a non-negative integer.
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      return fail(invalid('Scale', name, [{ type: 'Invalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }], 'autoscaling'));
    }
    const obj = clone(r.value);
    obj.spec = { ...obj.spec, replicas };
    return this.server.update(API_SERVER_USER, resource, namespace, obj, opts);
  }

  /**
   * A client acting as another user (`--as`, `--as-group`), if this user may impersonate
   * them; otherwise the server's Forbidden.
   */
  impersonate(as: { user?: string; groups?: string[] }): Result<ApiClient> {
    const who = this.server.impersonate(this.user, as);
    return who.ok ? ok(new ApiClient(who.value, { ...this.deps, systemComponent: false })) : who;
  }

  /** `kubectl auth can-i`: a SelfSubjectAccessReview for this user. */
  canI(attrs: { verb: string; resource: string; group?: string; subresource?: string; namespace?: string; name?: string }): Result<{ allowed: boolean; reason?: string }> {
    const review: KubeObject = {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: {},
      spec: { resourceAttributes: { verb: attrs.verb, resource: attrs.resource, group: attrs.group ?? '', subresource: attrs.subresource, namespace: attrs.namespace, name: attrs.name } },
    };
    const r = this.server.create(this.user, 'selfsubjectaccessreviews', undefined, review);
    return r.ok ? ok(r.value.object.status) : r;
  }

  /** pods/binding: what the scheduler posts to place a pod on a node. */
  bind(namespace: string, podName: string, nodeName: string): Result<KubeObject> {
    return this.server.bindPod(this.user, namespace, podName, nodeName);
  }

  logs(namespace: string, podName: string, opts: LogOptions = {}): Result<string> {
    const denied = this.authorizeSub('get', 'pods', namespace, podName, 'log');
    if (denied) return denied;
    const pod = this.server.store.get('pods', namespace, podName);
    if (!pod) return fail(notFound(resourceType('pods')!, podName));
    const c = this.deps.connector();
    return c ? c.logs(pod, opts) : ok('');
  }

  exec(namespace: string, podName: string, opts: ExecOptions): Result<ExecResult> {
    const denied = this.authorizeSub('create', 'pods', namespace, podName, 'exec');
    if (denied) return denied;
    const pod = this.server.store.get('pods', namespace, podName);
    if (!pod) return fail(notFound(resourceType('pods')!, podName));
    const c = this.deps.connector();
    if (!c) return fail(badRequest('no kubelet serves exec'));
    return c.exec(pod, opts);
  }

  /**
   * pods/eviction (`kubectl drain`, a lesson evicting a pod): the caller needs `create
   * pods/eviction`; the API server then deletes the pod with its own rights, unless that
   * would break the pod's PodDisruptionBudget (429 TooManyRequests, which drain retries).
   * Answers the pod as deleted (or as it would be, on a dry run).
   */
  evict(namespace: string, podName: string, opts: EvictOptions = {}): Result<KubeObject> {
    const denied = this.authorizeSub('create', 'pods', namespace, podName, 'eviction');
    if (denied) return denied;
    return evictPod(new ApiClient(API_SERVER_USER, this.deps), this.server, namespace, podName, opts);
  }

  /**
   * pods/ephemeralcontainers (`kubectl debug POD --image=... --target=C`): writes the pod's
   * spec.ephemeralContainers and nothing else; the pod's kubelet then starts the new ones.
   */
  updateEphemeralContainers(namespace: string, podName: string, pod: KubeObject, opts?: WriteOptions): Result<WriteResult> {
    return this.server.update(this.user, 'pods', namespace, { ...pod, metadata: { ...pod.metadata, name: podName } }, opts, 'ephemeralcontainers');
  }

  /** Follows changes of one resource; returns the unsubscribe. */
  watch(resource: string, opts: ListOptions, listener: (e: StoredEvent) => void): Result<() => void> {
    const first = this.list(resource, { ...opts });
    if (!first.ok) return first;
    const label = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
    const unsubscribe = this.server.store.subscribe((e) => {
      if (e.resource !== resource) return;
      if (opts.namespace !== undefined && e.object.metadata.namespace !== opts.namespace) return;
      if (label?.ok && !labelsMatch(label.selector, e.object.metadata.labels)) return;
      listener(e);
    });
    return ok(unsubscribe);
  }

  private authorizeSub(verb: string, resource: string, namespace: string, name: string, subresource: string): { ok: false; error: import('./types.js').StatusError } | undefined {
    const t = resourceType(resource);
    if (!t) return undefined;
    const err = this.server.authorize({ user: this.user, verb, apiGroup: t.group, resource: t.resource, subresource, namespace, name, resourceRequest: true }, t);
    return err ? { ok: false, error: err } : undefined;
  }
}

/** The autoscaling/v1 Scale view of a Deployment, ReplicaSet or StatefulSet. */
function scaleOf(o: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = o.metadata;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector: selectorString(o.spec?.selector) },
  };
}

function selectorString(selector: { matchLabels?: Record<string, string> } | undefined): string {
  return Object.entries(selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
