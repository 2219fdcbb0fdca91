/**
 * The image catalog: which images and tags exist, what a pull of them returns, and how
 * they behave. The data lives in catalog.json; lessons add their own images as data with
 * createImageCatalog(extension). A lookup answers like the registry and containerd would:
 * the image, or the exact CRI error the kubelet reports in its Failed event.
 */
import builtin from './catalog.json' with { type: 'json' };
import { parseImageReference, type ImageReference } from './reference.js';
import { invalidImageName, noSuchHost, repositoryDenied, tagNotFound, unauthorized } from './pull-errors.js';
import type { CatalogData, ImageInfo, ImageProfile, ProfileData, RepositoryEntry, TagEntry } from './types.js';

/** Images a lesson adds or overrides; every field optional, same shape as catalog.json. */
export type CatalogExtension = Partial<CatalogData>;

/** What the kubelet passes along with a pull. */
export interface PullOptions {
  /** Registry hosts the pod has credentials for (from its imagePullSecrets' .dockerconfigjson). */
  readonly credentials?: readonly string[];
  /** The node's own DNS resolver, quoted in `no such host` errors. */
  readonly resolver?: string;
}

/** The outcome of a pull: the image, or the waiting reason and message the kubelet shows. */
export type PullResult =
  | { readonly ok: true; readonly image: ImageInfo }
  | { readonly ok: false; readonly reason: 'ErrImagePull' | 'InvalidImageName'; readonly message: string };

/** The resolver a kubeadm node on systemd-resolved uses. */
export const DEFAULT_NODE_RESOLVER = '127.0.0.53:53';

/** An immutable catalog: built-in images plus any extensions. */
export interface ImageCatalog {
  /** Looks an image up as a pull would. */
  pull(image: string, options?: PullOptions): PullResult;
  /** The profile by name (after `extends` is applied), for tests and tools. */
  profile(name: string): ImageProfile | undefined;
  /** All `repository:tag` pairs, normalised, for completion and docs. */
  references(): string[];
}

/**
 * Builds a catalog from the built-in data plus extensions, later ones winning. Repositories
 * of an extension merge their tags into an existing repository of the same name.
 */
export function createImageCatalog(...extensions: readonly CatalogExtension[]): ImageCatalog {
  const data = mergeData([builtin as unknown as CatalogData, ...extensions]);
  const profileCache = new Map<string, ImageProfile>();
  const profile = (name: string): ImageProfile | undefined => {
    const cached = profileCache.get(name);
    if (cached) return cached;
    const resolved = resolveProfile(data, name, new Set());
    if (resolved) profileCache.set(name, resolved);
    return resolved;
  };
  return {
    pull: (image, options = {}) => pull(data, profile, image, options),
    profile,
    references: () =>
      Object.entries(data.repositories).flatMap(([repo, entry]) => Object.keys(entry.tags).map((t) => `${repo}:${t}`)),
  };
}

let defaultCatalog: ImageCatalog | undefined;

/** The built-in catalog, shared (it is immutable). */
export function builtinCatalog(): ImageCatalog {
  defaultCatalog ??= createImageCatalog();
  return defaultCatalog;
}

/** Looks an image up in the built-in catalog. */
export function lookupImage(image: string, options?: PullOptions): PullResult {
  return builtinCatalog().pull(image, options);
}

/**
 * How long a pull of `size` bytes takes on the simulated node: a registry round trip plus
 * roughly 40 MB/s, so nginx (~70 MB) pulls in about two seconds like on a good link.
 */
export function pullDurationMs(size: number): number {
  return Math.round(400 + size / 40_000);
}

