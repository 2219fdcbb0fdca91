/**
 * `kubectl logs`: one pod (`POD`, `POD CONTAINER`, `TYPE/NAME` picking a pod as kubectl
 * does), or every pod a selector matches (`-l`, tail 10 by default), through pods/log.
 * `-f` cannot stream in a transcript: it prints what is there, then follows for
 * FOLLOW_WINDOW_MS of virtual time, printing lines as they are written, and stops.
 */
import type { ApiClient, LogOptions } from '../../../engine/api/client.js';
import type { KubeObject } from '../../../engine/api/types.js';
import { printError, type CommandError } from '../../errors.js';
import type { ParsedFlags } from '../../args/flags.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { defaultContainer, resolvePod } from './pods.js';
import { LOGS_SPEC } from './specs/pods.js';
import { openSession, usageError, WAIT_STEP_MS } from './support.js';

/** How long `logs -f` follows in virtual time before a transcript moves on. */
export const FOLLOW_WINDOW_MS = 30_000;

/** One stream of logs: a container of a pod. */
interface Source {
  readonly pod: KubeObject;
  readonly container: string;
}

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

function containersOf(pod: KubeObject): string[] {
  return [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ].map((c: { name: string }) => c.name);
}

/** The streams to read for one pod, writing kubectl's default-container notice. */
function sourcesFor(pod: KubeObject, flags: ParsedFlags, container: string, io: Output): Source[] {
  if (flags.bool('all-containers')) return containersOf(pod).map((c) => ({ pod, container: c }));
  if (container) return [{ pod, container }];
  const chosen = defaultContainer(pod, false);
  io.err(chosen.notice);
  return [{ pod, container: chosen.name }];
}

/** `--since-time`: RFC 3339 as Go's time.Parse reads it, as epoch ms, or kubectl's error. */
function parseSinceTime(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  const ms = m ? Date.parse(text) : NaN;
  if (!m || Number.isNaN(ms)) return { ok: false, error: `parsing time "${text}" as "2006-01-02T15:04:05Z07:00": cannot parse "${text}" as "2006"` };
  return { ok: true, ms };
}

function logOptions(flags: ParsedFlags, container: string, tail: number, now: number): LogOptions {
  const since = flags.duration('since');
  const sinceTime = flags.string('since-time');
  // The kubelet keeps lines from sinceTime on; relative to now that is sinceSeconds.
  const sinceMs = sinceTime ? Math.max(0, now - (parseSinceTime(sinceTime) as { ms: number }).ms) : since;
  return {
    container,
    ...(flags.bool('previous') ? { previous: true } : {}),
    ...(tail >= 0 ? { tailLines: tail } : {}),
    ...(sinceTime ? { sinceSeconds: sinceMs / 1000 } : since > 0 ? { sinceSeconds: Math.ceil(since / 1000) } : {}),
    ...(flags.bool('timestamps') ? { timestamps: true } : {}),
  };
}

/** `--limit-bytes`: the server returns at most that many bytes of each log. */
function limited(text: string, flags: ParsedFlags): string {
  const limit = flags.int('limit-bytes');
  if (limit <= 0) return text;
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= limit ? text : bytes.subarray(0, limit).toString('utf8');
}

/** LogsOptions.Validate (and Complete's --since-time parse), before any pod is read. */
function validate(flags: ParsedFlags): string | undefined {
  const sinceTime = flags.string('since-time');
  if (sinceTime && flags.duration('since') !== 0) return 'at most one of `sinceTime` or `sinceSeconds` may be specified';
  if (sinceTime) {
    const t = parseSinceTime(sinceTime);
    if (!t.ok) return t.error;
  }
  if (flags.bool('all-containers') && flags.string('container')) return `--all-containers=true should not be specified with container name ${flags.string('container')}`;
  if (flags.int('limit-bytes') < 0) return '--limit-bytes must be greater than 0';
  if (flags.duration('since') < 0) return '--since must be greater than 0';
  if (flags.int('tail') < -1) return '--tail must be greater than or equal to -1';
  return undefined;
}

