/** `kubectl get` tables for storage: persistentvolumes, persistentvolumeclaims, storageclasses. */
import type { KubeObject } from '../../../engine/api/types.js';
import { age } from '../cells.js';
import { col, name, wide, type PrinterTable } from '../printer-table.js';

const MODES: readonly [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** helper.GetAccessModesAsString: `RWO,ROX,RWX,RWOP` in that fixed order, duplicates dropped. */
export function accessModes(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  return MODES.filter(([mode]) => set.has(mode)).map(([, short]) => short).join(',');
}

// The beta annotation still wins over spec.storageClassName (helper.GetPersistentVolume[Claim]Class).
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';
const storageClassOf = (obj: KubeObject): string => obj.metadata.annotations?.[BETA_CLASS] ?? obj.spec?.storageClassName ?? '';

/** printPersistentVolume: STATUS is the phase, or Terminating; CLAIM `ns/name`. */
export const persistentvolumes: PrinterTable = {
  columns: [
    name(), col('CAPACITY'), col('ACCESS MODES'), col('RECLAIM POLICY'), col('STATUS'), col('CLAIM'), col('STORAGECLASS'),
    col('VOLUMEATTRIBUTESCLASS'), col('REASON'), col('AGE'), wide('VOLUMEMODE'),
  ],
  row: (pv, { now }) => {
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    return [
      pv.metadata.name ?? '', spec.capacity?.storage ?? '0', accessModes(spec.accessModes), spec.persistentVolumeReclaimPolicy ?? '',
      pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''), claim, storageClassOf(pv),
      spec.volumeAttributesClassName ?? '<unset>', pv.status?.reason ?? '', age(pv, now), spec.volumeMode ?? '<unset>',
    ];
  },
};

/** printPersistentVolumeClaim: VOLUME, CAPACITY and ACCESS MODES stay empty until bound. */
export const persistentvolumeclaims: PrinterTable = {
  columns: [
    name(), col('STATUS'), col('VOLUME'), col('CAPACITY'), col('ACCESS MODES'), col('STORAGECLASS'), col('VOLUMEATTRIBUTESCLASS'),
    col('AGE'), wide('VOLUMEMODE'),
  ],
  row: (pvc, { now }) => {
    const spec = pvc.spec ?? {};
    const bound = Boolean(spec.volumeName);
    return [
      pvc.metadata.name ?? '', pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''), spec.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '0') : '', bound ? accessModes(pvc.status?.accessModes) : '', storageClassOf(pvc),
      spec.volumeAttributesClassName ?? '<unset>', age(pvc, now), spec.volumeMode ?? '<unset>',
    ];
  },
};

const DEFAULT_CLASS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** printStorageClass: `name (default)`, defaults Delete / Immediate / false. */
export const storageclasses: PrinterTable = {
  columns: [name(), col('PROVISIONER'), col('RECLAIMPOLICY'), col('VOLUMEBINDINGMODE'), col('ALLOWVOLUMEEXPANSION'), col('AGE')],
  row: (sc, { now }) => {
    const isDefault = DEFAULT_CLASS.some((a) => sc.metadata.annotations?.[a] === 'true');
    return [
      `${sc.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`, sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate', String(sc.allowVolumeExpansion ?? false), age(sc, now),
    ];
  },
};