function pull(
  data: CatalogData,
  profile: (name: string) => ImageProfile | undefined,
  image: string,
  options: PullOptions,
): PullResult {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { ok: false, reason: 'InvalidImageName', message: invalidImageName(image, parsed.reason) };
  const ref = parsed.ref;
  const reference = ref.digest ?? ref.tag ?? 'latest';
  if (!data.registries.includes(ref.domain)) {
    const resolver = options.resolver ?? DEFAULT_NODE_RESOLVER;
    return fail(noSuchHost(ref.normalized, ref.domain, ref.path, reference, resolver));
  }
  const repo = data.repositories[ref.repository];
  if (!repo) return fail(missingRepository(data, ref));
  if (repo.private && !(options.credentials ?? []).includes(ref.domain)) {
    return fail(unauthorized(ref.normalized, ref.domain, ref.path, reference));
  }
  const tag = findTag(repo, ref);
  if (!tag) return fail(tagNotFound(ref.normalized));
  const prof = profile(tag.profile ?? repo.profile);
  if (!prof) throw new Error(`image catalog: ${ref.repository} names unknown profile ${tag.profile ?? repo.profile}`);
  const version = tag.version;
  return {
    ok: true,
    image: {
      image,
      normalized: ref.normalized,
      imageId: `${ref.repository}@${tag.digest}`,
      digest: tag.digest,
      size: tag.size,
      version,
      profile: expandVersion(prof, version),
    },
  };
}

function fail(message: string): PullResult {
  return { ok: false, reason: 'ErrImagePull', message };
}

/** Docker Hub answers an unknown repository with "pull access denied"; other registries with 404. */
function missingRepository(data: CatalogData, ref: ImageReference): string {
  void data;
  return ref.domain === 'docker.io' ? repositoryDenied(ref.normalized) : tagNotFound(ref.normalized);
}

function findTag(repo: RepositoryEntry, ref: ImageReference): TagEntry | undefined {
  if (ref.digest) {
    const byDigest = Object.values(repo.tags).find((t) => t.digest === ref.digest);
    // A reference with both tag and digest pulls by digest; the tag is informational.
    return byDigest;
  }
  return ref.tag !== undefined ? repo.tags[ref.tag] : undefined;
}

function mergeData(parts: readonly CatalogExtension[]): CatalogData {
  const profiles: Record<string, ProfileData> = {};
  const repositories: Record<string, RepositoryEntry> = {};
  const registries = new Set<string>();
  const texts: Record<string, string> = {};
  for (const part of parts) {
    Object.assign(profiles, part.profiles);
    Object.assign(texts, part.texts);
    for (const r of part.registries ?? []) registries.add(r);
    for (const [name, entry] of Object.entries(part.repositories ?? {})) {
      const existing = repositories[name];
      repositories[name] = existing ? { ...existing, ...entry, tags: { ...existing.tags, ...entry.tags } } : entry;
      // A lesson's own repository implies its registry resolves.
      registries.add(name.slice(0, name.indexOf('/')));
    }
  }
  return { profiles, repositories, registries: [...registries], texts };
}

function resolveProfile(data: CatalogData, name: string, seen: Set<string>): ImageProfile | undefined {
  const raw = data.profiles[name];
  if (!raw) return undefined;
  if (seen.has(name)) throw new Error(`image catalog: profile ${name} extends itself`);
  seen.add(name);
  const { extends: parent, ...own } = raw;
  const base = parent ? resolveProfile(data, parent, seen) : undefined;
  if (parent && !base) throw new Error(`image catalog: profile ${name} extends unknown profile ${parent}`);
  const merged = { ...base, ...own } as ImageProfile;
  for (const field of ['entrypoint', 'cmd', 'binaries', 'memoryMiB', 'startDelayMs', 'program'] as const) {
    if (merged[field] === undefined) throw new Error(`image catalog: profile ${name} has no ${field}`);
  }
  if (merged.shell === undefined) (merged as { shell: ImageProfile['shell'] }).shell = null;
  return resolveTexts(merged, data.texts ?? {}) as ImageProfile;
}

/** Replaces `@text:<name>` strings with the shared text they name. */
function resolveTexts(value: unknown, texts: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    if (!value.startsWith('@text:')) return value;
    const text = texts[value.slice(6)];
    if (text === undefined) throw new Error(`image catalog: unknown text ${value}`);
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => resolveTexts(v, texts));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTexts(v, texts)]));
  }
  return value;
}

/** Fills `{version}` now, since it is fixed per tag; time and host placeholders wait for the process. */
function expandVersion(profile: ImageProfile, version: string | undefined): ImageProfile {
  if (version === undefined) return profile;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.split('{version}').join(version);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(profile) as ImageProfile;
}
