/**
 * `kubectl drain NODE` (cmd/drain, kubectl/pkg/drain): cordon, sort the node's pods
 * through kubectl's filters (mirror pods skipped; DaemonSet-managed, unmanaged and
 * emptyDir pods refused unless overridden), evict the rest honouring
 * PodDisruptionBudgets, and wait in virtual time for them to go.
 */
import type { ApiClient } from '../../../engine/api/client.js';
import { matchesLabelSelector } from '../../../engine/api/selectors.js';
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { printError, readDryRun } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { setSchedulable } from './nodes.js';
import { DRAIN_SPEC } from './specs/nodes.js';
import { openSession, UNBOUNDED_WAIT_MS, usageError, waitFor } from './support.js';

/** A pod's fate in a drain: evicted, skipped silently, skipped with a warning, or refusing the drain. */
type Verdict = { action: 'evict' } | { action: 'skip' } | { action: 'warn'; message: string } | { action: 'refuse'; message: string };

/** Overrides the learner gave. */
export interface DrainOptions {
  readonly ignoreDaemonSets: boolean;
  readonly force: boolean;
  readonly deleteEmptyDirData: boolean;
}

const finished = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** kubectl/pkg/drain/filters.go, in its order; returns the first verdict that is not `evict`, else evict. */
export function drainVerdict(pod: KubeObject, opts: DrainOptions): Verdict {
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return { action: 'skip' };
  const controller = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (controller?.kind === 'DaemonSet') {
    if (!opts.ignoreDaemonSets) return { action: 'refuse', message: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
    return { action: 'warn', message: 'ignoring DaemonSet-managed Pods' };
  }
  if (!controller && !finished(pod)) {
    if (!opts.force) return { action: 'refuse', message: 'cannot delete Pods declare no controller (use --force to override)' };
    return { action: 'warn', message: 'deleting Pods that declare no controller' };
  }
  const emptyDir = (pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir !== undefined);
  if (emptyDir && !finished(pod)) {
    if (!opts.deleteEmptyDirData) return { action: 'refuse', message: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)' };
    return { action: 'warn', message: 'deleting Pods with local storage' };
  }
  return { action: 'evict' };
}

/** `reason: ns/a, ns/b` lines, one per reason in first-seen order. */
function grouped(entries: readonly { message: string; pod: KubeObject }[]): string[] {
  const byMessage = new Map<string, string[]>();
  for (const e of entries) byMessage.set(e.message, [...(byMessage.get(e.message) ?? []), `${e.pod.metadata.namespace}/${e.pod.metadata.name}`]);
  return [...byMessage].map(([m, pods]) => `${m}: ${pods.join(', ')}`);
}

/**
 * Evicts a pod through pods/eviction when the client serves it; otherwise checks the
 * PodDisruptionBudgets the way the eviction REST handler does and deletes the pod.
 * Returns the 429 message when a budget forbids it.
 */
function evict(client: ApiClient, pod: KubeObject, gracePeriod: number): string | undefined {
  const withEvict = client as ApiClient & { evict?: (ns: string, name: string, opts?: { gracePeriodSeconds?: number }) => { ok: boolean; error?: { message: string } } };
  if (typeof withEvict.evict === 'function') {
    const r = withEvict.evict(pod.metadata.namespace!, pod.metadata.name!, gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {});
    return r.ok ? undefined : (r.error?.message ?? 'eviction failed');
  }
  const pdbs = client.list('poddisruptionbudgets', { namespace: pod.metadata.namespace });
  const blocking = (pdbs.ok ? pdbs.value.items : []).filter((b) => matchesLabelSelector(b.spec?.selector, pod.metadata.labels));
  if (blocking.length > 1) return 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
  if (blocking.length === 1 && (blocking[0]!.status?.disruptionsAllowed ?? 0) < 1) return "Cannot evict pod as it would violate the pod's disruption budget.";
  const r = client.delete('pods', pod.metadata.namespace, pod.metadata.name!, gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {});
  return r.ok || r.error.reason === 'NotFound' ? undefined : r.error.message;
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length !== 1) return printError(io, usageError('kubectl drain', 'USAGE: drain NODE [flags]'));
  const dryRun = readDryRun(flags, io, env.now());
  if (!dryRun.ok) return printError(io, dryRun.error);
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const client = session.value.client;
  const nodeName = flags.args[0]!;
  const node = client.get('nodes', undefined, nodeName);
  if (!node.ok) return printError(io, node.error);
  const cordoned = setSchedulable(client, node.value, true, dryRun.value);
  if (!cordoned.ok) return printError(io, cordoned.error);
  io.out(cordoned.line);

  const podSelector = flags.string('pod-selector');
  const pods = client.list('pods', { fieldSelector: `spec.nodeName=${nodeName}`, ...(podSelector ? { labelSelector: podSelector } : {}) });
  if (!pods.ok) return printError(io, pods.error);
  const opts: DrainOptions = { ignoreDaemonSets: flags.bool('ignore-daemonsets'), force: flags.bool('force'), deleteEmptyDirData: flags.bool('delete-emptydir-data') };
  const refusals: { message: string; pod: KubeObject }[] = [];
  const warnings: { message: string; pod: KubeObject }[] = [];
  const toEvict: KubeObject[] = [];
  for (const pod of pods.value.items) {
    if (pod.metadata.deletionTimestamp) continue;
    const v = drainVerdict(pod, opts);
    if (v.action === 'refuse') refusals.push({ message: v.message, pod });
    else if (v.action === 'warn') {
      warnings.push({ message: v.message, pod });
      toEvict.push(...(v.message.startsWith('ignoring') ? [] : [pod]));
    } else if (v.action === 'evict') toEvict.push(pod);
  }
  if (refusals.length > 0) {
    const reasons = grouped(refusals);
    const joined = reasons.length === 1 ? reasons[0] : `[${reasons.join(', ')}]`;
    io.err(`error: unable to drain node "${nodeName}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${nodeName}\n`);
    // checkErr unwraps the one-element aggregate RunDrain returns and prints the inner
    // aggregate with MultipleErrors(``, ...): one line per reason and no "error: " prefix.
    io.err(reasons.map((r) => `${r}\n`).join(''));
    return 1;
  }
  if (warnings.length > 0) io.err(`Warning: ${grouped(warnings).join('; ')}\n`);
  if (dryRun.value === 'client') {
    for (const pod of toEvict) io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    io.out(`node/${nodeName} drained (dry run)\n`);
    return 0;
  }

  const grace = flags.int('grace-period');
  const pending = new Map<string, KubeObject>();
  // --disable-eviction: DeleteOrEvictPods deletes each pod, bypassing PodDisruptionBudgets.
  const deleting = flags.bool('disable-eviction');
  for (const pod of toEvict) {
    if (deleting) {
      const r = client.delete('pods', pod.metadata.namespace, pod.metadata.name!, grace >= 0 ? { gracePeriodSeconds: grace } : {});
      if (!r.ok && r.error.reason !== 'NotFound') return printError(io, r.error);
    }
    io.out(`${deleting ? 'deleting' : 'evicting'} pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
    pending.set(pod.metadata.uid!, pod);
  }
  // Evictions a budget refuses are retried every 5s, as kubectl does, until --timeout.
  const refused = new Map<string, number>();
  const tryEvict = (pod: KubeObject) => {
    const error = evict(client, pod, grace);
    if (error === undefined) refused.delete(pod.metadata.uid!);
    else if (refused.get(pod.metadata.uid!) === undefined || refused.get(pod.metadata.uid!)! <= env.now()) {
      io.err(`error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${error}\n`);
      refused.set(pod.metadata.uid!, env.now() + 5000);
    }
  };
  if (!deleting) for (const pod of toEvict) tryEvict(pod);
  const timeout = flags.duration('timeout');
  const done = waitFor(env, timeout > 0 ? timeout : UNBOUNDED_WAIT_MS, () => {
    for (const [uid, pod] of pending) {
      const current = client.get('pods', pod.metadata.namespace, pod.metadata.name!);
      if (!current.ok || current.value.metadata.uid !== uid) {
        io.out(`pod/${pod.metadata.name} ${deleting ? 'deleted' : 'evicted'}\n`);
        pending.delete(uid);
      } else if (refused.has(uid) && refused.get(uid)! <= env.now()) tryEvict(pod);
    }
    return pending.size === 0;
  });
  if (!done) {
    const names = [...pending.values()].map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    io.err(`There are pending pods in node "${nodeName}" when an error occurred: drain did not complete within ${Math.round((timeout > 0 ? timeout : UNBOUNDED_WAIT_MS) / 1000)}s\n${names.map((n) => `pod/${n.split('/')[1]}\n`).join('')}`);
    io.err(`error: unable to drain node "${nodeName}" due to error: drain did not complete within ${Math.round((timeout > 0 ? timeout : UNBOUNDED_WAIT_MS) / 1000)}s, continuing command...\nThere are pending nodes to be drained:\n ${nodeName}\nerror: drain did not complete within ${Math.round((timeout > 0 ? timeout : UNBOUNDED_WAIT_MS) / 1000)}s\n`);
    return 1;
  }
  io.out(`node/${nodeName} drained\n`);
  return 0;
}

/** `kubectl drain`. */
export const drain: CommandModule = { path: ['drain'], spec: DRAIN_SPEC, run };
