/**
 * `kubectl create token SA`: a TokenRequest for a ServiceAccount, printed as the token.
 * The tutor's API server does not sign tokens, so the JWT is shaped like the real one
 * (RS256 header, the kubernetes.io claims) with a deterministic stand-in signature.
 */
import { createHash } from 'node:crypto';
import type { ParsedFlags } from '../../args/flags.js';
import type { KubectlEnv, Output } from '../../types.js';
import { usageError, writeContext } from './shared.js';

const ISSUER = 'https://kubernetes.default.svc.cluster.local';

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** The signed-looking JWT a TokenRequest for this ServiceAccount would return. */
export function serviceAccountToken(o: {
  namespace: string;
  name: string;
  uid: string;
  nowMs: number;
  seconds: number;
  audiences: readonly string[];
  /** Claims of the object the token is bound to (`pod`, `secret`, and the pod's `node`). */
  bound?: Record<string, { name: string; uid?: string }>;
}): string {
  const iat = Math.floor(o.nowMs / 1000);
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const kid = b64url(digest(`kid:${ISSUER}`)).slice(0, 43);
  const header = { alg: 'RS256', kid };
  const jti = digest(`${o.uid}:${iat}`).toString('hex');
  const payload = {
    aud: o.audiences.length > 0 ? [...o.audiences] : [ISSUER],
    exp: iat + o.seconds,
    iat,
    iss: ISSUER,
    jti: `${jti.slice(0, 8)}-${jti.slice(8, 12)}-${jti.slice(12, 16)}-${jti.slice(16, 20)}-${jti.slice(20, 32)}`,
    // go-jose normalises the claims through a map: keys come out sorted.
    'kubernetes.io': Object.fromEntries(Object.entries({ namespace: o.namespace, ...o.bound, serviceaccount: { name: o.name, uid: o.uid } }).sort(([a], [b]) => (a < b ? -1 : 1))),
    nbf: iat,
    sub: `system:serviceaccount:${o.namespace}:${o.name}`,
  };
  const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  // 256 bytes, the size of an RS256 signature with the cluster's 2048-bit key.
  const signature = Buffer.concat(Array.from({ length: 8 }, (_, i) => digest(`${body}:${i}`)));
  return `${body}.${b64url(signature)}`;
}

/** The kinds a token can be bound to in kubectl 1.30 (boundObjectKindToAPIVersions). */
const BOUND_KINDS: Record<string, string> = { Pod: 'pods', Secret: 'secrets' };

/** CreateTokenOptions.Validate's checks of the --bound-object-* flags. */
function boundFlagsError(kind: string, name: string, uid: string): string | undefined {
  if (kind) {
    if (!BOUND_KINDS[kind]) return `supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}`;
    if (!name) return '--bound-object-name is required if --bound-object-kind is provided';
    return undefined;
  }
  if (name) return '--bound-object-name can only be set if --bound-object-kind is provided';
  if (uid) return '--bound-object-uid can only be set if --bound-object-kind is provided';
  return undefined;
}

/** Runs `kubectl create token SERVICE_ACCOUNT_NAME`. */
export function createToken(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length !== 1) return usageError(io, 'create token', `exactly one NAME is required, got ${flags.args.length}`);
  const ctx = writeContext(flags, env, io);
  if (!ctx) return 1;
  const name = flags.args[0]!;
  const duration = flags.duration('duration');
  if (duration < 0) return usageError(io, 'create token', '--duration must be greater than or equal to 0');
  if (duration % 1000 !== 0) return usageError(io, 'create token', '--duration cannot be expressed in units less than seconds');
  const [kind, boundName, boundUid] = ['bound-object-kind', 'bound-object-name', 'bound-object-uid'].map((f) => flags.string(f)) as [string, string, string];
  const invalid = boundFlagsError(kind, boundName, boundUid);
  if (invalid) {
    io.err(`error: ${invalid}\n`);
    return 1;
  }
  const failed = (message: string): number => {
    io.err(`error: failed to create token: ${message}\n`);
    return 1;
  };
  const sa = ctx.client.get('serviceaccounts', ctx.namespace, name);
  if (!sa.ok) return failed(sa.error.message);
  // The TokenRequest REST storage checks the bound object (serviceaccount/storage/token.go).
  let bound: Record<string, { name: string; uid?: string }> | undefined;
  if (kind) {
    const obj = ctx.client.get(BOUND_KINDS[kind]!, ctx.namespace, boundName);
    if (!obj.ok) return failed(obj.error.message);
    const uid = obj.value.metadata.uid ?? '';
    if (kind === 'Pod' && (obj.value.spec?.serviceAccountName ?? 'default') !== name) {
      return failed(`cannot bind token for serviceaccount "${name}" to pod running with different serviceaccount name.`);
    }
    if (boundUid && boundUid !== uid) {
      return failed(`Operation cannot be fulfilled on ${kind} "${boundName}": the UID in the bound object reference (${boundUid}) does not match the UID in record. The object might have been deleted and then recreated`);
    }
    bound = { [kind.toLowerCase()]: { name: boundName, uid } };
    const nodeName = kind === 'Pod' ? (obj.value.spec?.nodeName as string | undefined) : undefined;
    if (nodeName) {
      // ServiceAccountTokenPodNodeInfo (beta, on in 1.30): the pod's node, by name alone if unreadable.
      const node = ctx.client.get('nodes', undefined, nodeName);
      bound.node = node.ok ? { name: nodeName, uid: node.value.metadata.uid ?? '' } : { name: nodeName };
    }
  }
  const seconds = duration > 0 ? duration / 1000 : 3600;
  io.out(`${serviceAccountToken({ namespace: ctx.namespace, name, uid: sa.value.metadata.uid ?? '', nowMs: env.now(), seconds, audiences: flags.list('audience'), ...(bound ? { bound } : {}) })}\n`);
  return 0;
}
