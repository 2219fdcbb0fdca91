/**
 * Resource use as metrics-server would report it for `kubectl top`: per container from
 * the process model, per pod as the sum, per node as its pods plus the system's own use.
 */
import type { NodeAgent } from './agent.js';
import type { PodRuntime } from './runtime.js';

/** CPU in millicores and memory in bytes. */
export interface Usage {
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

/** A pod's use, with its containers'. */
export interface PodUsage extends Usage {
  readonly containers: readonly (Usage & { readonly name: string })[];
}

const MIB = 1048576;
/** What the OS, containerd and the kubelet use on a node, and the control plane on top. */
const SYSTEM_USAGE: Usage = { cpuMilli: 38, memoryBytes: 512 * MIB };
const CONTROL_PLANE_EXTRA: Usage = { cpuMilli: 45, memoryBytes: 420 * MIB };

/** A pod's current use (running containers only). */
export function podUsage(rt: PodRuntime): PodUsage {
  const containers = rt.containers
    .filter((c) => c.current && c.current.exitCode === undefined && c.current.process)
    .map((c) => {
      const u = c.current!.process!.usage();
      return { name: c.name, cpuMilli: Math.round(u.cpuMilli), memoryBytes: Math.round(u.memoryMiB * MIB) };
    });
  return {
    containers,
    cpuMilli: containers.reduce((n, c) => n + c.cpuMilli, 0),
    memoryBytes: containers.reduce((n, c) => n + c.memoryBytes, 0),
  };
}

/** A node's use: its running pods plus the system's share. */
export function nodeUsage(agent: NodeAgent, controlPlane: boolean): Usage {
  let cpu = SYSTEM_USAGE.cpuMilli + (controlPlane ? CONTROL_PLANE_EXTRA.cpuMilli : 0);
  let mem = SYSTEM_USAGE.memoryBytes + (controlPlane ? CONTROL_PLANE_EXTRA.memoryBytes : 0);
  for (const rt of agent.pods.values()) {
    const u = podUsage(rt);
    cpu += u.cpuMilli;
    mem += u.memoryBytes;
  }
  return { cpuMilli: cpu, memoryBytes: mem };
}
