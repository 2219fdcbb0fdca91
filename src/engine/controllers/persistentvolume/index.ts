/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume): binds claims
 * to volumes, tracks both phases, hands claims of provisioning classes to their external
 * provisioner (see provisioner.ts) and applies reclaim policies when claims go.
 */
import type { Controller, ControllerContext } from '../types.js';
import { syncClaim } from './claims.js';
import { claimClass } from './match.js';
import { syncVolume } from './volumes.js';

export { createVolumeProvisionerController } from './provisioner.js';

const CLAIM = 'claim:';
const VOLUME = 'volume:';

/** The persistentvolume-controller. */
export function createPersistentVolumeController(): Controller {
  return {
    name: 'persistentvolume-controller',
    watches: ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses'],
    initialKeys: (ctx) => [...ctx.store.list('persistentvolumes').map((v) => VOLUME + v.metadata.name), ...ctx.store.list('persistentvolumeclaims').map((c) => `${CLAIM}${c.metadata.namespace}/${c.metadata.name}`)],
    keysFor(event, ctx) {
      const obj = event.object;
      if (event.resource === 'persistentvolumes') {
        const ref = obj.spec?.claimRef;
        return [VOLUME + obj.metadata.name, ...(ref?.name && event.type !== 'DELETED' ? [`${CLAIM}${ref.namespace}/${ref.name}`] : [])];
      }
      if (event.resource === 'storageclasses') {
        // A class that appears (or changes) may let Pending claims provision.
        return ctx.store
          .list('persistentvolumeclaims')
          .filter((c) => !c.spec?.volumeName && claimClass(c) === obj.metadata.name)
          .map((c) => `${CLAIM}${c.metadata.namespace}/${c.metadata.name}`);
      }
      const keys = event.type === 'DELETED' ? [] : [`${CLAIM}${obj.metadata.namespace}/${obj.metadata.name}`];
      // The claim's volume: Bound, or Released once the claim is gone.
      if (obj.spec?.volumeName) keys.push(VOLUME + obj.spec.volumeName);
      if (event.type === 'DELETED') {
        for (const pv of ctx.store.list('persistentvolumes')) if (pv.spec?.claimRef?.uid === obj.metadata.uid) keys.push(VOLUME + pv.metadata.name);
      }
      return keys;
    },
    sync(key: string, ctx: ControllerContext) {
      if (key.startsWith(VOLUME)) {
        const pv = ctx.store.get('persistentvolumes', undefined, key.slice(VOLUME.length));
        if (pv) syncVolume(pv, ctx);
        return;
      }
      const [namespace, name] = key.slice(CLAIM.length).split('/') as [string, string];
      const pvc = ctx.store.get('persistentvolumeclaims', namespace, name);
      if (pvc) syncClaim(pvc, ctx);
    },
  };
}
