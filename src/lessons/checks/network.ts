/**
 * The `reachable` check's probe over the engine's cluster network: a request from the
 * control-plane node, where the learner's terminal runs, as their `curl` would send it.
 * Nothing in the cluster changes (no pod is created). Like a real node, the probe resolves
 * names through /etc/hosts and upstream DNS, not CoreDNS: it reaches ClusterIPs, pod IPs,
 * NodePorts and the ingress controller by address, and `http://web` does not resolve —
 * a check that wants in-cluster names sends from a pod (`from`).
 */
import type { ClusterNetwork } from '../../engine/index.js';
import type { NetworkProbe } from './types.js';

/** Where the probe's requests come from, for check messages. */
export const PROBE_ORIGIN = 'the control plane';

/** A NetworkProbe for a cluster network (the session and the verifier wire it). */
export function networkProbe(network: ClusterNetwork): NetworkProbe {
  return {
    request: (_from, url, timeoutMs) => {
      const out = network.request('node', url, { timeoutMs });
      return out.ok ? { ok: true, status: out.status, body: out.body } : { ok: false, error: out.error };
    },
  };
}
