/**
 * What a kubelet keeps about the pods on its node: per pod its sandbox (IP, volumes), per
 * container the instances it has run (current and previous, with their processes and
 * logs), pulls in flight, probe workers and the back-off tables.
 */
import type { KubeObject } from '../api/types.js';
import type { ControllerContext } from '../controllers/types.js';
import type { ImageInfo } from '../images/types.js';
import type { PullJob } from './images.js';
import type { ContainerFs, Process, ProcessHost } from './process/index.js';
import type { PodVolume } from './volumes.js';

/** One line of a container log. */
export interface LogLine {
  readonly time: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** One run of a container: what `containerd://<id>` refers to. */
export interface Instance {
  readonly id: string;
  readonly image: ImageInfo;
  /** The spec image it was created from (a changed spec image restarts it). */
  readonly specImage: string;
  readonly process: Process | undefined;
  readonly host: ProcessHost;
  /** The command line it runs (for `ps`). */
  readonly command: string;
  /** Its PID namespace (see pid-namespaces.ts) and the pid of its main process there. */
  readonly pidNamespace: string;
  readonly pid: number;
  readonly startedAt: number;
  /** The process's own notion of now while it is stepped (its wake-up time). */
  clock: number;
  /** When the process next needs stepping; undefined while it waits forever. */
  wakeAt: number | undefined;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  readonly logs: LogLine[];
  /**
   * Set while it is being stopped: asked at `since`, SIGTERM at `termAt` (after a preStop
   * hook), SIGKILL at `deadline`; `keepReady` when the container reads Ready until it dies
   * (a liveness kill).
   */
  kill?: { readonly since: number; readonly termAt: number; termSent: boolean; readonly deadline: number; readonly keepReady?: boolean };
  /**
   * A postStart hook: it runs until `until`, and the container is not Running before that
   * (the kubelet's sync is blocked in it, so the API keeps showing `shownWaiting`). `error`
   * is the FailedPostStartHook message when it failed; the container is then killed.
   */
  postStart?: { readonly until: number; readonly error?: string; readonly shownWaiting?: { readonly reason: string; readonly message?: string }; killed?: boolean };
}

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

/** A probe worker (pkg/kubelet/prober/worker.go) for one container and probe type. */
export interface ProbeState {
  readonly kind: ProbeKind;
  nextAt: number;
  successes: number;
  failures: number;
  /** The last decided result for the instance it watches. */
  result: boolean;
  instanceId: string | undefined;
  /** After a liveness/startup failure the worker waits for a new container. */
  onHold: boolean;
}

/** The kubelet's record of one container of a pod. */
export interface ContainerRuntime {
  readonly name: string;
  readonly kind: 'init' | 'sidecar' | 'app' | 'ephemeral';
  /** The container spec as of the last sync. */
  spec: KubeObject['spec'];
  current?: Instance;
  previous?: Instance;
  restartCount: number;
  /** An explicit waiting state (back-off, pull or config errors); default reasons are derived. */
  waiting?: { reason: string; message?: string };
  pull?: PullJob;
  ready: boolean;
  started: boolean;
  readonly probes: ProbeState[];
  /** When a CreateContainerConfigError is retried. */
  retryAt?: number;
}

/** The kubelet's record of one pod on its node. */
export interface PodRuntime {
  readonly key: string;
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly admittedAt: number;
  /** The pause container and network are up at this time. */
  readonly sandboxAt: number;
  ip?: string;
  volumes?: ReadonlyMap<string, PodVolume>;
  readonly emptyDirs: Map<string, ContainerFs>;
  mountRetryAt?: number;
  mountDelay?: number;
  /** `configmaps/NAME`, `secrets/NAME` its volumes project files from (volume-refresh.ts). */
  readonly volumeSources: ReadonlySet<string>;
  /** Whether a downwardAPI file shows labels or annotations, and their text when last projected. */
  readonly projectsMetadata: boolean;
  volumeMetadata?: string;
  /** A source changed since the last refresh; the refresh waits for the next periodic sync. */
  volumesStale: boolean;
  volumeRefreshAt?: number;
  readonly containers: ContainerRuntime[];
  /** Ephemeral containers (`kubectl debug`), in the order they were added; never restarted. */
  readonly ephemeral: ContainerRuntime[];
  /** The next free pid of each PID namespace of the pod. */
  readonly pidCounters: Map<string, number>;
  /** Waiting for a ConfigMap, Secret or claim to appear: their changes re-sync the pod. */
  blocked: boolean;
  /** Reached Succeeded or Failed: nothing runs again. */
  finished: boolean;
  /** The earliest re-sync already scheduled. */
  timerAt?: number;
  /** Something changed since the last status write. */
  dirty: boolean;
  /** resourceVersion of the kubelet's own last write, to ignore its echo. */
  lastWrite?: string;
  lastStatus?: string;
  /** Set once the kubelet has begun stopping the pod's containers for deletion. */
  stopping?: { readonly since: number };
}

/** Everything a pod sync needs, bundled. */
export interface SyncEnv {
  readonly ctx: ControllerContext;
  readonly now: number;
  readonly pod: KubeObject;
  readonly rt: PodRuntime;
  /** Earliest time something is due; the worker requeues for it. */
  wake(at: number): void;
}
