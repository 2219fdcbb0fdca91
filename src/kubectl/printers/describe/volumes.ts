/**
 * The `Volumes:` section of describe pod / pod templates and the `Source:` of describe pv
 * (describe.go describeVolumes and the print*VolumeSource functions).
 */
import { goList, quantityString } from './format.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './tabbed.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- volume sources are loose JSON */
type Source = Record<string, any>;

/** Go's `%v` of a scalar or nil pointer. */
const v = (x: unknown): string => (x === undefined || x === null ? '<nil>' : Array.isArray(x) ? goList(x) : String(x));
/** Go's `%v` of a non-pointer field: zero value when unset. */
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
const bool = (x: unknown): string => String(x === true);
const num = (x: unknown): string => String(x ?? 0);
/** Go's `%v` of a *LocalObjectReference. */
const ref = (x: Source | undefined): string => (x ? `&LocalObjectReference{Name:${x.name ?? ''},}` : '<nil>');

/** Writes `Type:\t<description>` and `    Key:\tvalue` lines at LEVEL_2, as the Go format strings do. */
function block(w: PrefixWriter, type: string, fields: readonly (readonly [string, string])[]): void {
  w.write(LEVEL_2, `Type:\t${type}\n` + fields.map(([k, value]) => `    ${k}:\t${value}\n`).join(''));
}

type Printer = (s: Source, w: PrefixWriter) => void;

const hostPath: Printer = (s, w) => block(w, 'HostPath (bare host directory volume)', [['Path', str(s.path)], ['HostPathType', s.type ?? '<none>']]);
const emptyDir: Printer = (s, w) => {
  const limit = s.sizeLimit && parseFloat(String(s.sizeLimit)) !== 0 ? quantityString(s.sizeLimit) : '<unset>';
  block(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', str(s.medium)], ['SizeLimit', limit]]);
};
const nfs: Printer = (s, w) => block(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', str(s.server)], ['Path', str(s.path)], ['ReadOnly', bool(s.readOnly)]]);
const pvc: Printer = (s, w) =>
  block(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [['ClaimName', str(s.claimName)], ['ReadOnly', bool(s.readOnly)]]);
const secret: Printer = (s, w) => block(w, 'Secret (a volume populated by a Secret)', [['SecretName', str(s.secretName)], ['Optional', bool(s.optional)]]);
const configMap: Printer = (s, w) => block(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', str(s.name)], ['Optional', bool(s.optional)]]);

// v1.30 prints the *bool Optional pointers of projected sources with %v: `<nil>` when unset.
const projected: Printer = (s, w) => {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const src of (s.sources ?? []) as Source[]) {
    if (src.secret) w.write(LEVEL_2, `SecretName:\t${str(src.secret.name)}\n    SecretOptionalName:\t${v(src.secret.optional)}\n`);
    else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (src.configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(src.configMap.name)}\n    ConfigMapOptional:\t${v(src.configMap.optional)}\n`);
    else if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(src.serviceAccountToken.expirationSeconds)}\n`);
  }
};

const downwardAPI: Printer = (s, w) => {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of (s.items ?? []) as Source[]) {
    if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
  }
};

