/**
 * `kubectl run NAME --image=...`: the Pod of generateversioned.BasicPod (run.go), label
 * `run: NAME` unless `--labels`, dnsPolicy ClusterFirst, args or `--command`.
 */
import { container, genError, generated, objectMeta, type GenResult } from './types.js';

/** Options of `kubectl run`. */
export interface RunOptions {
  readonly image: string;
  readonly labels: string;
  readonly annotations: readonly string[];
  readonly env: readonly string[];
  readonly port: string;
  readonly restart: string;
  readonly command: boolean;
  readonly args: readonly string[];
  readonly imagePullPolicy: string;
  readonly privileged: boolean;
  readonly stdin: boolean;
  readonly tty: boolean;
  readonly leaveStdinOpen: boolean;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** generate.ParseLabels: `a=b,c=d`. */
export function parseLabelList(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2 || kv[0] === '') return undefined;
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** The Pod `kubectl run` sends. */
export function runPod(name: string, o: RunOptions): GenResult {
  let labels: Record<string, string> = { run: name };
  if (o.labels) {
    const parsed = parseLabelList(o.labels);
    if (!parsed) return genError(`invalid label spec: ${o.labels}`);
    labels = parsed;
  }
  const annotations: Record<string, string> = {};
  for (const a of o.annotations) {
    const eq = a.indexOf('=');
    if (eq <= 0) return genError(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const env: { name: string; value: string }[] = [];
  for (const e of o.env) {
    const eq = e.indexOf('=');
    if (eq < 0 || !ENV_NAME.test(e.slice(0, eq))) return genError(`invalid env: ${e}`);
    env.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
  }
  const extra: Record<string, unknown> = {};
  if (o.args.length > 0) extra[o.command ? 'command' : 'args'] = [...o.args];
  if (env.length > 0) extra.env = env;
  if (o.imagePullPolicy) extra.imagePullPolicy = o.imagePullPolicy;
  if (o.port) {
    if (!/^-?[0-9]+$/.test(o.port)) return genError(`strconv.Atoi: parsing ${JSON.stringify(o.port)}: invalid syntax`);
    extra.ports = [{ containerPort: Number(o.port) }];
  }
  if (o.privileged) extra.securityContext = { privileged: true };
  if (o.stdin) {
    extra.stdin = true;
    if (!o.leaveStdinOpen) extra.stdinOnce = true;
  }
  if (o.tty) extra.tty = true;
  return generated({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: objectMeta(name, undefined, { labels, annotations }),
    spec: { containers: [container(name, o.image, extra)], dnsPolicy: 'ClusterFirst', restartPolicy: o.restart || 'Always' },
    status: {},
  });
}