function prefixed(text: string, source: Source, on: boolean): string {
  if (!on || !text) return text;
  const tag = `[pod/${source.pod.metadata.name}/${source.container}] `;
  return text.replace(/^(?=.)/gm, tag);
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const selector = flags.string('selector');
  const args = flags.args;
  if (args.length === 0 && !selector) return printError(io, usageError('kubectl logs', USAGE));
  if (selector && args.length > 0) return printError(io, 'only a selector (-l) or a POD name is allowed');
  if (args.length > 2) return printError(io, usageError('kubectl logs', USAGE));
  const invalid = validate(flags);
  if (invalid) return printError(io, invalid);
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  let container = flags.string('container');
  if (args.length === 2) {
    if (container) return printError(io, usageError('kubectl logs', "only one of -c or an inline [CONTAINER] arg is allowed"));
    container = args[1]!;
  }

  let pods: KubeObject[];
  if (selector) {
    const list = client.list('pods', { namespace, labelSelector: selector });
    if (!list.ok) return printError(io, list.error);
    pods = [...list.value.items];
    if (pods.length === 0) {
      io.err(`No resources found in ${namespace} namespace.\n`);
      return 0;
    }
  } else {
    const chosen = resolvePod(client, namespace, args[0]!);
    if (!chosen.ok) return printError(io, 'text' in chosen ? chosen.text : chosen.error);
    if (chosen.value.matched > 1) io.err(`Found ${chosen.value.matched} pods, using pod/${chosen.value.pod.metadata.name}\n`);
    pods = [chosen.value.pod];
  }
  const sources = pods.flatMap((p) => sourcesFor(p, flags, container, io));
  const follow = flags.bool('follow');
  const maxRequests = flags.int('max-log-requests');
  if (follow && sources.length > maxRequests) {
    return printError(io, `you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`);
  }
  // kubectl logs -l reads the last 10 lines of each container unless told otherwise.
  const tail = selector && !flags.changed.has('tail') ? 10 : flags.int('tail');
  const prefix = flags.bool('prefix') || (flags.values.has('all-pods') && flags.bool('all-pods'));
  const errors: CommandError[] = [];
  for (const source of sources) {
    const r = client.logs(namespace, source.pod.metadata.name!, logOptions(flags, source.container, tail, env.now()));
    if (!r.ok) {
      if (!flags.bool('ignore-errors')) errors.push(r.error);
      continue;
    }
    io.out(prefixed(limited(r.value, flags), source, prefix));
  }
  if (errors.length > 0) return printError(io, errors.length === 1 ? errors[0]! : errors);
  if (follow) followLogs(client, namespace, sources, flags, env, io, prefix);
  return 0;
}

/** Prints lines written after the first read, for FOLLOW_WINDOW_MS of virtual time. */
function followLogs(client: ApiClient, namespace: string, sources: readonly Source[], flags: ParsedFlags, env: KubectlEnv, io: Output, prefix: boolean): void {
  const read = (s: Source) => {
    const r = client.logs(namespace, s.pod.metadata.name!, logOptions(flags, s.container, -1, env.now()));
    return r.ok ? r.value.split('\n').slice(0, -1) : undefined;
  };
  const seen = sources.map((s) => read(s)?.length ?? 0);
  const deadline = env.now() + FOLLOW_WINDOW_MS;
  while (env.now() < deadline) {
    env.advance(Math.min(WAIT_STEP_MS, deadline - env.now()));
    sources.forEach((s, i) => {
      const lines = read(s);
      if (!lines) return;
      // A restarted container starts a new log: follow it from its first line.
      const from = lines.length < seen[i]! ? 0 : seen[i]!;
      if (lines.length > from) io.out(prefixed(lines.slice(from).map((l) => `${l}\n`).join(''), s, prefix));
      seen[i] = lines.length;
    });
  }
}

/** `kubectl logs`. */
export const logs: CommandModule = { path: ['logs'], spec: LOGS_SPEC, run };
