/**
 * `kubectl debug POD --image=X [-c NAME] [--target=C] [-it] [-- CMD]` (debugByEphemeralContainer):
 * adds an ephemeral container through pods/ephemeralcontainers, naming it
 * `debugger-xxxxx` unless `-c` is given, and with `-i` waits for it to run and attaches.
 * Attaching needs a terminal: the tutor's opens the container's shell as `exec -it` does;
 * a transcript gets what kubectl prints without a TTY, then the heredoc fed to the shell,
 * or the container's output once it ends (real kubectl would stay attached).
 */
import type { ApiClient } from '../../../engine/api/client.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError } from '../../errors.js';
import type { KubectlEnv, Output } from '../../types.js';
import { isBareShell, type ShellEnv } from './exec.js';

/** utilrand.String's alphabet: no vowels, no look-alike digits. */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** How long (virtual) a transcript waits for the container to run, and follows a command it runs. */
const ATTACH_WAIT_MS = 5 * 60 * 1000;

/** What the ephemeral path needs from the verb. */
export interface EphemeralDebug {
  readonly flags: ParsedFlags;
  readonly env: KubectlEnv;
  readonly io: Output;
  readonly client: ApiClient;
  readonly pod: KubeObject;
  readonly command: readonly string[];
}

/**
 * The five-character suffix kubectl draws at random, drawn here from the pod and the clock
 * so that a transcript is the same on every run.
 */
export function debuggerSuffix(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 5; round++) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += SUFFIX_ALPHABET[h % SUFFIX_ALPHABET.length];
  }
  return out;
}

function containerNames(pod: KubeObject): Set<string> {
  return new Set([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c: { name: string }) => c.name));
}

/** computeDebugContainerName: `-c`, or a free `debugger-xxxxx` announced on stdout. */
export function debugContainerName(pod: KubeObject, flags: ParsedFlags, env: KubectlEnv, io: Output): string {
  const given = flags.string('container');
  if (given) return given;
  const taken = containerNames(pod);
  let name = '';
  for (let i = 0; !name || taken.has(name); i++) name = `debugger-${debuggerSuffix(`${pod.metadata.uid}/${env.now()}/${taken.size}/${i}`)}`;
  if (!flags.bool('quiet')) io.out(`Defaulting debug container name to ${name}.\n`);
  return name;
}

/** The securityContext a --profile gives an ephemeral container (profiles.go, 1.30). */
function profileSecurityContext(profile: string): Record<string, unknown> | undefined {
  switch (profile) {
    case 'general':
      return { capabilities: { add: ['SYS_PTRACE'] } };
    case 'restricted':
      return { runAsNonRoot: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } };
    case 'netadmin':
      return { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } };
    case 'sysadmin':
      return { privileged: true };
    default:
      return undefined;
  }
}

/** The EphemeralContainer generateDebugContainer builds, in its field order. */
function ephemeralContainer(d: EphemeralDebug, name: string): Record<string, unknown> {
  const { flags, command } = d;
  const env = flags.list('env').map((kv) => ({ name: kv.split('=')[0], value: kv.slice(kv.indexOf('=') + 1) }));
  const security = profileSecurityContext(flags.string('profile'));
  return {
    name,
    image: flags.string('image'),
    ...(command.length ? (flags.bool('arguments-only') ? { args: [...command] } : { command: [...command] }) : {}),
    ...(env.length ? { env } : {}),
    terminationMessagePolicy: 'File',
    ...(flags.string('image-pull-policy') ? { imagePullPolicy: flags.string('image-pull-policy') } : {}),
    ...(security ? { securityContext: security } : {}),
    // Go's omitempty drops false booleans from the patch.
    ...(flags.bool('stdin') ? { stdin: true } : {}),
    ...(flags.bool('tty') ? { tty: true } : {}),
    ...(flags.string('target') ? { targetContainerName: flags.string('target') } : {}),
  };
}

type Cs = { name: string; state?: { waiting?: { message?: string }; running?: unknown; terminated?: unknown } };

function statusOf(client: ApiClient, namespace: string, pod: string, name: string): Cs | undefined {
  const live = client.get('pods', namespace, pod);
  if (!live.ok) return undefined;
  const all: Cs[] = [...(live.value.status?.initContainerStatuses ?? []), ...(live.value.status?.containerStatuses ?? []), ...(live.value.status?.ephemeralContainerStatuses ?? [])];
  return all.find((s) => s.name === name);
}

