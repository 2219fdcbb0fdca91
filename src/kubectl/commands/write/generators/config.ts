/**
 * `kubectl create configmap` and `create secret generic|docker-registry|tls`
 * (create_configmap.go, create_secret.go, create_secret_docker.go, create_secret_tls.go):
 * keys from literals, files, directories and env files, with kubectl's messages.
 */
import { genError, generated, objectMeta, type GenContext, type GenResult } from './types.js';

/** The sources `--from-literal`, `--from-file` and `--from-env-file` name. */
export interface DataSources {
  readonly literals: readonly string[];
  readonly files: readonly string[];
  readonly envFiles: readonly string[];
}

type Kind = 'ConfigMap' | 'Secret';

/** validation.IsConfigMapKey (secrets use the same rules). */
function keyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_ERROR =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** Collects keys in the order kubectl adds them, rejecting invalid and duplicate keys. */
class DataBuilder {
  readonly data: Record<string, string> = {};
  constructor(
    private readonly kind: Kind,
    private readonly name: string,
  ) {}

  add(key: string, value: string): string | undefined {
    const errs = keyErrors(key);
    if (errs.length > 0) return `${JSON.stringify(key)} is not a valid key name for a ${this.kind}: ${errs.join(',')}`;
    if (key in this.data) {
      return this.kind === 'ConfigMap'
        ? `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(this.name)}`
        : `cannot add key ${key}, another key by that name already exists`;
    }
    this.data[key] = value;
    return undefined;
  }
}

/** util.ParseLiteralSource: `key=value`; quotes stay part of the value (kubectl 1.32 keeps them). */
function parseLiteral(source: string): { key: string; value: string } | string {
  const eq = source.indexOf('=');
  if (eq <= 0) return `invalid literal source ${source}, expected key=value`;
  return { key: source.slice(0, eq), value: source.slice(eq + 1) };
}

/** util.ParseFileSource: `path` (key = base name) or `key=path`. */
function parseFileSource(source: string): { key: string; path: string; named: boolean } | string {
  const n = source.split('=').length - 1;
  if (n === 0) return { key: source.replace(/\/+$/, '').split('/').pop() || source, path: source, named: false };
  if (n === 1 && source.startsWith('=')) return `key name for file path ${source.slice(1)} missing`;
  if (n === 1 && source.endsWith('=')) return `file path for key name ${source.slice(0, -1)} missing`;
  if (n > 1) return "key names or file paths cannot contain '='";
  const [key, path] = source.split('=') as [string, string];
  return { key, path, named: true };
}

/** cmdutil.AddFromEnvFile: `KEY=value` lines, `#` comments and blank lines skipped. */
function readEnvFile(path: string, text: string, add: (k: string, v: string) => string | undefined): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\r$/, '');
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    line = line.trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!ENV_NAME.test(key)) return `${JSON.stringify(key)} is not a valid key name: ${ENV_NAME_ERROR}`;
    const err = add(key, eq < 0 ? '' : line.slice(eq + 1));
    if (err) return err;
  }
  return undefined;
}

/** Fills the builder from the sources, in kubectl's order: files, literals, env files. */
function collect(kind: Kind, name: string, s: DataSources, ctx: GenContext): { ok: true; data: Record<string, string> } | { ok: false; error: string } {
  if (s.envFiles.length > 0 && (s.files.length > 0 || s.literals.length > 0)) {
    return { ok: false, error: 'from-env-file cannot be combined with from-file or from-literal' };
  }
  const b = new DataBuilder(kind, name);
  for (const source of s.files) {
    const parsed = parseFileSource(source);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    const entries = ctx.readDir(parsed.path);
    if (entries) {
      if (parsed.named) return { ok: false, error: 'cannot give a key name for a directory path.' };
      for (const entry of [...entries].sort()) {
        const text = ctx.readFile(`${parsed.path.replace(/\/+$/, '')}/${entry}`);
        if (text === undefined) continue; // subdirectories are skipped
        const err = b.add(entry, text);
        if (err) return { ok: false, error: err };
      }
      continue;
    }
    const text = ctx.readFile(parsed.path);
    if (text === undefined) return { ok: false, error: `error reading ${parsed.path}: no such file or directory` };
    const err = b.add(parsed.key, text);
    if (err) return { ok: false, error: err };
  }
  for (const source of s.literals) {
    const parsed = parseLiteral(source);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    const err = b.add(parsed.key, parsed.value);
    if (err) return { ok: false, error: err };
  }
  for (const path of s.envFiles) {
    const text = ctx.readFile(path);
    if (text === undefined) return { ok: false, error: `error reading ${path}: no such file or directory` };
    const err = readEnvFile(path, text, (k, v) => b.add(k, v));
    if (err) return { ok: false, error: err };
  }
  return { ok: true, data: b.data };
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const encodeAll = (data: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)]));

