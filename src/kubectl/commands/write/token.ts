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
export function serviceAccountToken(o: { namespace: string; name: string; uid: string; nowMs: number; seconds: number; audiences: readonly string[] }): string {
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
    'kubernetes.io': { namespace: o.namespace, serviceaccount: { name: o.name, uid: o.uid } },
    nbf: iat,
    sub: `system:serviceaccount:${o.namespace}:${o.name}`,
  };
  const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  // 256 bytes, the size of an RS256 signature with the cluster's 2048-bit key.
  const signature = Buffer.concat(Array.from({ length: 8 }, (_, i) => digest(`${body}:${i}`)));
  return `${body}.${b64url(signature)}`;
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
  const sa = ctx.client.get('serviceaccounts', ctx.namespace, name);
  if (!sa.ok) {
    io.err(`error: failed to create token: ${sa.error.message}\n`);
    return 1;
  }
  const seconds = duration > 0 ? duration / 1000 : 3600;
  io.out(`${serviceAccountToken({ namespace: ctx.namespace, name, uid: sa.value.metadata.uid ?? '', nowMs: env.now(), seconds, audiences: flags.list('audience') })}\n`);
  return 0;
}
