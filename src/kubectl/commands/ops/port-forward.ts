/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...`: in a transcript it prints kubectl's
 * `Forwarding from` lines and returns (a real one would block). The forwards are recorded
 * in the env's PortForwards registry so the TUI can answer `curl localhost:8080` with a
 * request to the pod through the cluster network.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../errors.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { resolvePod } from './pods.js';
import { PORT_FORWARD_SPEC } from './specs/pods.js';
import { openSession, usageError } from './support.js';

/** One forward: a local port to a pod's port. */
export interface PortForward {
  readonly localPort: number;
  readonly namespace: string;
  readonly pod: string;
  readonly podPort: number;
}

/** The session's forwards, keyed by local port; the TUI reads it for `curl localhost:PORT`. */
export class PortForwards {
  private readonly byPort = new Map<number, PortForward>();

  /** Records a forward, replacing an older one on the same local port. */
  add(forward: PortForward): void {
    this.byPort.set(forward.localPort, forward);
  }

  /** The forward listening on a local port. */
  lookup(localPort: number): PortForward | undefined {
    return this.byPort.get(localPort);
  }

  /** All forwards, by local port. */
  list(): PortForward[] {
    return [...this.byPort.values()].sort((a, b) => a.localPort - b.localPort);
  }
}

/** A KubectlEnv with a forward registry (the TUI's session provides one). */
export interface PortForwardEnv extends KubectlEnv {
  readonly portForwards?: PortForwards;
}

/** A container port by number or name (`http`). */
function podPort(pod: KubeObject, text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === text) return p.containerPort;
  return undefined;
}

/** A Service port (`80` or `http`) to the pod port it targets (cmd/portforward translateServicePortToTargetPort). */
function servicePortToPod(svc: KubeObject, pod: KubeObject, text: string): string | undefined {
  const port = (svc.spec?.ports ?? []).find((p: { port: number; name?: string }) => String(p.port) === text || p.name === text);
  if (!port) return undefined;
  const target = port.targetPort ?? port.port;
  return typeof target === 'number' ? String(target) : String(podPort(pod, target) ?? '');
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length < 2) return printError(io, usageError('kubectl port-forward', 'TYPE/NAME and list of ports are required for port-forward'));
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const target = flags.args[0]!;
  const chosen = resolvePod(client, namespace, target);
  if (!chosen.ok) return printError(io, 'text' in chosen ? chosen.text : chosen.error);
  const pod = chosen.value.pod;
  if (pod.status?.phase !== 'Running') return printError(io, `unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  const isService = /^(svc|service|services)(\.|\/)/.test(target);
  const svc = isService ? client.get('services', namespace, target.slice(target.indexOf('/') + 1)) : undefined;
  const forwards: PortForward[] = [];
  for (const spec of flags.args.slice(1)) {
    const [localText, remoteText] = spec.includes(':') ? (spec.split(':') as [string, string]) : [spec, spec];
    let remote = remoteText;
    if (svc?.ok) {
      const translated = servicePortToPod(svc.value, pod, remote);
      if (!translated) return printError(io, `Service ${svc.value.metadata.name} does not have a service port ${remote}`);
      remote = translated;
    }
    const port = podPort(pod, remote);
    if (port === undefined) return printError(io, `Pod '${pod.metadata.name}' does not have a named port '${remote}'`);
    // `:80` asks for a random local port; the tutor picks the remote port for determinism.
    const local = localText === '' ? port : Number(localText);
    if (!Number.isInteger(local) || local < 0 || local > 65535) return printError(io, `Error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax`);
    forwards.push({ localPort: local, namespace, pod: pod.metadata.name!, podPort: port });
  }
  const registry = (env as PortForwardEnv).portForwards;
  for (const f of forwards) {
    io.out(`Forwarding from 127.0.0.1:${f.localPort} -> ${f.podPort}\nForwarding from [::1]:${f.localPort} -> ${f.podPort}\n`);
    registry?.add(f);
  }
  return 0;
}

/** `kubectl port-forward`. */
export const portForward: CommandModule = { path: ['port-forward'], spec: PORT_FORWARD_SPEC, run };
