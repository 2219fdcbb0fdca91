/**
 * Image references parsed and normalised the way the container runtime does it
 * (github.com/distribution/reference ParseNormalizedNamed + TagNameOnly): a bare name
 * lives on docker.io under library/, a missing tag means `latest`, a first component
 * with a dot, a colon or `localhost` is a registry host.
 */

/** A parsed, normalised image reference. */
export interface ImageReference {
  /** Registry host with optional port: `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  readonly domain: string;
  /** Repository path inside the registry: `library/nginx`, `e2e-test-images/agnhost`. */
  readonly path: string;
  /** The tag (`latest` when neither a tag nor a digest was given), or undefined with a bare digest. */
  readonly tag: string | undefined;
  /** `sha256:<64 hex>` when the reference pins a digest. */
  readonly digest: string | undefined;
  /** `docker.io/library/nginx` */
  readonly repository: string;
  /** The fully qualified reference containerd reports: `docker.io/library/nginx:1.25`. */
  readonly normalized: string;
}

/** Either a parsed reference or the reason the runtime rejects the text. */
export type ParseReferenceResult =
  | { readonly ok: true; readonly ref: ImageReference }
  | { readonly ok: false; readonly reason: string };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);
const NAME_TOTAL_LENGTH_MAX = 255;

/** The runtime's error text for a malformed reference (distribution/reference errors). */
export const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format';
/** The variant when the only problem is upper case in the repository name. */
export const ERR_NAME_CONTAINS_UPPERCASE = 'invalid reference format: repository name must be lowercase';

/**
 * Parses an image reference as containerd would before pulling it. Returns the reason
 * text on failure; the kubelet reports it as `couldn't parse image name "<ref>": <reason>`.
 */
export function parseImageReference(text: string): ParseReferenceResult {
  const match = REFERENCE.exec(text);
  if (!match) {
    const lowered = text.toLowerCase();
    if (lowered !== text && REFERENCE.test(lowerRepository(text))) {
      return { ok: false, reason: ERR_NAME_CONTAINS_UPPERCASE };
    }
    return { ok: false, reason: ERR_REFERENCE_INVALID_FORMAT };
  }
  const [, name = '', tag, digest] = match;
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, reason: 'repository name must not be more than 255 characters' };
  }
  const { domain, path } = splitDomain(name);
  if (path !== path.toLowerCase()) return { ok: false, reason: ERR_NAME_CONTAINS_UPPERCASE };
  const repository = `${domain}/${path}`;
  const effectiveTag = tag ?? (digest ? undefined : 'latest');
  const normalized =
    repository + (effectiveTag !== undefined ? `:${effectiveTag}` : '') + (digest ? `@${digest}` : '');
  return { ok: true, ref: { domain, path, tag: effectiveTag, digest, repository, normalized } };
}

/** Lowercases only the repository part so the uppercase error can be told apart. */
function lowerRepository(text: string): string {
  const at = text.indexOf('@');
  const head = at >= 0 ? text.slice(0, at) : text;
  const rest = at >= 0 ? text.slice(at) : '';
  const colon = head.lastIndexOf(':');
  const slash = head.lastIndexOf('/');
  if (colon > slash) return head.slice(0, colon).toLowerCase() + head.slice(colon) + rest;
  return head.toLowerCase() + rest;
}

/** distribution/reference splitDockerDomain. */
function splitDomain(name: string): { domain: string; path: string } {
  const slash = name.indexOf('/');
  let domain: string;
  let path: string;
  if (slash === -1) {
    domain = DEFAULT_DOMAIN;
    path = name;
  } else {
    const first = name.slice(0, slash);
    const isDomain = first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first;
    if (isDomain) {
      domain = first;
      path = name.slice(slash + 1);
    } else {
      domain = DEFAULT_DOMAIN;
      path = name;
    }
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = OFFICIAL_REPO_PREFIX + path;
  return { domain, path };
}

/**
 * The short form `docker` and `crictl images` show: official images lose `docker.io/library/`,
 * other Docker Hub images lose `docker.io/`.
 */
export function familiarName(ref: ImageReference): string {
  let name = ref.repository;
  if (ref.domain === DEFAULT_DOMAIN) {
    name = ref.path.startsWith(OFFICIAL_REPO_PREFIX) ? ref.path.slice(OFFICIAL_REPO_PREFIX.length) : ref.path;
  }
  return name + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}