/** `kubectl create configmap NAME --from-...`. */
export function configMap(name: string, sources: DataSources, ctx: GenContext): GenResult {
  const r = collect('ConfigMap', name, sources, ctx);
  if (!r.ok) return genError(r.error);
  const obj: Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap', metadata: objectMeta(name, ctx) };
  if (Object.keys(r.data).length > 0) obj.data = r.data;
  return generated(obj as never);
}

/** `kubectl create secret generic NAME --from-... [--type=...]`. */
export function genericSecret(name: string, sources: DataSources, type: string, ctx: GenContext): GenResult {
  const r = collect('Secret', name, sources, ctx);
  if (!r.ok) return genError(r.error);
  const obj: Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret', metadata: objectMeta(name, ctx) };
  if (Object.keys(r.data).length > 0) obj.data = encodeAll(r.data);
  if (type) obj.type = type;
  return generated(obj as never);
}

/** Options of `create secret docker-registry`. */
export interface DockerRegistryOptions {
  readonly server: string;
  readonly username: string;
  readonly password: string;
  readonly email: string;
  readonly files: readonly string[];
}

/** `kubectl create secret docker-registry NAME`: a `.dockerconfigjson` with one auth entry. */
export function dockerRegistrySecret(name: string, o: DockerRegistryOptions, ctx: GenContext): GenResult {
  if (o.files.length === 0 && (!o.username || !o.password || !o.server)) {
    return genError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const data: Record<string, string> = {};
  if (o.files.length > 0) {
    const r = collect('Secret', name, { files: o.files, literals: [], envFiles: [] }, ctx);
    if (!r.ok) return genError(r.error);
    Object.assign(data, r.data);
  }
  if (o.username || o.password) {
    // DockerConfigEntry's fields are omitempty, in struct order.
    const entry: Record<string, string> = {};
    if (o.username) entry.username = o.username;
    if (o.password) entry.password = o.password;
    if (o.email) entry.email = o.email;
    entry.auth = base64(`${o.username}:${o.password}`);
    data['.dockerconfigjson'] = JSON.stringify({ auths: { [o.server]: entry } });
  }
  return generated({ apiVersion: 'v1', kind: 'Secret', metadata: objectMeta(name, ctx), data: encodeAll(data), type: 'kubernetes.io/dockerconfigjson' });
}

/** `kubectl create secret tls NAME --cert=... --key=...`. */
export function tlsSecret(name: string, o: { cert: string; key: string }, ctx: GenContext): GenResult {
  if (!o.cert || !o.key) return genError('key and cert must be specified');
  const cert = ctx.readFile(o.cert);
  if (cert === undefined) return genError(`open ${o.cert}: no such file or directory`);
  const key = ctx.readFile(o.key);
  if (key === undefined) return genError(`open ${o.key}: no such file or directory`);
  // tls.X509KeyPair's first checks; the tutor does not verify that the two really match.
  if (!/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(cert)) return genError('tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return genError('tls: failed to find any PEM data in key input');
  return generated({ apiVersion: 'v1', kind: 'Secret', metadata: objectMeta(name, ctx), data: { 'tls.crt': base64(cert), 'tls.key': base64(key) }, type: 'kubernetes.io/tls' });
}
