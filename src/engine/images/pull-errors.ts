/**
 * The CRI error texts containerd 1.7 returns when a pull fails. The kubelet puts them after
 * `Failed to pull image "<image>": ` in the Failed event and in the container's waiting
 * message, so they must match the real runtime word for word.
 */

/** The gRPC status wrapper the CRI client adds (`rpc error: code = X desc = ...`). */
function rpc(code: 'NotFound' | 'Unknown', desc: string): string {
  return `rpc error: code = ${code} desc = ${desc}`;
}

function pullAndUnpack(normalized: string, cause: string): string {
  return `failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}": ${cause}`;
}

/** A tag (or digest) the repository does not have. */
export function tagNotFound(normalized: string): string {
  return rpc('NotFound', pullAndUnpack(normalized, `${normalized}: not found`));
}

/** Docker Hub's answer for a repository that does not exist (or is private). */
export function repositoryDenied(normalized: string): string {
  return rpc(
    'Unknown',
    pullAndUnpack(
      normalized,
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ),
  );
}

/** A private registry asked for credentials the pod did not give (no imagePullSecrets). */
export function unauthorized(normalized: string, domain: string, path: string, reference: string): string {
  return rpc(
    'Unknown',
    pullAndUnpack(
      normalized,
      `unexpected status from HEAD request to https://${domain}/v2/${path}/manifests/${reference}: 401 Unauthorized`,
    ),
  );
}

/** The node's resolver (the host's, not cluster DNS) could not find the registry host. */
export function noSuchHost(normalized: string, domain: string, path: string, reference: string, resolver: string): string {
  const host = domain.replace(/:\d+$/, '');
  return rpc(
    'Unknown',
    pullAndUnpack(
      normalized,
      `failed to do request: Head "https://${domain}/v2/${path}/manifests/${reference}": dial tcp: lookup ${host} on ${resolver}: no such host`,
    ),
  );
}

/**
 * The kubelet's message when the reference does not parse; the container waits with reason
 * InvalidImageName (pkg/kubelet/images/image_manager.go applyDefaultImageTag).
 */
export function invalidImageName(image: string, reason: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${reason}`;
}
