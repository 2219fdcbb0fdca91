/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): deletes a finished
 * Job ttlSecondsAfterFinished after it finished, in the foreground so its pods go first.
 */
import { keyOf, splitKey, type Controller, type ControllerContext } from '../types.js';
import { finishTime, isFinished } from './status.js';

export function createTTLAfterFinishedController(): Controller {
  return {
    name: 'ttl-after-finished-controller',
    watches: ['jobs'],
    initialKeys: (ctx) => ctx.store.list('jobs').map(keyOf),
    keysFor: (event) => (event.type === 'DELETED' ? [] : [keyOf(event.object)]),
    sync: syncTTL,
  };
}

function syncTTL(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key);
  const job = ctx.store.get('jobs', namespace, name);
  const ttl = job?.spec?.ttlSecondsAfterFinished;
  if (!job || ttl == null || job.metadata.deletionTimestamp || !isFinished(job)) return;
  const finished = finishTime(job);
  if (finished === undefined) return;
  const expireAt = finished + ttl * 1000;
  const now = ctx.clock.now();
  if (now < expireAt) {
    ctx.requeueAfter(key, expireAt - now);
    return;
  }
  ctx.client.delete('jobs', namespace, name, { propagationPolicy: 'Foreground' });
}