/**
 * waitForContainer: advances until the container runs or has ended, printing each new
 * waiting message as kubectl's warning printer does. Undefined when it never got there.
 */
function waitForContainer(d: EphemeralDebug, namespace: string, podName: string, name: string): Cs | undefined {
  let lastMessage = '';
  for (let waited = 0; waited <= ATTACH_WAIT_MS; waited += 1000) {
    const s = statusOf(d.client, namespace, podName, name);
    if (s?.state?.running || s?.state?.terminated) return s;
    const message = s?.state?.waiting?.message ?? '';
    if (message && message !== lastMessage && !d.flags.bool('quiet')) d.io.err(`Warning: container ${name}: ${message}\n`);
    lastMessage = message;
    d.env.advance(1000);
  }
  return undefined;
}

/** Follows a container that runs a command until it ends, then prints its output (attach without a terminal). */
function followOutput(d: EphemeralDebug, namespace: string, podName: string, name: string): number {
  for (let waited = 0; waited < ATTACH_WAIT_MS && !statusOf(d.client, namespace, podName, name)?.state?.terminated; waited += 1000) d.env.advance(1000);
  const logs = d.client.logs(namespace, podName, { container: name });
  if (logs.ok) d.io.out(logs.value);
  return 0;
}

/** Attaches to the debug container (handleAttachPod), as far as the environment has a terminal. */
function attach(d: EphemeralDebug, namespace: string, podName: string, name: string): number {
  const { flags, io, env } = d;
  const quiet = flags.bool('quiet');
  const status = waitForContainer(d, namespace, podName, name);
  if (!status) {
    io.err(`kubetutor: container ${name} did not start within ${ATTACH_WAIT_MS / 60_000} minutes; kubectl would keep waiting. See \`kubectl describe pod ${podName}\`.\n`);
    return 1;
  }
  // A container that has already ended is not attached to: kubectl prints its logs instead.
  if (status.state?.terminated) return followOutput(d, namespace, podName, name);
  const shell = d.command.length === 0 || isBareShell(d.command);
  const shellEnv = env as ShellEnv;
  const terminal = !!env.interactive && !!shellEnv.openShell && shell;
  // SetupTTY: a transcript's stdin is not a terminal.
  if (flags.bool('tty') && !env.interactive && !quiet) io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  if (!quiet) io.err("If you don't see a command prompt, try pressing enter.\n");
  if (terminal) {
    const code = shellEnv.openShell!({ namespace, pod: podName, container: name, command: d.command.length ? d.command : ['sh'] });
    if (flags.bool('tty') && !quiet) {
      io.out(`Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${podName} -c ${name} -n ${namespace} -i -t' if it is still running\n`);
    }
    return code;
  }
  if (!shell) return followOutput(d, namespace, podName, name);
  if (env.stdin !== undefined) {
    // The heredoc is what the shell reads; kubectl would then stay attached to the idle shell.
    const r = d.client.exec(namespace, podName, { container: name, command: d.command.length ? d.command : ['sh'], stdin: env.stdin });
    if (!r.ok) return printError(io, r.error);
    io.out(r.value.stdout);
    io.err(r.value.stderr);
    return 0;
  }
  io.err(
    `kubetutor: the debugging shell waits for a terminal; in the tutor's terminal \`kubectl debug -it\` opens it.\n` +
      `In a script, feed it a heredoc or run a command in it, e.g. \`kubectl exec ${podName} -c ${name} -- ps\`.\n`,
  );
  return 0;
}

/** Runs the ephemeral-container path of `kubectl debug POD`. */
export function debugByEphemeralContainer(d: EphemeralDebug): number {
  const { flags, client, pod, io } = d;
  const namespace = pod.metadata.namespace ?? 'default';
  const podName = pod.metadata.name!;
  const name = debugContainerName(pod, flags, d.env, io);
  const next: KubeObject = { ...pod, spec: { ...pod.spec, ephemeralContainers: [...(pod.spec?.ephemeralContainers ?? []), ephemeralContainer(d, name)] } };
  const r = client.updateEphemeralContainers(namespace, podName, next);
  if (!r.ok) return printError(io, r.error);
  const attachFlag = flags.changed.has('attach') ? flags.bool('attach') : flags.bool('stdin');
  return attachFlag ? attach(d, namespace, podName, name) : 0;
}
