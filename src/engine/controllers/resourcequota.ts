/**
 * The resourcequota controller (pkg/controller/resourcequota): keeps each ResourceQuota's
 * status.hard (a copy of spec.hard) and status.used (what the namespace's objects cost
 * now), so that `kubectl describe quota` shows usage against limits.
 */
import { RESOURCE_TYPES } from '../api/discovery.js';
import { computeQuotaUsage } from '../api/admission/index.js';
import { stableJson } from '../api/server.js';
import { keyOf, splitKey, type Controller, type ControllerContext } from './types.js';

/** Any namespaced object can be counted (`count/<resource>`), so every such resource matters. */
const WATCHED = RESOURCE_TYPES.filter((t) => t.namespaced && t.verbs.includes('list') && t.resource !== 'events').map((t) => t.resource);

/** The resourcequota-controller. */
export function createResourceQuotaController(): Controller {
  return {
    name: 'resourcequota-controller',
    watches: WATCHED,
    initialKeys: (ctx) => ctx.store.list('resourcequotas').map(keyOf),
    keysFor(event, ctx) {
      if (event.resource === 'resourcequotas') return event.type === 'DELETED' ? [] : [keyOf(event.object)];
      return ctx.store.list('resourcequotas', event.object.metadata.namespace).map(keyOf);
    },
    sync: syncQuota,
  };
}

function syncQuota(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const quota = ctx.store.get('resourcequotas', namespace, name);
  if (!quota) return;
  const status = computeQuotaUsage(quota, ctx.store, ctx.clock.nowRfc3339());
  if (stableJson(status) === stableJson(quota.status ?? {})) return;
  ctx.client.updateStatus('resourcequotas', namespace, { ...quota, status });
}
