/**
 * The shapes of the image catalog. The catalog itself is data (catalog.json); these types
 * say what an image entry may contain. A repository names a profile (how every tag of it
 * behaves) and lists its tags with their size and digest.
 */

/** A log line template. `{time:nginx}`, `{time:pg}`, `{time:redis}`, `{time:mysql}`,
 * `{time:iso}`, `{time:klog}`, `{hostname}`, `{version}` and `{env:NAME}` are filled in
 * when the line is printed. A line prefixed with `!` goes to stderr. */
export type LogTemplate = string;

/** How one port answers HTTP. */
export type HttpHandler =
  /** Files from the container's filesystem under `root` (nginx, httpd): index file for `/`,
   * 403 for a directory without one, 404 otherwise. Pages are templates in `pages`. */
  | { readonly kind: 'static'; readonly root: string; readonly index: string; readonly server: string;
      readonly notFound: string; readonly forbidden: string }
  /** The same body for every path. */
  | { readonly kind: 'fixed'; readonly status: number; readonly body: string; readonly contentType?: string }
  /** Paths with their own answers; anything else gets `fallback`. */
  | { readonly kind: 'routes'; readonly routes: Readonly<Record<string, { readonly status: number; readonly body: string }>>;
      readonly fallback: { readonly status: number; readonly body: string } }
  /** The echoserver: prints the request back (k8s.gcr.io/echoserver). */
  | { readonly kind: 'echo' }
  /** agnhost liveness / registry.k8s.io/liveness: /healthz is 200 `ok` for `healthyForMs`, then 500 `error: <seconds>`. */
  | { readonly kind: 'liveness'; readonly healthyForMs: number };

/** A listening socket of a running program. */
export interface PortSpec {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  /** How the port answers HTTP; a TCP-only port (redis, mysql, grpc) has none. */
  readonly http?: HttpHandler;
}

/** Env vars a program insists on: if none of `anyOf` is set (and no `unless` pair matches), it prints `logs` and exits. */
export interface RequiredEnv {
  readonly anyOf: readonly string[];
  readonly unless?: Readonly<Record<string, string>>;
  readonly logs: readonly LogTemplate[];
  readonly exitCode: number;
}

/** What an image's default program does when the container runs it. */
export type ProgramSpec =
  /** A server: prints `logs`, listens on `ports` after `startDelayMs`, runs until stopped. */
  | { readonly kind: 'server'; readonly logs: readonly LogTemplate[]; readonly ports: readonly PortSpec[];
      readonly requiredEnv?: RequiredEnv; readonly stopLogs?: readonly LogTemplate[];
      /** Whether SIGTERM (or the image's STOPSIGNAL) ends it; PID-1 programs without a handler ignore it. */
      readonly handlesTerm: boolean; readonly stopExitCode?: number }
  /** Runs for `runMs`, prints `logs` and exits with `code` (busybox's `sh` with no stdin exits 0 at once). */
  | { readonly kind: 'exit'; readonly logs: readonly LogTemplate[]; readonly code: number; readonly runMs?: number }
  /** Sleeps forever without output (pause, `sleep infinity`). */
  | { readonly kind: 'pause'; readonly handlesTerm: boolean };

/** Which nslookup the image ships, because the output formats differ. */
export type NslookupFlavor = 'busybox-1.28' | 'busybox' | 'bind';

/** How an image behaves, shared by its tags. */
export interface ImageProfile {
  /** ENTRYPOINT and CMD of the image config. */
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** ENV of the image config (PATH etc.). */
  readonly env?: Readonly<Record<string, string>>;
  readonly workingDir?: string;
  /** `busybox` (ash), `bash`, `dash`, or null for distroless images with no shell at all. */
  readonly shell: 'busybox' | 'bash' | 'dash' | null;
  /** Executables on PATH besides the shell's builtins (basenames). */
  readonly binaries: readonly string[];
  readonly nslookup?: NslookupFlavor;
  /** Files shipped in the image, by absolute path. */
  readonly files?: Readonly<Record<string, string>>;
  /** Resident memory of the default program once started, MiB. */
  readonly memoryMiB: number;
  /** CPU the default program uses when idle, millicores. */
  readonly cpuMilli?: number;
  /** Time from container start until the program listens / is up. */
  readonly startDelayMs: number;
  /** What the default entrypoint does; keyed by the executable the entrypoint/cmd resolves to. */
  readonly program: ProgramSpec;
  /** Named programs this image can run besides its default (agnhost subcommands, e.g. `liveness`). */
  readonly subcommands?: Readonly<Record<string, ProgramSpec>>;
  /** What the image's own binaries print for a version flag (`nginx -v`), by binary basename. */
  readonly versionOutput?: Readonly<Record<string, VersionOutput>>;
}

/** A binary's answer to `<binary> <flag>` for one of `flags`: `lines` (`!` = stderr), exit 0. */
export interface VersionOutput {
  readonly flags: readonly string[];
  readonly lines: readonly LogTemplate[];
}

/** One tag of a repository. */
export interface TagEntry {
  readonly size: number;
  readonly digest: string;
  /** The application version `{version}` expands to (nginx 1.25.5). */
  readonly version?: string;
  /** A different profile for this tag only (busybox 1.28's old nslookup, nginx:alpine). */
  readonly profile?: string;
}

/** A repository in the catalog. */
export interface RepositoryEntry {
  readonly profile: string;
  readonly tags: Readonly<Record<string, TagEntry>>;
  /** Set for repositories that need imagePullSecrets. */
  readonly private?: boolean;
}

/** A profile as written in catalog data: it may extend another profile and override fields. */
export type ProfileData = Partial<ImageProfile> & { readonly extends?: string };

/** The catalog file's shape. */
export interface CatalogData {
  readonly profiles: Readonly<Record<string, ProfileData>>;
  readonly repositories: Readonly<Record<string, RepositoryEntry>>;
  /** Registry hosts that resolve; others fail with `no such host`. */
  readonly registries: readonly string[];
  /** Text shared by several profiles (pages, long log blocks), referenced as `@text:<name>`. */
  readonly texts?: Readonly<Record<string, string>>;
}

/** A pullable image: what the kubelet needs to pull, report and run it. */
export interface ImageInfo {
  /** The reference as written in the pod spec. */
  readonly image: string;
  /** `docker.io/library/nginx:1.25` */
  readonly normalized: string;
  /** `docker.io/library/nginx@sha256:…` — the container status imageID. */
  readonly imageId: string;
  readonly digest: string;
  readonly size: number;
  readonly version: string | undefined;
  readonly profile: ImageProfile;
}
