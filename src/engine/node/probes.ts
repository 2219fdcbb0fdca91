/**
 * Running one probe against a container (pkg/kubelet/prober): exec through the process
 * model, httpGet through the process's HTTP handler, tcpSocket and grpc against its open
 * ports. The failure text is what the Unhealthy event quotes.
 */
import type { KubeObject } from '../api/types.js';
import { exec } from './process/index.js';
import type { Instance } from './runtime.js';

/** A probe's outcome: success, or failure with the prober's output. */
export type ProbeOutcome = { readonly ok: true } | { readonly ok: false; readonly output: string };

/** The User-Agent of kubelet 1.30's HTTP prober. */
const USER_AGENT = 'kube-probe/1.30';

/** Resolves a probe port: a number, or the name of one of the container's ports. */
export function probePort(port: number | string | undefined, container: KubeObject['spec']): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return (container.ports ?? []).find((p: { name?: string }) => p.name === port)?.containerPort;
}

/** Runs a probe once. */
export function runProbe(probe: KubeObject['spec'], container: KubeObject['spec'], inst: Instance, podIP: string, nodeIP: string): ProbeOutcome {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    const command: string[] = probe.exec.command ?? [];
    const r = exec(command, inst.host, inst.image, { budgetMs: timeoutMs });
    if (r.timedOut) return { ok: false, output: `command ${JSON.stringify(command.join(' '))} timed out` };
    if (r.exitCode === 0) return { ok: true };
    return { ok: false, output: (r.stdout + r.stderr).replace(/\n$/, '') };
  }
  if (probe.httpGet) {
    const port = probePort(probe.httpGet.port, container) ?? 80;
    const path: string = probe.httpGet.path || '/';
    const scheme = String(probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host || podIP;
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : '/' + path}`;
    if (!inst.process) return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    const headers = Object.fromEntries((probe.httpGet.httpHeaders ?? []).map((h: { name: string; value: string }) => [h.name, h.value]));
    const answer = inst.process.http({ port, method: 'GET', path, host: `${host}:${port}`, clientIp: nodeIP, userAgent: USER_AGENT, headers });
    if (answer === 'refused') return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (answer === 'not-http') return { ok: false, output: `Get "${url}": EOF` };
    if (answer.status >= 200 && answer.status < 400) return { ok: true };
    return { ok: false, output: `HTTP probe failed with statuscode: ${answer.status}` };
  }
  if (probe.tcpSocket) {
    const port = probePort(probe.tcpSocket.port, container) ?? 0;
    const host = probe.tcpSocket.host || podIP;
    if (inst.process?.listening().some((p) => p.port === port && p.protocol === 'TCP')) return { ok: true };
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    const port: number = probe.grpc.port;
    if (inst.process?.listening().some((p) => p.port === port && p.protocol === 'TCP')) return { ok: true };
    return { ok: false, output: `timeout: failed to connect service "${podIP}:${port}" within ${timeoutMs / 1000}s` };
  }
  return { ok: true };
}
