/**
 * PID namespaces of a pod's containers, as the container runtime sets them up
 * (pkg/kubelet/kuberuntime/helpers.go namespacesForPod, containerNamespaces): each
 * container has its own, whose main process is PID 1; with shareProcessNamespace the pod
 * has one, owned by the pause process; an ephemeral container with targetContainerName
 * joins its target's (NamespaceMode_TARGET). `ps` in a container lists its namespace.
 */
import type { KubeObject } from '../api/types.js';
import type { ProcessEntry } from './process/index.js';
import type { ContainerRuntime, PodRuntime } from './runtime.js';

/** The key of the pod-wide namespace (shareProcessNamespace). */
const POD_NAMESPACE = 'pod';
/** Pids advance by a handful per process started, as runc's helpers take some in between. */
const PID_STEP = 6;

/** Which PID namespace a container runs in. */
export function pidNamespaceOf(pod: KubeObject, c: ContainerRuntime, rt: PodRuntime): string {
  if (pod.spec?.shareProcessNamespace) return POD_NAMESPACE;
  const target: string | undefined = c.kind === 'ephemeral' ? c.spec.targetContainerName : undefined;
  if (target && rt.containers.some((x) => x.name === target)) return `container:${target}`;
  return `container:${c.name}`;
}

/**
 * The pid a container's main process gets: 1 when it creates the namespace (a container's
 * own, started again on a restart), else the namespace's next free pid.
 */
export function joinPidNamespace(rt: PodRuntime, namespace: string, c: ContainerRuntime): number {
  if (namespace === `container:${c.name}`) {
    rt.pidCounters.set(namespace, 1 + PID_STEP);
    return 1;
  }
  return nextPid(rt, namespace);
}

/** Takes the namespace's next free pid (the pause process holds 1 in a pod-wide one). */
export function nextPid(rt: PodRuntime, namespace: string): number {
  const pid = rt.pidCounters.get(namespace) ?? 1 + PID_STEP;
  rt.pidCounters.set(namespace, pid + PID_STEP);
  return pid;
}

/** The user `ps` shows for a container: root, or the numeric runAsUser (no passwd entry). */
export function processUser(pod: KubeObject, spec: KubeObject['spec']): string {
  const uid = spec.securityContext?.runAsUser ?? pod.spec?.securityContext?.runAsUser;
  return uid === undefined || uid === 0 ? 'root' : String(uid);
}

/** The running processes of a namespace, by pid. */
export function namespaceProcesses(pod: KubeObject, rt: PodRuntime, namespace: string): ProcessEntry[] {
  const out: ProcessEntry[] = [];
  if (namespace === POD_NAMESPACE) out.push({ pid: 1, user: '65535', command: '/pause', startedAt: rt.sandboxAt });
  for (const c of [...rt.containers, ...rt.ephemeral]) {
    const inst = c.current;
    if (!inst || inst.exitCode !== undefined || !inst.process || inst.pidNamespace !== namespace) continue;
    out.push({ pid: inst.pid, user: processUser(pod, c.spec), command: inst.command, startedAt: inst.startedAt });
  }
  return out.sort((a, b) => a.pid - b.pid);
}
