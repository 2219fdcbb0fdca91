/**
 * The `reachable` check's probe over the engine's cluster network: a request from a pod
 * that does not exist (no object is created, nothing in the cluster changes), placed in
 * the check's namespace so DNS search paths resolve short Service names as from a pod
 * there. NetworkPolicies that select by pod labels do not select it.
 */
import type { ClusterNetwork } from '../../engine/network/index.js';
import type { NetworkProbe } from './types.js';

/** An address outside any node's pod range: it belongs to no pod, so no policy selects it as a pod. */
const PROBE_IP = '10.244.255.254';

/** A NetworkProbe for a cluster network (the session's `network` option wires it). */
export function networkProbe(network: ClusterNetwork): NetworkProbe {
  return {
    request: (from, url, timeoutMs) => {
      const out = network.request({ namespace: from.namespace, name: 'kubetutor-probe', ip: PROBE_IP }, url, { timeoutMs });
      return out.ok ? { ok: true, status: out.status, body: out.body } : { ok: false, error: out.error };
    },
  };
}