const csi: Printer = (s, w) => {
  const fields: [string, string][] = [['Driver', str(s.driver)], ['FSType', str(s.fsType)]];
  if (s.volumeHandle !== undefined) fields.push(['VolumeHandle', str(s.volumeHandle)]);
  fields.push(['ReadOnly', bool(s.readOnly)]);
  block(w, 'CSI (a Container Storage Interface (CSI) volume source)', fields);
  const attrs: Record<string, string> = s.volumeAttributes ?? {};
  const keys = Object.keys(attrs).sort();
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  if (keys.length === 0) w.writeLine('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_2, '\t');
    const line = `${k}=${attrs[k]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
};

const ephemeral: Printer = (s, w) => {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  const t = s.volumeClaimTemplate;
  if (!t) return;
  // printPersistentVolumeClaim(isFullPVC=false) through a nested writer two levels deeper.
  const spec = t.spec ?? {};
  w.write(LEVEL_2, `StorageClass:\t${str(spec.storageClassName)}\n`);
  w.write(LEVEL_2, `Volume:\t${str(spec.volumeName)}\n`);
  const labels = Object.keys(t.metadata?.labels ?? {}).sort();
  w.write(LEVEL_2, `Labels:\t${labels.length ? labels.map((k) => `${k}=${t.metadata.labels[k]}`).join('\n\t') : '<none>'}\n`);
  w.write(LEVEL_2, 'Annotations:\t<none>\n');
  w.write(LEVEL_2, 'Capacity:\t\n');
  w.write(LEVEL_2, 'Access Modes:\t\n');
  if (spec.volumeMode) w.write(LEVEL_2, `VolumeMode:\t${spec.volumeMode}\n`);
};

const simple = (type: string, fields: (s: Source) => [string, string][]): Printer => (s, w) => block(w, type, fields(s));

/** Volume source printers by the field that selects them, in describeVolumes' order. */
const PRINTERS: readonly (readonly [string, Printer])[] = [
  ['hostPath', hostPath],
  ['emptyDir', emptyDir],
  ['gcePersistentDisk', simple('GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', (s) => [['PDName', str(s.pdName)], ['FSType', str(s.fsType)], ['Partition', num(s.partition)], ['ReadOnly', bool(s.readOnly)]])],
  ['awsElasticBlockStore', simple('AWSElasticBlockStore (a Persistent Disk resource in AWS)', (s) => [['VolumeID', str(s.volumeID)], ['FSType', str(s.fsType)], ['Partition', num(s.partition)], ['ReadOnly', bool(s.readOnly)]])],
  ['gitRepo', simple('GitRepo (a volume that is pulled from git when the pod is created)', (s) => [['Repository', str(s.repository)], ['Revision', str(s.revision)]])],
  ['secret', secret],
  ['configMap', configMap],
  ['nfs', nfs],
  ['iscsi', simple("ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", (s) => [['TargetPortal', str(s.targetPortal)], ['IQN', str(s.iqn)], ['Lun', num(s.lun)], ['FSType', str(s.fsType)], ['ReadOnly', bool(s.readOnly)], ['Portals', goList(s.portals)], ['DiscoveryCHAPAuth', bool(s.chapAuthDiscovery)], ['SessionCHAPAuth', bool(s.chapAuthSession)], ['SecretRef', ref(s.secretRef)], ['InitiatorName', s.initiatorName ?? '<none>']])],
  ['glusterfs', simple("Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", (s) => [['EndpointsName', str(s.endpoints)], ['Path', str(s.path)], ['ReadOnly', bool(s.readOnly)]])],
  ['persistentVolumeClaim', pvc],
  ['ephemeral', ephemeral],
  ['rbd', simple("RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", (s) => [['CephMonitors', goList(s.monitors)], ['RBDImage', str(s.image)], ['FSType', str(s.fsType)], ['RBDPool', str(s.pool)], ['RadosUser', str(s.user)], ['Keyring', str(s.keyring)], ['SecretRef', ref(s.secretRef)], ['ReadOnly', bool(s.readOnly)]])],
  ['quobyte', simple("Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", (s) => [['Registry', str(s.registry)], ['Volume', str(s.volume)], ['ReadOnly', bool(s.readOnly)]])],
  ['downwardAPI', downwardAPI],
  ['azureDisk', simple('AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', (s) => [['DiskName', str(s.diskName)], ['DiskURI', str(s.diskURI)], ['Kind', str(s.kind)], ['FSType', str(s.fsType)], ['CachingMode', str(s.cachingMode)], ['ReadOnly', bool(s.readOnly)]])],
  ['vsphereVolume', simple('vSphereVolume (a Persistent Disk resource in vSphere)', (s) => [['VolumePath', str(s.volumePath)], ['FSType', str(s.fsType)], ['StoragePolicyName', str(s.storagePolicyName)]])],
  ['cinder', simple('Cinder (a Persistent Disk resource in OpenStack)', (s) => [['VolumeID', str(s.volumeID)], ['FSType', str(s.fsType)], ['ReadOnly', bool(s.readOnly)], ['SecretRef', ref(s.secretRef)]])],
  ['photonPersistentDisk', simple('PhotonPersistentDisk (a Persistent Disk resource in photon platform)', (s) => [['PdID', str(s.pdID)], ['FSType', str(s.fsType)]])],
  ['portworxVolume', simple('PortworxVolume (a Portworx Volume resource)', (s) => [['VolumeID', str(s.volumeID)]])],
  ['scaleIO', simple('ScaleIO (a persistent volume backed by a block device in ScaleIO)', (s) => [['Gateway', str(s.gateway)], ['System', str(s.system)], ['Protection Domain', str(s.protectionDomain)], ['Storage Pool', str(s.storagePool)], ['Storage Mode', str(s.storageMode)], ['VolumeName', str(s.volumeName)], ['FSType', str(s.fsType)], ['ReadOnly', bool(s.readOnly)]])],
  ['local', simple('LocalVolume (a persistent volume backed by local storage on a node)', (s) => [['Path', str(s.path)]])],
  ['cephfs', simple("CephFS (a CephFS mount on the host that shares a pod's lifetime)", (s) => [['Monitors', goList(s.monitors)], ['Path', str(s.path)], ['User', str(s.user)], ['SecretFile', str(s.secretFile)], ['SecretRef', ref(s.secretRef)], ['ReadOnly', bool(s.readOnly)]])],
  ['storageos', simple('StorageOS (a StorageOS Persistent Disk resource)', (s) => [['VolumeName', str(s.volumeName)], ['VolumeNamespace', str(s.volumeNamespace)], ['FSType', str(s.fsType)], ['ReadOnly', bool(s.readOnly)]])],
  ['fc', simple('FC (a Fibre Channel disk)', (s) => [['TargetWWNs', (s.targetWWNs ?? []).join(', ')], ['LUN', s.lun === undefined ? '<none>' : String(s.lun)], ['FSType', str(s.fsType)], ['ReadOnly', bool(s.readOnly)]])],
  ['azureFile', simple('AzureFile (an Azure File Service mount on the host and bind mount to the pod)', (s) => [['SecretName', str(s.secretName)], ['ShareName', str(s.shareName)], ['ReadOnly', bool(s.readOnly)]])],
  ['flexVolume', simple('FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', (s) => [['Driver', str(s.driver)], ['FSType', str(s.fsType)], ['SecretRef', ref(s.secretRef)], ['ReadOnly', bool(s.readOnly)], ['Options', `map[${Object.keys(s.options ?? {}).sort().map((k) => `${k}:${s.options[k]}`).join(' ')}]`]])],
  ['flocker', simple('Flocker (a Flocker volume mounted by the Flocker agent)', (s) => [['DatasetName', str(s.datasetName)], ['DatasetUUID', str(s.datasetUUID)]])],
  ['projected', projected],
  ['csi', csi],
];

/** Prints one volume source (pod volume or PV spec), or `<unknown>` at LEVEL_1. */
export function printVolumeSource(source: Source, w: PrefixWriter): void {
  for (const [field, print] of PRINTERS) {
    if (source[field]) {
      print(source[field], w);
      return;
    }
  }
  w.write(LEVEL_1, '<unknown>\n');
}

/** describeVolumes: `Volumes:  <none>` or each volume's name and source. */
export function describeVolumes(volumes: readonly Source[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${volume.name}:\n`);
    printVolumeSource(volume, w);
  }
}
