/**
 * The FailedScheduling message (framework.FitError.Error): `0/N nodes are available:`
 * then the PreFilter message or a string-sorted histogram of node reasons, then what
 * preemption said, each part ending in a period.
 */
import type { Status } from './types.js';

/** `1 node(s) had untolerated taint {…}, 2 Insufficient cpu`: counts per reason, string-sorted. */
export function reasonHistogram(statuses: Iterable<Status>): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  // sort.Strings compares bytes; the reasons are ASCII, so code-unit order is the same.
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort().join(', ');
}

/**
 * Composes the message. `postFilterMsg` is what DefaultPreemption returned, already
 * prefixed `preemption: ` and ending in its own period (1.30 no longer doubles it).
 */
export function fitErrorMessage(numAllNodes: number, statuses: Iterable<Status>, preFilterMsg?: string, postFilterMsg?: string): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const histogram = reasonHistogram(statuses);
    if (histogram) msg += ` ${histogram}.`;
  }
  if (postFilterMsg) msg += postFilterMsg.endsWith('.') ? ` ${postFilterMsg}` : ` ${postFilterMsg}.`;
  return msg;
}
