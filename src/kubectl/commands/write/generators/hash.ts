/**
 * `--append-hash` for `create configmap` and `create secret` (kubectl/pkg/util/hash): the
 * name gets `-` and ten characters of the SHA-256 of the object's kind, name and data,
 * with the vowel-like hex digits swapped out so the suffix never spells a word.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../../../engine/api/types.js';
import { goJson } from '../../../printers/go-format.js';

/** encodeHash: the first ten hex digits with 0,1,3,a,e replaced by g,h,k,m,t. */
function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** ConfigMapHash / SecretHash of a generated ConfigMap or Secret (json.Marshal of a map: keys sorted). */
export function contentHash(obj: KubeObject): string {
  const name = obj.metadata.name;
  const data = (obj as { data?: Record<string, string> }).data ?? {};
  if (obj.kind === 'Secret') return encodeHash(sha256(goJson({ kind: 'Secret', type: (obj as { type?: string }).type ?? '', name, data })));
  const binaryData = (obj as { binaryData?: Record<string, string> }).binaryData ?? {};
  const m: Record<string, unknown> = { kind: 'ConfigMap', name, data };
  if (Object.keys(binaryData).length > 0) m.binaryData = binaryData;
  return encodeHash(sha256(goJson(m)));
}

/** The object renamed `NAME-HASH`. */
export function withAppendedHash(obj: KubeObject): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, name: `${obj.metadata.name}-${contentHash(obj)}` } };
}
