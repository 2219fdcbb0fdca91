/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's
 * status — expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed and the
 * DisruptionAllowed condition — current as its pods come, go and change readiness. The
 * eviction subresource (eviction.ts) reads that status to allow or refuse an eviction.
 */
import { stableJson } from '../../api/server.js';
import type { KubeObject } from '../../api/types.js';
import { keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { budgetsForPod, computeBudget, DELETION_TIMEOUT_MS } from './budget.js';

export { evictPod, type EvictOptions } from './eviction.js';

/** The disruption-controller. */
export function createDisruptionController(): Controller {
  return {
    name: 'disruption-controller',
    watches: ['poddisruptionbudgets', 'pods', 'deployments', 'replicasets', 'statefulsets'],
    initialKeys: (ctx) => ctx.store.list('poddisruptionbudgets').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'poddisruptionbudgets') return event.type === 'DELETED' ? [] : [keyOf(event.object)];
      if (event.resource === 'pods') {
        const keys = new Set(budgetsForPod(event.object, ctx.store).map(keyOf));
        if (event.oldObject) for (const b of budgetsForPod(event.oldObject, ctx.store)) keys.add(keyOf(b));
        return [...keys];
      }
      // A scale change moves expectedPods for budgets that use maxUnavailable or a percentage.
      if (event.oldObject?.spec?.replicas === event.object.spec?.replicas) return [];
      return ctx.store.list('poddisruptionbudgets', event.object.metadata.namespace).map(keyOf);
    },
    sync: syncBudget,
  };
}

function syncBudget(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const pdb = ctx.store.get('poddisruptionbudgets', namespace, name);
  if (!pdb) return;
  const now = ctx.clock.now();
  const computed = computeBudget(pdb, ctx.store, now);
  const generation = pdb.metadata.generation;
  let status: Record<string, unknown>;
  if ('error' in computed) {
    ctx.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${computed.error}`);
    status = { ...pdb.status, observedGeneration: generation, disruptionsAllowed: 0, conditions: [condition(pdb, false, 'SyncFailed', computed.error, ctx)] };
  } else {
    const allowed = computed.disruptionsAllowed > 0;
    status = {
      ...(Object.keys(computed.disruptedPods).length > 0 ? { disruptedPods: computed.disruptedPods } : {}),
      disruptionsAllowed: computed.disruptionsAllowed,
      currentHealthy: computed.currentHealthy,
      desiredHealthy: computed.desiredHealthy,
      expectedPods: computed.expectedPods,
      observedGeneration: generation,
      conditions: [condition(pdb, allowed, allowed ? 'SufficientPods' : 'InsufficientPods', '', ctx)],
    };
    // An eviction whose pod never went stops counting after the timeout: look again then.
    for (const at of Object.values(computed.disruptedPods)) ctx.requeueAfter(key, Date.parse(at) + DELETION_TIMEOUT_MS - now);
  }
  if (stableJson(status) === stableJson(pdb.status ?? {})) return;
  ctx.client.updateStatus('poddisruptionbudgets', namespace, { ...pdb, status });
}

/** The DisruptionAllowed condition, keeping its transition time while its status holds. */
function condition(pdb: KubeObject, allowed: boolean, reason: string, message: string, ctx: ControllerContext): Record<string, unknown> {
  const status = allowed ? 'True' : 'False';
  const before = ((pdb.status?.conditions ?? []) as Record<string, unknown>[]).find((c) => c.type === 'DisruptionAllowed');
  const since = before?.status === status && before.lastTransitionTime ? before.lastTransitionTime : ctx.clock.nowRfc3339();
  return { lastTransitionTime: since, message, observedGeneration: pdb.metadata.generation, reason, status, type: 'DisruptionAllowed' };
}
