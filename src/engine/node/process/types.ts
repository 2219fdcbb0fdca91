/**
 * The seam between a kubelet and what runs inside its containers. The kubelet builds a
 * ProcessHost (env, filesystem with mounts, network, log sink, virtual clock) and calls
 * startProcess; the process then runs in steps on virtual time: each next() runs until it
 * sleeps, waits forever or exits, and the kubelet calls next() again once the sleep has
 * elapsed on the cluster clock. Nothing here reads the wall clock or blocks.
 */
import type { ImageInfo, PortSpec } from '../../images/types.js';

/** Why a filesystem call failed, as errno names (the messages differ by libc/busybox). */
export type FsError = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'EROFS' | 'ENOTEMPTY';

/** A filesystem result: done, or the errno. */
export type FsResult = { readonly ok: true } | { readonly ok: false; readonly error: FsError };

/** The files a container sees, image layers and mounted volumes together, by absolute path. */
export interface ContainerFs {
  /** The content of a regular file, or undefined when there is none. */
  read(path: string): string | undefined;
  /** Creates or replaces (or appends to) a file; the parent directory must exist. */
  write(path: string, content: string, options?: { readonly append?: boolean }): FsResult;
  /** Names in a directory, sorted, or undefined when it is not a directory. */
  list(path: string): string[] | undefined;
  /** What is at a path. */
  stat(path: string): 'file' | 'dir' | undefined;
  /** Whether anything is at a path. */
  exists(path: string): boolean;
  mkdir(path: string, options?: { readonly parents?: boolean }): FsResult;
  remove(path: string, options?: { readonly recursive?: boolean }): FsResult;
}

/** A name lookup through the pod's resolver (cluster DNS with search domains for ClusterFirst). */
export type ResolveResult =
  | { readonly ok: true; readonly ips: readonly string[]; readonly fqdn: string }
  | { readonly ok: false };

/** An HTTP request's outcome as a client inside the pod sees it. */
export type RequestResult =
  | { readonly ok: true; readonly status: number; readonly body: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly error: 'refused' | 'timeout' | 'unresolved' | 'unreachable' };

/** The pod's view of the network. */
export interface ProcessNet {
  resolve(name: string): ResolveResult;
  /** A PTR lookup (busybox 1.28's nslookup prints the names of addresses); undefined when none. */
  reverse?(ip: string): string | undefined;
  /** An HTTP request; the network decides which process answers (Service, pod IP, localhost). */
  request(url: string, options: { readonly timeoutMs: number; readonly method?: string; readonly userAgent?: string; readonly headers?: Readonly<Record<string, string>> }): RequestResult;
  /** A TCP connect only (nc -z, probes). Defaults to request() when absent. */
  connect?(host: string, port: number, options: { readonly timeoutMs: number }): { readonly ok: true } | { readonly ok: false; readonly error: 'refused' | 'timeout' | 'unresolved' | 'unreachable' };
  /** The nameserver in the pod's resolv.conf (10.96.0.10 for ClusterFirst). */
  readonly dnsServer: string;
  /** The search list of resolv.conf (`default.svc.cluster.local svc.cluster.local cluster.local`). */
  readonly search?: readonly string[];
}

/** Everything a process may touch. Built by the kubelet, faked in tests. */
export interface ProcessHost {
  /** The container's environment as the kubelet computed it (pod env, service links, HOSTNAME). */
  readonly env: Readonly<Record<string, string>>;
  readonly hostname: string;
  /** The pod IP (httpd's AH00558 message quotes it). */
  readonly podIP?: string;
  readonly fs: ContainerFs;
  readonly net: ProcessNet;
  /** Appends to the container log. `text` is one or more whole lines, each ending in `\n`. */
  log(stream: 'stdout' | 'stderr', text: string): void;
  /** Virtual epoch milliseconds. */
  now(): number;
  /**
   * The processes of the container's PID namespace, by pid (what `ps` lists): its own main
   * process, or every container's with a shared namespace or an ephemeral container's target.
   * Absent in hosts that do not model it (then `ps` shows the main process as PID 1 only).
   */
  processes?(): readonly ProcessEntry[];
  /** The next free pid of the namespace, for a process started in it (exec, `ps` itself). */
  nextPid?(): number;
}

/** One process as `ps` shows it. */
export interface ProcessEntry {
  readonly pid: number;
  /** The user name (`root`), or a uid with no passwd entry (`65535`). */
  readonly user: string;
  /** The command line, arguments joined by spaces. */
  readonly command: string;
  /** Virtual epoch milliseconds. */
  readonly startedAt: number;
}

/** What a process does next: sleep for a while, wait for a signal forever, or exit. */
export type ProcessStep =
  | { readonly kind: 'sleep'; readonly ms: number }
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'wait-forever' };

/** The signals a kubelet sends: TERM at stop (or the image's STOPSIGNAL), KILL after the grace period. */
export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT' | 'SIGQUIT';

/** An HTTP request arriving at a port of the container (from a probe, a Service or another pod). */
export interface HttpRequest {
  readonly port: number;
  readonly method: string;
  readonly path: string;
  /** The Host header. */
  readonly host: string;
  readonly clientIp: string;
  readonly userAgent: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An HTTP answer. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A running container process. */
export interface Process {
  /** Runs until the process sleeps, waits or exits. After `exit`, keeps returning that exit. */
  next(): ProcessStep;
  /**
   * Delivers a signal. Returns the exit when the process ends at once; undefined when it
   * ignores the signal (a PID-1 shell without a trap) or handles it at its next wake-up
   * (a trap runs after the current `sleep` finishes, as in a real shell).
   */
  signal(signal: Signal): ProcessStep | undefined;
  /** Ports open now (a server listens only after its start delay). */
  listening(): readonly PortSpec[];
  /**
   * Answers an HTTP request: the answer, `refused` when nothing listens on the port, or
   * `not-http` when something listens but does not speak HTTP (redis, mysql).
   */
  http(request: HttpRequest): HttpAnswer | 'refused' | 'not-http';
  /** Current resource use, for OOM decisions and metrics. */
  usage(): { readonly memoryMiB: number; readonly cpuMilli: number };
}

/** The outcome of starting a container's process. */
export type StartResult =
  | { readonly ok: true; readonly process: Process }
  /** The runtime could not start it: the container terminates with reason StartError and exit code 128. */
  | { readonly ok: false; readonly reason: 'StartError'; readonly exitCode: number; readonly message: string };

/** What `kubectl exec` gets back. */
export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Virtual time the command took (its sleeps), so the caller may advance the cluster. */
  readonly elapsedMs: number;
  /** Set when the command was still running when the budget ran out (`sleep 3600`). */
  readonly timedOut: boolean;
}

/** The container as the kubelet describes it to startProcess. */
export interface ContainerCommand {
  /** `command` of the container spec (replaces the image ENTRYPOINT). */
  readonly command?: readonly string[];
  /** `args` of the container spec (replaces the image CMD). */
  readonly args?: readonly string[];
  /**
   * `stdin: true` without `stdinOnce`: the runtime keeps the container's stdin open, so a
   * shell started without a script waits for input instead of exiting (a debug container).
   */
  readonly stdinOpen?: boolean;
}

export type { ImageInfo, PortSpec };
