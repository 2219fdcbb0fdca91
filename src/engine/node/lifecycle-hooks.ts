/**
 * Container lifecycle hooks as the kubelet's handler runner runs them
 * (pkg/kubelet/lifecycle/handlers.go): exec in the container, httpGet against the pod IP
 * (only a transport error fails it, never the status code), and the sleep action (beta
 * and on in 1.30). Each returns how long it took in virtual time and, on failure, the
 * message the FailedPostStartHook event quotes.
 */
import { probePort } from './probes.js';
import { exec, EXEC_NOT_FOUND_EXIT_CODE } from './process/index.js';
import type { ContainerRuntime, Instance, SyncEnv } from './runtime.js';

/** The User-Agent of kubelet 1.30's lifecycle HTTP client. */
const USER_AGENT = 'kube-lifecycle/1.30';

/** How a hook went. `elapsedMs` is Infinity for one that never finishes (`sleep infinity`). */
export type HookResult = { readonly ok: true; readonly elapsedMs: number } | { readonly ok: false; readonly elapsedMs: number; readonly message: string };

/** Runs a LifecycleHandler for a container instance; `budgetMs` bounds how long it may run. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function runHook(env: SyncEnv, c: ContainerRuntime, inst: Instance, handler: Record<string, any>, budgetMs: number): HookResult {
  // format.Pod: name_namespace(uid).
  const where = `for Container ${JSON.stringify(c.name)} in Pod ${JSON.stringify(`${env.rt.name}_${env.rt.namespace}(${env.rt.uid})`)}`;
  if (handler.exec) {
    const command: string[] = handler.exec.command ?? [];
    const r = exec(command, inst.host, inst.image, { budgetMs });
    if (r.timedOut) return { ok: true, elapsedMs: Infinity };
    if (r.exitCode === 0) return { ok: true, elapsedMs: r.elapsedMs };
    const notFound = r.exitCode === EXEC_NOT_FOUND_EXIT_CODE && r.stderr.startsWith('OCI runtime exec failed');
    // ExecSync's error for a non-zero exit; a missing binary fails the exec itself.
    const error = notFound
      ? `rpc error: code = Unknown desc = failed to exec in container: failed to start exec ${JSON.stringify(env.ctx.random.hex(64))}: ${r.stderr.replace(/\n$/, '')}`
      : `command '${command.join(' ')}' exited with ${r.exitCode}: ${r.stderr}`;
    const output = notFound ? '' : r.stdout + r.stderr;
    return { ok: false, elapsedMs: r.elapsedMs, message: `Exec lifecycle hook ([${command.join(' ')}]) ${where} failed - error: ${error}, message: ${JSON.stringify(output)}` };
  }
  if (handler.httpGet) {
    const get = handler.httpGet;
    const port = probePort(get.port, c.spec) ?? 80;
    const path: string = get.path ?? '';
    const host: string = get.host || env.rt.ip || '';
    const url = `${String(get.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path.startsWith('/') ? path : '/' + path}`;
    const fail = (error: string): HookResult => ({ ok: false, elapsedMs: 0, message: `HTTP lifecycle hook (${path}) ${where} failed - error: Get ${JSON.stringify(url)}: ${error}` });
    if (get.host && get.host !== env.rt.ip) {
      const r = inst.host.net.request(url, { timeoutMs: 10_000, userAgent: USER_AGENT });
      if (r.ok) return { ok: true, elapsedMs: 0 };
      return fail(r.error === 'refused' ? `dial tcp ${host}:${port}: connect: connection refused` : r.error === 'unresolved' ? `dial tcp: lookup ${host}: no such host` : `dial tcp ${host}:${port}: i/o timeout`);
    }
    // The pod's network namespace: whichever of its containers listens on the port answers.
    const server = [...env.rt.containers, ...env.rt.ephemeral]
      .map((x) => x.current)
      .find((i) => i && i.exitCode === undefined && i.process?.listening().some((l) => l.port === port && l.protocol === 'TCP'));
    if (!server?.process) return fail(`dial tcp ${host}:${port}: connect: connection refused`);
    const headers = Object.fromEntries((get.httpHeaders ?? []).map((h: { name: string; value: string }) => [h.name, h.value]));
    const answer = server.process.http({ port, method: 'GET', path: path.startsWith('/') ? path : '/' + path, host: `${host}:${port}`, clientIp: env.rt.ip ?? '', userAgent: USER_AGENT, headers });
    if (answer === 'refused') return fail(`dial tcp ${host}:${port}: connect: connection refused`);
    if (answer === 'not-http') return fail('EOF');
    return { ok: true, elapsedMs: 0 };
  }
  if (handler.sleep) return { ok: true, elapsedMs: Math.min(Math.max(0, Number(handler.sleep.seconds) || 0) * 1000, budgetMs) };
  return { ok: true, elapsedMs: 0 };
}
